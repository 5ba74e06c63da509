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

    /// <summary>Groups the units into entries. The open entry is always a run of consecutive
    /// units (every unit but a break joins it, a break closes it), so it is a start and a count;
    /// its labels are a bit per canonical label of the set.</summary>
    private static void Group(List<PlanEntry> entries, Scratch scratch, SectionKind kind, LabelSet set, string text, LineMap lines)
    {
        var units = scratch.Units;
        var openStart = 0;
        var openCount = 0;
        var openLabels = 0;
        for (var u = 0; u < scratch.UnitCount; u++)
        {
            var unit = units[u];
            switch (unit.Kind)
            {
                case UnitKind.Break:
                    Flush(entries, scratch, kind, text, lines, openStart, ref openCount, ref openLabels);
                    break;
                case UnitKind.Unlabelled when openCount > 0 && units[openStart].IsHeading:
                    // An entry opened by its own heading ("### Decision 2") owns its subsection:
                    // a bare list item there is part of its body, not an entry of its own.
                    openCount++;
                    break;
                case UnitKind.Unlabelled:
                    Flush(entries, scratch, kind, text, lines, openStart, ref openCount, ref openLabels);
                    openStart = u;
                    openCount = 1;
                    Flush(entries, scratch, kind, text, lines, openStart, ref openCount, ref openLabels);
                    break;
                case UnitKind.Primary:
                    if (openCount == 1 && units[openStart].IsHeading && !unit.IsHeading)
                    {
                        // "### Decision 2: ..." then "- Decision: ...": the heading only titles
                        // the labelled entry under it.
                        openCount = 0;
                        openLabels = 0;
                    }

                    Flush(entries, scratch, kind, text, lines, openStart, ref openCount, ref openLabels);
                    openStart = u;
                    openCount = 1;
                    openLabels |= 1 << unit.Label;
                    break;
                default:
                    // A field continues the open entry unless that entry already has it (then a
                    // new entry with no primary label starts: it will be reported as such).
                    if (openCount == 0 || (openLabels & (1 << unit.Label)) != 0)
                    {
                        Flush(entries, scratch, kind, text, lines, openStart, ref openCount, ref openLabels);
                    }

                    if (openCount == 0)
                    {
                        openStart = u;
                    }

                    openCount++;
                    for (var f = unit.FieldStart; f < unit.FieldStart + unit.FieldCount; f++)
                    {
                        openLabels |= 1 << scratch.Found[f].CanonicalIndex;
                    }

                    break;
            }
        }

        Flush(entries, scratch, kind, text, lines, openStart, ref openCount, ref openLabels);
    }

    private static void Flush(List<PlanEntry> entries, Scratch scratch, SectionKind kind, string text, LineMap lines, int openStart, ref int openCount, ref int openLabels)
    {
        if (openCount > 0)
        {
            entries.Add(MakeEntry(kind, scratch, text, lines, openStart, openCount));
            openCount = 0;
            openLabels = 0;
        }
    }

    private static PlanEntry MakeEntry(SectionKind kind, Scratch scratch, string text, LineMap lines, int first, int count)
    {
        var units = scratch.Units;
        var found = scratch.Found;
        var fieldCount = 0;
        for (var u = first; u < first + count; u++)
        {
            fieldCount += units[u].FieldCount;
        }

        var fields = new List<EntryField>(fieldCount);

        // Whether some value says "none" and every other one is empty or says so too (as
        // AllFieldsNone), tested on the values' ranges as they are found.
        var anyNone = false;
        var notNone = false;
        for (var u = first; u < first + count; u++)
        {
            var unit = units[u];
            var last = unit.FieldStart + unit.FieldCount;
            for (var i = unit.FieldStart; i < last; i++)
            {
                var field = found[i];
                var valueStart = field.ValueStart;
                var valueEnd = i + 1 < last ? found[i + 1].LabelStart : unit.End;
                while (valueEnd > valueStart && (char.IsWhiteSpace(text[valueEnd - 1]) || text[valueEnd - 1] is '*' or '_'))
                {
                    valueEnd--;
                }

                valueEnd = Math.Max(valueEnd, valueStart);
                if (!notNone)
                {
                    var noneStart = valueStart;
                    var noneEnd = valueEnd;
                    TrimRange(text, ref noneStart, ref noneEnd);
                    var none = noneEnd > noneStart && MayBeNone(text, noneStart, noneEnd) && NoneValue.IsMatch(text.Substring(noneStart, noneEnd - noneStart));
                    notNone = !none && noneEnd > noneStart;
                    anyNone |= none;
                }

                fields.Add(new EntryField(
                    field.Canonical,
                    LabelText(text, field.LabelStart, field.LabelEnd, field.Canonical),
                    text,
                    valueStart,
                    valueEnd - valueStart,
                    lines.Span(field.LabelStart, field.LabelEnd),
                    valueEnd > valueStart ? lines.Span(valueStart, valueEnd) : lines.Point(valueStart)));
            }
        }

        var start = units[first].Start;
        var end = units[first + count - 1].End;
        var firstLineEnd = start;
        while (firstLineEnd < end && text[firstLineEnd] != '\n' && text[firstLineEnd] != '\r')
        {
            firstLineEnd++;
        }

        // Most entries are one unit: their text is a range of the plan's, cut when first read;
        // an entry of several units is joined now.
        var source = text;
        var textStart = start;
        var textLength = units[first].End - start;
        if (count > 1)
        {
            source = scratch.Join(text, first, count);
            textStart = 0;
            textLength = source.Length;
        }

        var isNone = fields.Count == 0
            ? IsNoneMarker(source, textStart, textStart + textLength)
            : anyNone && !notNone;
        return new PlanEntry(kind, source, textStart, textLength, lines.Span(start, Math.Max(end, start + 1)), lines.Span(start, Math.Max(firstLineEnd, start + 1)), fields, isNone);
    }

    /// <summary>A label as written; most are written as their canonical name ("Risk",
    /// "Rationale"), whose string is then shared instead of copied once per field.</summary>
    private static string LabelText(string text, int start, int end, string canonical) =>
        end - start == canonical.Length && string.CompareOrdinal(text, start, canonical, 0, canonical.Length) == 0
            ? canonical
            : text.Substring(start, end - start);

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
