namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using System.Text;
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
internal static class EntryParser
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    private static readonly LabelSet RiskLabels = new(
        "Risk",
        ("Risk", @"Risk|Risque|Riesgo|Risiko|风险|風險|リスク|위험|리스크"),
        ("Severity", @"Severity|Gravit[ée]|S[ée]v[ée]rit[ée]|Severidad|Gravedad|Schweregrad|严重性|严重程度|嚴重性|嚴重程度|深刻度|重大度|심각도"),
        ("Likelihood", @"Likelihood|Probabilit[ée]|Probabilidad|Wahrscheinlichkeit|可能性|发生概率|発生確率|발생\s*가능성|가능성"),
        ("Probability", @"Probability"),
        ("Impact", @"Impact|Impacto|Auswirkung|影响|影響|영향"),
        ("Mitigation", @"Mitigation|Att[ée]nuation|Mitigaci[óo]n|Gegenma(?:ß|ss)nahmen?|缓解措施|缓解|應對措施|应对措施|緩和策|軽減策|対策|완화\s*방안|완화"),
        ("Contingency", @"Contingency|Fallback"));

    private static readonly LabelSet SurpriseLabels = new(
        "Observation",
        ("Observation", @"Observation|Observaci[óo]n|Beobachtung|观察|觀察|現象|観察|관찰"),
        ("Evidence", @"Evidence|Preuve|Evidencia|Beleg|Nachweis|证据|證據|証拠|根拠|증거|근거"),
        ("Impact", @"Impact|Impacto|Auswirkung|影响|影響|영향"));

    private static readonly LabelSet DecisionLabels = new(
        "Decision",
        ("Decision", @"Decision|D[ée]cision|Decisi[óo]n|Entscheidung|决定|决策|決定|決策|결정"),
        ("Rationale", @"Rationale|Justification|Justificaci[óo]n|Begr[üu]ndung|理由|原因|根拠|근거|이유"),
        ("Date/Author", @"Date\s*(?:/|&|and|,)\s*Author|Author\s*(?:/|&|and|,)\s*Date|Date\s*/\s*Auteur|Fecha\s*/\s*Autor|Datum\s*/\s*Autor|日期\s*/\s*作者|日付\s*/\s*(?:作成者|担当者?)|날짜\s*/\s*작성자"),
        ("Date", @"Date|Fecha|Datum|日期|日付|날짜"),
        ("Author", @"Author|Auteur|Autor|作者|作成者|担当者|작성자"));

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
        var kind = section.Kind;
        var set = SetOf(kind);
        var units = new List<Unit>();
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var headingStart = heading.Span.Start;
                    var headingEnd = Math.Min(text.Length, heading.Span.End + 1);
                    var headingMatch = set.HeadingStart.Match(StripHeadingMarks(text.Substring(headingStart, headingEnd - headingStart)));
                    units.Add(headingMatch.Success && set.CanonicalOf(headingMatch) == set.Primary
                        ? new Unit(TrimStartOf(text, headingStart, headingEnd), TrimEnd(text, headingStart, headingEnd), UnitKind.Primary, set.Primary, isHeading: true)
                        : new Unit(headingStart, headingEnd, UnitKind.Break, null));
                    break;
                case ThematicBreakBlock:
                    units.Add(new Unit(block.Span.Start, block.Span.Start, UnitKind.Break, null));
                    break;
                case ListBlock list:
                    foreach (var item in list)
                    {
                        units.AddRange(SplitRegion(text, lines, set, item.Span.Start, Math.Min(text.Length, item.Span.End + 1), keepUnlabelled: true));
                    }

                    break;
                case CodeBlock code:
                    var (codeStart, codeEnd) = CodeContent(code, text, lines);
                    if (codeEnd > codeStart)
                    {
                        units.AddRange(SplitRegion(text, lines, set, codeStart, codeEnd, keepUnlabelled: false));
                    }

                    break;
                case ParagraphBlock paragraph:
                    units.AddRange(SplitRegion(text, lines, set, paragraph.Span.Start, Math.Min(text.Length, paragraph.Span.End + 1), keepUnlabelled: false));
                    break;
            }
        }

        var entries = new List<PlanEntry>();
        var open = new List<Unit>();
        var openLabels = new HashSet<string>(StringComparer.Ordinal);
        void Flush()
        {
            if (open.Count > 0)
            {
                entries.Add(MakeEntry(kind, set, text, lines, open));
                open = new List<Unit>();
                openLabels.Clear();
            }
        }

        foreach (var unit in units)
        {
            switch (unit.Kind)
            {
                case UnitKind.Break:
                    Flush();
                    break;
                case UnitKind.Unlabelled when open.Count > 0 && open[0].IsHeading:
                    // An entry opened by its own heading ("### Decision 2") owns its subsection:
                    // a bare list item there is part of its body, not an entry of its own.
                    open.Add(unit);
                    break;
                case UnitKind.Unlabelled:
                    Flush();
                    open.Add(unit);
                    Flush();
                    break;
                case UnitKind.Primary:
                    if (open.Count == 1 && open[0].IsHeading && !unit.IsHeading)
                    {
                        // "### Decision 2: ..." then "- Decision: ...": the heading only titles
                        // the labelled entry under it.
                        open.Clear();
                        openLabels.Clear();
                    }

                    Flush();
                    open.Add(unit);
                    openLabels.Add(unit.Label!);
                    break;
                default:
                    // A field continues the open entry unless that entry already has it (then a
                    // new entry with no primary label starts: it will be reported as such).
                    if (open.Count == 0 || openLabels.Contains(unit.Label!))
                    {
                        Flush();
                    }

                    open.Add(unit);
                    foreach (var label in FieldLabels(set, text, unit))
                    {
                        openLabels.Add(label);
                    }

                    break;
            }
        }

        Flush();
        return entries;
    }

    private static LabelSet SetOf(SectionKind kind) => kind switch
    {
        SectionKind.Risks => RiskLabels,
        SectionKind.Surprises => SurpriseLabels,
        _ => DecisionLabels,
    };

    private static int TrimStartOf(string text, int start, int end)
    {
        while (start < end && (text[start] == '#' || text[start] == ' ' || text[start] == '\t'))
        {
            start++;
        }

        return start;
    }

    private static string StripHeadingMarks(string heading) => heading.TrimStart().TrimStart('#').TrimEnd().TrimEnd('#');

    private static (int Start, int End) CodeContent(CodeBlock code, string text, LineMap lines)
    {
        var firstLine = lines.LineIndexOf(code.Span.Start);
        var lastLine = lines.LineIndexOf(Math.Min(text.Length, code.Span.End));
        if (code is FencedCodeBlock)
        {
            firstLine++;
            lastLine--;
        }

        if (lastLine < firstLine)
        {
            return (0, 0);
        }

        var start = code is FencedCodeBlock ? lines.LineStart(firstLine) : code.Span.Start;
        var end = lines.LineStart(lastLine) + PlanParser.LineText(text, lines, lastLine).Length;
        return (start, Math.Min(text.Length, end));
    }

    /// <summary>Cuts a region (list item, paragraph, indented block) into units at every line that
    /// starts with the primary label. Text before the first labelled line of a region whose first
    /// line is unlabelled is dropped, unless the region has no primary line at all and is a list
    /// item (then the whole item is one unlabelled unit).</summary>
    private static List<Unit> SplitRegion(string text, LineMap lines, LabelSet set, int start, int end, bool keepUnlabelled)
    {
        var result = new List<Unit>();
        var firstLine = lines.LineIndexOf(start);
        var lastLine = lines.LineIndexOf(Math.Max(start, end - 1));
        var unitStart = -1;
        UnitKind unitKind = UnitKind.Unlabelled;
        string? unitLabel = null;
        for (var line = firstLine; line <= lastLine; line++)
        {
            var lineStart = Math.Max(start, lines.LineStart(line));
            var lineText = LineFrom(text, lineStart, end);
            if (PlanParser.IsBlank(lineText))
            {
                continue;
            }

            var label = set.MatchAtStart(lineText);
            var contentStart = lineStart + (lineText.Length - lineText.TrimStart().Length);
            if (line == firstLine)
            {
                unitStart = contentStart;
                unitKind = label is null ? UnitKind.Unlabelled : label == set.Primary ? UnitKind.Primary : UnitKind.Field;
                unitLabel = label;
            }
            else if (label == set.Primary)
            {
                if (unitKind != UnitKind.Unlabelled)
                {
                    result.Add(new Unit(unitStart, TrimEnd(text, unitStart, contentStart), unitKind, unitLabel));
                }

                unitStart = contentStart;
                unitKind = UnitKind.Primary;
                unitLabel = label;
            }
        }

        if (unitStart >= 0 && (unitKind != UnitKind.Unlabelled || (keepUnlabelled && result.Count == 0)))
        {
            result.Add(new Unit(unitStart, TrimEnd(text, unitStart, end), unitKind, unitLabel));
        }

        return result;
    }

    private static string LineFrom(string text, int lineStart, int limit)
    {
        var lineEnd = lineStart;
        while (lineEnd < limit && text[lineEnd] != '\n' && text[lineEnd] != '\r')
        {
            lineEnd++;
        }

        return text.Substring(lineStart, lineEnd - lineStart);
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static IEnumerable<string> FieldLabels(LabelSet set, string text, Unit unit)
    {
        foreach (var field in FindFields(set, text, unit))
        {
            yield return field.Canonical;
        }
    }

    /// <summary>The labels of a unit: the one that starts each line (colon, dash or a bold label
    /// alone on its line), and colon labels further along a line ("Severity: low. Likelihood: high.").</summary>
    private static List<(int LabelStart, int LabelEnd, int ValueStart, string Canonical, string Written)> FindFields(LabelSet set, string text, Unit unit)
    {
        var found = new List<(int, int, int, string, string)>();
        var lineStart = unit.Start;
        while (lineStart < unit.End)
        {
            var lineEnd = lineStart;
            while (lineEnd < unit.End && text[lineEnd] != '\n' && text[lineEnd] != '\r')
            {
                lineEnd++;
            }

            var lineText = text.Substring(lineStart, lineEnd - lineStart);
            var scanFrom = 0;
            var atStart = unit.IsHeading ? set.HeadingStart.Match(lineText) : set.AtStart.Match(lineText);
            if (atStart.Success)
            {
                var group = atStart.Groups["label"];
                found.Add((lineStart + group.Index, lineStart + group.Index + group.Length, lineStart + atStart.Index + atStart.Length, set.CanonicalOf(atStart), group.Value));
                scanFrom = atStart.Index + atStart.Length;
            }

            for (var match = set.Anywhere.Match(lineText, scanFrom); match.Success; match = match.NextMatch())
            {
                var group = match.Groups["label"];
                found.Add((lineStart + group.Index, lineStart + group.Index + group.Length, lineStart + match.Index + match.Length, set.CanonicalOf(match), group.Value));
            }

            lineStart = lineEnd;
            while (lineStart < unit.End && (text[lineStart] == '\n' || text[lineStart] == '\r'))
            {
                lineStart++;
            }
        }

        return found;
    }

    private static PlanEntry MakeEntry(SectionKind kind, LabelSet set, string text, LineMap lines, List<Unit> units)
    {
        var fields = new List<EntryField>();
        var entryText = new StringBuilder();
        foreach (var unit in units)
        {
            if (entryText.Length > 0)
            {
                entryText.Append('\n');
            }

            entryText.Append(text, unit.Start, unit.End - unit.Start);
            var found = FindFields(set, text, unit);
            for (var i = 0; i < found.Count; i++)
            {
                var (labelStart, labelEnd, valueStart, canonical, written) = found[i];
                var valueEnd = i + 1 < found.Count ? found[i + 1].LabelStart : unit.End;
                while (valueEnd > valueStart && (char.IsWhiteSpace(text[valueEnd - 1]) || text[valueEnd - 1] is '*' or '_'))
                {
                    valueEnd--;
                }

                valueEnd = Math.Max(valueEnd, valueStart);
                fields.Add(new EntryField(
                    canonical,
                    written,
                    text.Substring(valueStart, valueEnd - valueStart),
                    lines.Span(labelStart, labelEnd),
                    valueEnd > valueStart ? lines.Span(valueStart, valueEnd) : lines.Point(valueStart)));
            }
        }

        var start = units[0].Start;
        var end = units[units.Count - 1].End;
        var firstLineEnd = start;
        while (firstLineEnd < end && text[firstLineEnd] != '\n' && text[firstLineEnd] != '\r')
        {
            firstLineEnd++;
        }

        var textOfEntry = entryText.ToString();
        var isNone = fields.Count == 0
            ? NoneMarker.IsMatch(textOfEntry.Trim())
            : fields.Exists(f => NoneValue.IsMatch(f.Value.Trim())) && fields.TrueForAll(f => f.Value.Trim().Length == 0 || NoneValue.IsMatch(f.Value.Trim()));
        return new PlanEntry(kind, textOfEntry, lines.Span(start, Math.Max(end, start + 1)), lines.Span(start, Math.Max(firstLineEnd, start + 1)), fields, isNone);
    }

    private readonly struct Unit
    {
        public Unit(int start, int end, UnitKind kind, string? label, bool isHeading = false)
        {
            Start = start;
            End = Math.Max(start, end);
            Kind = kind;
            Label = label;
            IsHeading = isHeading;
        }

        public int Start { get; }

        public int End { get; }

        public UnitKind Kind { get; }

        public string? Label { get; }

        public bool IsHeading { get; }
    }

    /// <summary>The labels of one section, each canonical label with its accepted spellings.</summary>
    private sealed class LabelSet
    {
        private readonly string[] _canonicals;

        public LabelSet(string primary, params (string Canonical, string Pattern)[] labels)
        {
            Primary = primary;
            _canonicals = new string[labels.Length];
            var alternatives = new StringBuilder();
            for (var i = 0; i < labels.Length; i++)
            {
                _canonicals[i] = labels[i].Canonical;
                alternatives.Append(i == 0 ? string.Empty : "|").Append("(?<c").Append(i).Append('>').Append(labels[i].Pattern).Append(')');
            }

            // "Decision 2:" is the same label; the number is not part of it.
            var label = @"(?<label>" + alternatives + @")(?:[ \t]*#?\d{1,3})?";
            const string Lead = @"^[ \t>]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?";
            AtStart = new Regex(
                Lead + @"(?:[*_]{0,2}" + label + @"[*_]{0,2}(?:[ \t]*[:：]|[ \t]+[-–—](?=[ \t])|[ \t]*[–—])[*_]{0,2}[ \t]*|\*\*" + label + @"\*\*[ \t]*$)",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
            HeadingStart = new Regex(
                @"^[ \t]*[*_]{0,2}" + label + @"[*_]{0,2}(?:[ \t]*$|[ \t]*[:：.]|[ \t]+[-–—](?=[ \t])|[ \t]*[–—])[*_]{0,2}[ \t]*",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
            Anywhere = new Regex(
                @"(?<![\p{L}\p{N}])[*_]{0,2}" + label + @"[*_]{0,2}[ \t]*[:：][*_]{0,2}[ \t]*",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
        }

        public string Primary { get; }

        /// <summary>A label at the start of a line, after any bullet, checkbox or emphasis.</summary>
        public Regex AtStart { get; }

        /// <summary>A sub-heading that names an entry: "Decision 2", "Risk: data loss".</summary>
        public Regex HeadingStart { get; }

        /// <summary>A colon label anywhere in a line.</summary>
        public Regex Anywhere { get; }

        public string CanonicalOf(Match match)
        {
            for (var i = 0; i < _canonicals.Length; i++)
            {
                if (match.Groups["c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)].Success)
                {
                    return _canonicals[i];
                }
            }

            return _canonicals[0];
        }

        public string? MatchAtStart(string line)
        {
            var match = AtStart.Match(line);
            return match.Success ? CanonicalOf(match) : null;
        }
    }
}
