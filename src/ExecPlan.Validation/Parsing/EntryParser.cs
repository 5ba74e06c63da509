namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Model;
using Markdig.Syntax;

/// <summary>
/// Finds Risk, Surprise and Decision entries and their <c>Label: value</c> fields. An entry is a
/// top-level list item of the section, a paragraph that starts with a label, or a group of lines
/// in an indented block (the skill's template writes entries that way).
/// </summary>
internal static class EntryParser
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    private static readonly Regex RiskLabels = LabelRegex("Risk|Severity|Likelihood|Probability|Mitigation|Contingency");
    private static readonly Regex SurpriseLabels = LabelRegex("Observation|Evidence|Impact");
    private static readonly Regex DecisionLabels = LabelRegex(@"Date\s*/\s*Author|Decision|Rationale|Date|Author");

    private static readonly Regex NoneMarker = new(
        @"^[\s\-*+(\[_]*(?:none|n/a|nothing|tbd|not yet|no\s|nil\b|—|-)[^\r\n]{0,60}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);

    public static bool HasEntries(SectionKind kind) =>
        kind is SectionKind.Risks or SectionKind.Surprises or SectionKind.DecisionLog;

    public static Regex LabelsOf(SectionKind kind) => kind switch
    {
        SectionKind.Risks => RiskLabels,
        SectionKind.Surprises => SurpriseLabels,
        _ => DecisionLabels,
    };

    public static string PrimaryLabel(SectionKind kind) => kind switch
    {
        SectionKind.Risks => "Risk",
        SectionKind.Surprises => "Observation",
        _ => "Decision",
    };

    public static IEnumerable<PlanEntry> Parse(PlanSection section, string text, LineMap lines)
    {
        var kind = section.Kind;
        var labels = LabelsOf(kind);
        var pending = new List<(int Start, int End)>();
        for (var blockIndex = 0; blockIndex < section.Blocks.Count; blockIndex++)
        {
            var block = section.Blocks[blockIndex];
            switch (block)
            {
                case ListBlock list:
                    foreach (var item in list)
                    {
                        pending.Add((item.Span.Start, Math.Min(text.Length, item.Span.End + 1)));
                    }

                    break;
                case CodeBlock code:
                    pending.AddRange(SplitCodeBlock(code, text, lines, labels, kind));
                    break;
                case ParagraphBlock paragraph:
                    var start = paragraph.Span.Start;
                    var end = Math.Min(text.Length, paragraph.Span.End + 1);
                    var first = labels.Match(text, start, end - start);
                    if (first.Success && IsAtLineStart(text, start, first.Index))
                    {
                        var isPrimary = CanonicalLabel(first.Groups["label"].Value) == PrimaryLabel(kind);

                        // A paragraph that carries only the rest of the fields continues the previous one.
                        if (!isPrimary && pending.Count > 0 && block.Parent is not null && PreviousWasParagraphEntry(section, blockIndex, pending))
                        {
                            var last = pending[pending.Count - 1];
                            pending[pending.Count - 1] = (last.Start, end);
                        }
                        else
                        {
                            pending.Add((start, end));
                        }
                    }

                    break;
            }
        }

        foreach (var (start, end) in pending)
        {
            yield return MakeEntry(kind, text, lines, labels, start, end);
        }
    }

    private static bool PreviousWasParagraphEntry(PlanSection section, int index, List<(int Start, int End)> pending) =>
        index > 0 && section.Blocks[index - 1] is ParagraphBlock previous &&
            pending[pending.Count - 1].End >= previous.Span.End;

    private static bool IsAtLineStart(string text, int blockStart, int index)
    {
        for (var i = index - 1; i >= blockStart; i--)
        {
            var c = text[i];
            if (c == '\n' || c == '\r')
            {
                return true;
            }

            if (c != ' ' && c != '\t')
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<(int Start, int End)> SplitCodeBlock(CodeBlock code, string text, LineMap lines, Regex labels, SectionKind kind)
    {
        var firstLine = lines.LineIndexOf(code.Span.Start);
        var lastLine = lines.LineIndexOf(Math.Min(text.Length, code.Span.End));
        if (code is FencedCodeBlock)
        {
            firstLine++;
            lastLine--;
        }

        var result = new List<(int Start, int End)>();
        int? entryStart = null;
        var entryEnd = 0;
        var baseIndent = int.MaxValue;
        for (var line = firstLine; line <= lastLine; line++)
        {
            var lineText = PlanParser.LineText(text, lines, line);
            if (!PlanParser.IsBlank(lineText))
            {
                baseIndent = Math.Min(baseIndent, lineText.Length - lineText.TrimStart().Length);
            }
        }

        for (var line = firstLine; line <= lastLine; line++)
        {
            var lineText = PlanParser.LineText(text, lines, line);
            var lineStart = lines.LineStart(line);
            if (PlanParser.IsBlank(lineText))
            {
                continue;
            }

            var indent = lineText.Length - lineText.TrimStart().Length;
            var trimmed = lineText.TrimStart();
            var startsItem = indent == baseIndent && (trimmed.StartsWith("- ", StringComparison.Ordinal) ||
                trimmed.StartsWith("* ", StringComparison.Ordinal) || trimmed.StartsWith("+ ", StringComparison.Ordinal));
            var label = labels.Match(trimmed);
            var startsPrimary = label.Success && label.Index <= 2 && CanonicalLabel(label.Groups["label"].Value) == PrimaryLabel(kind);
            if (entryStart is null || startsItem || (startsPrimary && indent == baseIndent))
            {
                if (entryStart is not null)
                {
                    result.Add((entryStart.Value, entryEnd));
                }

                entryStart = lineStart + indent;
            }

            entryEnd = lineStart + lineText.Length;
        }

        if (entryStart is not null)
        {
            result.Add((entryStart.Value, entryEnd));
        }

        return result;
    }

    private static PlanEntry MakeEntry(SectionKind kind, string text, LineMap lines, Regex labels, int start, int end)
    {
        var fields = new List<EntryField>();
        var entryText = text.Substring(start, end - start);
        var matches = labels.Matches(entryText);
        for (var i = 0; i < matches.Count; i++)
        {
            var match = matches[i];
            var labelGroup = match.Groups["label"];
            var valueStart = start + match.Index + match.Length;
            var valueEnd = i + 1 < matches.Count ? start + matches[i + 1].Index : end;
            while (valueEnd > valueStart && (char.IsWhiteSpace(text[valueEnd - 1]) || text[valueEnd - 1] is '*' or '_'))
            {
                valueEnd--;
            }

            var value = text.Substring(valueStart, valueEnd - valueStart);
            fields.Add(new EntryField(
                CanonicalLabel(labelGroup.Value),
                value,
                lines.Span(start + labelGroup.Index, start + labelGroup.Index + labelGroup.Length),
                valueEnd > valueStart ? lines.Span(valueStart, valueEnd) : lines.Point(valueStart)));
        }

        var firstLineEnd = start;
        while (firstLineEnd < end && text[firstLineEnd] != '\n' && text[firstLineEnd] != '\r')
        {
            firstLineEnd++;
        }

        var isNone = fields.Count == 0 && NoneMarker.IsMatch(entryText.Trim());
        return new PlanEntry(kind, entryText, lines.Span(start, end), lines.Span(start, Math.Max(firstLineEnd, start + 1)), fields, isNone);
    }

    internal static string CanonicalLabel(string label)
    {
        var compact = label.Replace(" ", string.Empty).Replace("\t", string.Empty);
        if (compact.Equals("Date/Author", StringComparison.OrdinalIgnoreCase))
        {
            return "Date/Author";
        }

        return char.ToUpperInvariant(compact[0]) + compact.Substring(1).ToLowerInvariant();
    }

    private static Regex LabelRegex(string alternatives) => new(
        @"(?<![\p{L}\p{N}])[*_]{0,2}(?<label>" + alternatives + @")[*_]{0,2}[ \t]*:[*_]{0,2}[ \t]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
}
