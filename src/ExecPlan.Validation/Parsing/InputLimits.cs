namespace ExecPlan.Validation.Parsing;

using System;

/// <summary>Refuses, before Markdig runs, the inputs whose parse would not be linear: absurd
/// nesting, paragraphs full of inline markup, tens of thousands of link reference definitions
/// (EXP000). Each guard is one pass over the text; no real plan comes near the limits.</summary>
internal static class InputLimits
{
    /// <summary>Runs every guard on the text (the whole file, before an outer fence is removed).</summary>
    public static void Check(string text, LineMap lines)
    {
        CheckNesting(text, lines);
        CheckMarkupPerBlock(text, lines);
    }

    /// <summary>What to throw when Markdig itself gives up on nesting: the longest line is the
    /// usual culprit.</summary>
    public static PlanTooComplexException TooDeepForMarkdig(string text, LineMap lines)
    {
        var longest = LongestLine(text, lines);
        return new PlanTooComplexException(longest + 1,
            $"The plan is nested too deeply for the Markdown parser (for example thousands of unclosed brackets or emphasis markers, or a huge table); line {longest + 1} is the longest, simplify it.");
    }

    /// <summary>Refuses a paragraph holding more inline markup than Markdig parses in linear time;
    /// fenced code is skipped (no inline pass runs there).</summary>
    private static void CheckMarkupPerBlock(string text, LineMap lines)
    {
        var markup = 0;
        var blockStart = 0;
        var fence = '\0';
        var definitions = 0;
        for (var line = 0; line < lines.LineCount; line++)
        {
            var start = lines.LineStart(line);
            var end = line + 1 < lines.LineCount ? lines.LineStart(line + 1) : text.Length;
            var first = start;
            while (first < end && text[first] is ' ' or '\t')
            {
                first++;
            }

            if (first + 2 < end && (text[first] is '`' or '~') && text[first + 1] == text[first] && text[first + 2] == text[first])
            {
                fence = fence == '\0' ? text[first] : fence == text[first] ? '\0' : fence;
                markup = 0;
                continue;
            }

            if (fence != '\0')
            {
                continue;
            }

            if (first >= end || text[first] is '\r' or '\n')
            {
                markup = 0;
                blockStart = line + 1;
                continue;
            }

            for (var i = first; i < end; i++)
            {
                markup += IsMarkup(text[i]) ? 1 : 0;
            }

            if (text[first] == '[' && text.IndexOf("]:", first, end - first, StringComparison.Ordinal) > first && ++definitions > PlanParser.MaxLinkReferenceDefinitions)
            {
                throw new PlanTooComplexException(line + 1,
                    $"The plan has more than {PlanParser.MaxLinkReferenceDefinitions} link reference definitions ('[id]: url' lines; this is number {definitions}, on line {line + 1}); the Markdown parser slows down quadratically on so many.");
            }

            if (markup > PlanParser.MaxInlineMarkupPerBlock)
            {
                throw new PlanTooComplexException(blockStart + 1,
                    $"The paragraph starting on line {blockStart + 1} has more than {PlanParser.MaxInlineMarkupPerBlock} inline markup characters (` * _ [ < !); the Markdown parser slows down quadratically on such paragraphs; split it with blank lines.");
            }
        }
    }

    /// <summary>Markdig's cost grows faster than linearly with nesting depth and it gives up past
    /// its own limit, so absurd nesting is refused up front with a clear message.</summary>
    private static void CheckNesting(string text, LineMap lines)
    {
        for (var line = 0; line < lines.LineCount; line++)
        {
            var start = lines.LineStart(line);
            var width = 0;
            var quotes = 0;
            for (var i = start; i < text.Length && text[i] is ' ' or '\t' or '>'; i++)
            {
                width += text[i] == '\t' ? 4 : 1;
                quotes += text[i] == '>' ? 1 : 0;
            }

            if (width > PlanParser.MaxIndentColumns || quotes > PlanParser.MaxQuoteDepth)
            {
                throw new PlanTooComplexException(line + 1,
                    $"Line {line + 1} is nested too deeply ({width} columns of indentation or quote markers; the limit is {PlanParser.MaxIndentColumns} columns and {PlanParser.MaxQuoteDepth} quote levels).");
            }

            var end = line + 1 < lines.LineCount ? lines.LineStart(line + 1) : text.Length;
            if (end - start > PlanParser.MaxInlineMarkupPerLine)
            {
                var markup = 0;
                for (var i = start; i < end; i++)
                {
                    markup += IsMarkup(text[i]) ? 1 : 0;
                }

                if (markup > PlanParser.MaxInlineMarkupPerLine)
                {
                    throw new PlanTooComplexException(line + 1,
                        $"Line {line + 1} has {markup} inline markup characters (` * _ [ < !); the limit is {PlanParser.MaxInlineMarkupPerLine} per line because the Markdown parser slows down quadratically on such lines; split it.");
                }
            }
        }
    }

    private static bool IsMarkup(char c) => c is '`' or '*' or '_' or '[' or '<' or '!';

    private static int LongestLine(string text, LineMap lines)
    {
        var longest = 0;
        var longestLength = -1;
        for (var line = 0; line < lines.LineCount; line++)
        {
            var end = line + 1 < lines.LineCount ? lines.LineStart(line + 1) : text.Length;
            if (end - lines.LineStart(line) > longestLength)
            {
                longestLength = end - lines.LineStart(line);
                longest = line;
            }
        }

        return longest;
    }
}
