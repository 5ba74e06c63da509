namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
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

    /// <summary>A heading's text without its marks: white space, then '#'s, trimmed from the start,
    /// then white space, then '#'s from the end (in that order), as offsets into the text.</summary>
    private static (int Start, int End) StripHeadingMarks(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (start < end && text[start] == '#')
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        while (end > start && text[end - 1] == '#')
        {
            end--;
        }

        return (start, end);
    }

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
    /// item (then the whole item is one unlabelled unit). Units are added to <paramref name="scratch"/>.</summary>
    private static void SplitRegion(Scratch scratch, string text, LineMap lines, LabelSet set, int start, int end, bool keepUnlabelled)
    {
        var added = scratch.UnitCount;
        var firstLine = lines.LineIndexOf(start);
        var lastLine = lines.LineIndexOf(Math.Max(start, end - 1));
        var unitStart = -1;
        var unitKind = UnitKind.Unlabelled;
        var unitLabel = NoLabel;
        for (var line = firstLine; line <= lastLine; line++)
        {
            var lineStart = Math.Max(start, lines.LineStart(line));
            var lineEnd = LineEndFrom(text, lineStart, end);
            var contentStart = lineStart;
            while (contentStart < lineEnd && char.IsWhiteSpace(text[contentStart]))
            {
                contentStart++;
            }

            if (contentStart == lineEnd)
            {
                continue;
            }

            // Past the first line only the primary label matters (it starts a new unit).
            var label = line == firstLine || set.MayStartWithPrimary(text, lineStart, lineEnd) ? set.MatchIndexAtStart(text, lineStart, lineEnd) : NoLabel;
            if (line == firstLine)
            {
                unitStart = contentStart;
                unitKind = label == NoLabel ? UnitKind.Unlabelled : label == set.PrimaryIndex ? UnitKind.Primary : UnitKind.Field;
                unitLabel = label;
            }
            else if (label == set.PrimaryIndex)
            {
                if (unitKind != UnitKind.Unlabelled)
                {
                    scratch.AddUnit(set, text, unitStart, TrimEnd(text, unitStart, contentStart), unitKind, unitLabel, isHeading: false);
                }

                unitStart = contentStart;
                unitKind = UnitKind.Primary;
                unitLabel = label;
            }
        }

        if (unitStart >= 0 && (unitKind != UnitKind.Unlabelled || (keepUnlabelled && scratch.UnitCount == added)))
        {
            scratch.AddUnit(set, text, unitStart, TrimEnd(text, unitStart, end), unitKind, unitLabel, isHeading: false);
        }
    }

    /// <summary>The end of the line starting at <paramref name="lineStart"/> (before its break), at most <paramref name="limit"/>.</summary>
    private static int LineEndFrom(string text, int lineStart, int limit)
    {
        // A vectorised search: entry lines are long prose, and each is looked for twice (cut, fields).
        var lineEnd = lineStart < limit ? text.IndexOfAny(LineBreaks, lineStart, limit - lineStart) : -1;
        return lineEnd < 0 ? Math.Max(lineStart, limit) : lineEnd;
    }

    private static readonly char[] LineBreaks = ['\r', '\n'];

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>The labels of the unit [start, end): the one that starts each line (colon, dash or a
    /// bold label alone on its line), and colon labels further along a line ("Severity: low.
    /// Likelihood: high."), added to <paramref name="scratch"/>'s fields in order.</summary>
    private static void FindFields(Scratch scratch, LabelSet set, string text, int start, int end, bool isHeading)
    {
        var lineStart = start;
        while (lineStart < end)
        {
            var lineEnd = LineEndFrom(text, lineStart, end);
            var scanFrom = lineStart;
            LabelHit hit;
            if (set.MayStartWithLabel(text, lineStart, lineEnd)
                && (isHeading ? set.TryHeadingStart(text, lineStart, lineEnd, out hit) : set.TryAtStart(text, lineStart, lineEnd, out hit)))
            {
                scratch.AddField(new FoundField(hit, set.CanonicalAt(hit.Canonical)));
                scanFrom = hit.End;
            }

            // A colon label needs a colon: most lines have none after their leading label.
            if (scanFrom < lineEnd && text.IndexOfAny(Colons, scanFrom, lineEnd - scanFrom) >= 0)
            {
                while (set.TryAnywhere(text, lineStart, scanFrom, lineEnd, out hit))
                {
                    scratch.AddField(new FoundField(hit, set.CanonicalAt(hit.Canonical)));
                    scanFrom = hit.End;
                }
            }

            lineStart = NextLineStart(text, lineEnd, end);
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
}
