namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using Markdig.Syntax;

/// <summary>Cutting a section into units (regions split at primary labels) and finding the
/// <c>Label: value</c> fields in a unit.</summary>
internal static partial class EntryParser
{
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

            // Past the first line only the primary label matters (it starts a new unit).
            var label = line == firstLine || set.MayStartWithPrimary(lineText) ? set.MatchAtStart(lineText) : null;
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

    /// <summary>The labels of a unit: the one that starts each line (colon, dash or a bold label
    /// alone on its line), and colon labels further along a line ("Severity: low. Likelihood: high.").</summary>
    private static List<(int LabelStart, int LabelEnd, int ValueStart, string Canonical, string Written)> FindFields(LabelSet set, string text, Unit unit)
    {
        return unit.Fields ??= Find(set, text, unit);

        static List<(int LabelStart, int LabelEnd, int ValueStart, string Canonical, string Written)> Find(LabelSet set, string text, Unit unit)
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
                var atStart = !set.MayStartWithLabel(lineText) ? null : unit.IsHeading ? set.HeadingStart.Match(lineText) : set.AtStart.Match(lineText);
                if (atStart is not null && atStart.Success)
                {
                    var group = atStart.Groups["label"];
                    found.Add((lineStart + group.Index, lineStart + group.Index + group.Length, lineStart + atStart.Index + atStart.Length, set.CanonicalOf(atStart), group.Value));
                    scanFrom = atStart.Index + atStart.Length;
                }

                // A colon label needs a colon: most lines have none after their leading label.
                if (lineText.IndexOfAny(Colons, scanFrom) < 0)
                {
                    lineStart = NextLineStart(text, lineEnd, unit.End);
                    continue;
                }

                for (var match = set.Anywhere.Match(lineText, scanFrom); match.Success; match = match.NextMatch())
                {
                    var group = match.Groups["label"];
                    found.Add((lineStart + group.Index, lineStart + group.Index + group.Length, lineStart + match.Index + match.Length, set.CanonicalOf(match), group.Value));
                }

                lineStart = NextLineStart(text, lineEnd, unit.End);
            }

            return found;
        }
    }

    private static readonly char[] Colons = [':', '：'];

    private static int NextLineStart(string text, int lineEnd, int limit)
    {
        while (lineEnd < limit && (text[lineEnd] == '\n' || text[lineEnd] == '\r'))
        {
            lineEnd++;
        }

        return lineEnd;
    }

    /// <summary>A unit of a section (a class, so the fields found in it are found once).</summary>
    private sealed class Unit
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

        /// <summary>The unit's labels, once <see cref="FindFields"/> has looked.</summary>
        public List<(int LabelStart, int LabelEnd, int ValueStart, string Canonical, string Written)>? Fields { get; set; }
    }
}
