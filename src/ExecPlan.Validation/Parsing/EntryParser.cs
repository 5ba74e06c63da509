namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using Markdig.Syntax;

/// <summary>
/// Finds Risk, Surprise and Decision entries and their <c>Label: value</c> fields.
/// <para>
/// One grouper serves every layout. The section is cut into units: each list item, each
/// paragraph and each indented block is a region, split further at every line that starts with
/// the section's primary label (Risk, Observation, Decision, or a translation). A unit is
/// <em>primary</em> when its first line starts with the primary label, a <em>field</em> when it
/// starts with another label of the section (Severity, Evidence, Rationale, ...), and
/// <em>unlabelled</em> otherwise. An entry starts at a primary unit and takes in the field units
/// that follow (sibling bullets, following paragraphs or lines), until the next primary unit, a
/// field it already has, an unlabelled list item, or a heading. A sub-heading that starts with the
/// primary label ("### Decision 2: ...") opens an entry itself. Unlabelled list items are entries
/// of their own (a discovery written as a bare bullet); unlabelled paragraphs and indented blocks
/// are prose or transcripts and are not entries. Tables are not read (prefer silence).
/// </para>
/// </summary>
internal static partial class EntryParser
{
    // A property, not a field: the label sets in the other part of this class are built from it,
    // and the order of static initialisers across the parts of a partial class is not defined.
    private static TimeSpan RegexTimeout => TimeSpan.FromSeconds(2);

    // A whole entry that says there is nothing to record: "None yet.", "- (none so far)", "No
    // decisions yet.", "—", "暂无". The list mark is not the dash of "—".
    private static readonly Regex NoneMarker = new(
        @"^(?:[-*+]|\d{1,3}[.)])?[\s(\[_*]*(?:(?:none|nothing|n/a|tbd|nil)\b[^\r\n]{0,60}|not\s+yet\b[^\r\n]{0,60}|no\s[^\r\n]{0,40}\b(?:yet|so\s+far|to\s+(?:date|report)|recorded|identified)\b[^\r\n]{0,20}|[—–-]+[\s)\]_*.]*|(?:暂无|尚无|无|なし|特になし|まだなし|없음|아직\s*없음)[^\r\n]{0,30})$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);

    // A field value that says "nothing here": "(none yet)", "N/A", "-".
    private static readonly Regex NoneValue = new(
        @"^[\s\-–—*_(\[]*(?:none(?:\s+(?:yet|so\s+far|identified|found|observed|recorded))?|n/?a|nothing(?:\s+(?:yet|so\s+far|to\s+report))?|tbd|not\s+yet|nil|暂无|尚无|无|なし|特になし|없음|아직\s*없음|[—–-])[\s.)\]*_]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);

    private enum UnitKind
    {
        Primary,
        Field,
        Unlabelled,
        Break,
    }

    public static bool HasEntries(SectionKind kind) =>
        kind is SectionKind.Risks or SectionKind.Surprises or SectionKind.DecisionLog;

    public static string PrimaryLabel(SectionKind kind) => SetOf(kind).Primary;

    public static IEnumerable<PlanEntry> Parse(PlanSection section, string text, LineMap lines)
    {
        var entries = new List<PlanEntry>();
        ParseInto(entries, section, text, lines);
        return entries;
    }

    /// <summary>Adds a section's entries to <paramref name="entries"/>. The units and their fields
    /// live in buffers kept per thread (see <see cref="Scratch"/>), so a section costs its
    /// entries and their strings only.</summary>
    public static void ParseInto(List<PlanEntry> entries, PlanSection section, string text, LineMap lines)
    {
        var kind = section.Kind;
        var set = SetOf(kind);
        var scratch = Scratch.Take();
        try
        {
            CutUnits(scratch, section, text, lines, set);
            Group(entries, scratch, kind, set, text, lines);
        }
        finally
        {
            scratch.Release();
        }
    }

    private static void CutUnits(Scratch scratch, PlanSection section, string text, LineMap lines, LabelSet set)
    {
        var blocks = section.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            switch (block)
            {
                case HeadingBlock heading:
                    var headingStart = heading.Span.Start;
                    var headingEnd = Math.Min(text.Length, heading.Span.End + 1);
                    var (nameStart, nameEnd) = StripHeadingMarks(text, headingStart, headingEnd);
                    if (set.TryHeadingStart(text, nameStart, nameEnd, out var headingLabel) && headingLabel.Canonical == set.PrimaryIndex)
                    {
                        scratch.AddUnit(set, text, TrimStartOf(text, headingStart, headingEnd), TrimEnd(text, headingStart, headingEnd), UnitKind.Primary, set.PrimaryIndex, isHeading: true);
                    }
                    else
                    {
                        scratch.AddUnit(set, text, headingStart, headingEnd, UnitKind.Break, NoLabel, isHeading: false);
                    }

                    break;
                case ThematicBreakBlock:
                    scratch.AddUnit(set, text, block.Span.Start, block.Span.Start, UnitKind.Break, NoLabel, isHeading: false);
                    break;
                case ListBlock list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        var item = list[i];
                        SplitRegion(scratch, text, lines, set, item.Span.Start, Math.Min(text.Length, item.Span.End + 1), keepUnlabelled: true);
                    }

                    break;
                case CodeBlock code:
                    var (codeStart, codeEnd) = CodeContent(code, text, lines);
                    if (codeEnd > codeStart)
                    {
                        SplitRegion(scratch, text, lines, set, codeStart, codeEnd, keepUnlabelled: false);
                    }

                    break;
                case ParagraphBlock paragraph:
                    SplitRegion(scratch, text, lines, set, paragraph.Span.Start, Math.Min(text.Length, paragraph.Span.End + 1), keepUnlabelled: false);
                    break;
            }
        }
    }

    /// <summary>Whether some field says "none" and every other one is empty or says so too; each
    /// value is tested once.</summary>
    private static bool AllFieldsNone(List<EntryField> fields)
    {
        var any = false;
        foreach (var field in fields)
        {
            var value = field.Value.Trim();
            var none = MayBeNone(value) && NoneValue.IsMatch(value);
            if (!none && value.Length > 0)
            {
                return false;
            }

            any |= none;
        }

        return any;
    }

    private static bool IsNoneMarker(string text) => MayBeNone(text) && NoneMarker.IsMatch(text);

    /// <summary><see cref="IsNoneMarker(string)"/> on the trimmed range [start, end) of a text; the
    /// range is copied only when the filter lets it through to the regex.</summary>
    private static bool IsNoneMarker(string text, int start, int end)
    {
        TrimRange(text, ref start, ref end);
        return MayBeNone(text, start, end) && NoneMarker.IsMatch(text.Substring(start, end - start));
    }

    /// <summary>What <see cref="string.Trim()"/> leaves of [start, end): white space off both ends.</summary>
    private static void TrimRange(string text, ref int start, ref int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
    }

    /// <summary>Whether <see cref="NoneMarker"/> or <see cref="NoneValue"/> could match: past what
    /// either allows first (white space, a bullet or number, brackets, emphasis, dashes), the word
    /// must start with "no", "n/", "na", "ni" ("none", "nothing", "not yet", "no ... yet", "n/a",
    /// "nil") or "tb" ("tbd"), in any case, or with a non-ASCII character (a dash, a CJK or Hangul
    /// word, a letter the regex's case may equate with an ASCII one), or the text must end there
    /// (dashes only). A necessary condition only: the regex decides.</summary>
    internal static bool MayBeNone(string text) => MayBeNone(text, 0, text.Length);

    /// <summary><see cref="MayBeNone(string)"/> on the range [start, end) of a text.</summary>
    private static bool MayBeNone(string text, int start, int end)
    {
        var i = start;
        while (i < end && (char.IsWhiteSpace(text[i]) || text[i] is '(' or '[' or ']' or ')' or '_' or '*' or '-' or '+' or '.' or (>= '0' and <= '9')))
        {
            i++;
        }

        if (i == end || text[i] >= 128)
        {
            return true;
        }

        // "The ...", "Tests ...", "Need ...": most values that start with n or t are no such word.
        var second = i + 1 < end ? text[i + 1] : '\0';
        return text[i] switch
        {
            'n' or 'N' => second is 'o' or 'O' or '/' or 'a' or 'A' or 'i' or 'I' or >= '\u0080',
            't' or 'T' => second is 'b' or 'B' or >= '\u0080',
            _ => false,
        };
    }

    /// <summary>For tests: whether the none regexes match a text the filter rules out.</summary>
    internal static bool NoneFilterMisses(string text) => !MayBeNone(text) && (NoneMarker.IsMatch(text) || NoneValue.IsMatch(text));
}
