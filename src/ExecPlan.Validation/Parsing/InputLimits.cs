namespace ExecPlan.Validation.Parsing;

using System;

/// <summary>Refuses, before Markdig runs, the inputs whose parse would not be linear: absurd
/// nesting, paragraphs full of inline markup, tens of thousands of link reference definitions
/// (EXP000). Each guard is one pass over the text; no real plan comes near the limits.</summary>
internal static class InputLimits
{
    private static readonly char[] Markup = ['`', '*', '_', '[', '<', '!'];

    /// <summary>Runs every guard on the text (the whole file, before an outer fence is removed), in
    /// one pass over its lines. A line nested too deeply or too full of markup is reported first,
    /// wherever it is; otherwise the first paragraph past the markup or definition limits.</summary>
    /// <remarks>A paragraph cannot hold more markup characters than characters, and a paragraph
    /// lies within one run of lines (between blank lines and fences), so the paragraph count is
    /// only needed once a run's characters pass the limit: then the run is read again from its
    /// first line with the paragraph logic, which gives the counts a full reading gives. Almost no
    /// run is that long, so almost no line is read for markup at all.</remarks>
    public static void Check(string text, LineMap lines)
    {
        PlanTooComplexException? blockError = null;
        var fence = '\0';
        var definitions = 0;
        var runFirstLine = 0;
        var runCharacters = 0;
        var paragraphs = default(ParagraphCount);
        for (var line = 0; line < lines.LineCount; line++)
        {
            var start = lines.LineStart(line);
            var end = line + 1 < lines.LineCount ? lines.LineStart(line + 1) : text.Length;
            CheckNesting(text, line, start, end);
            if (blockError is not null)
            {
                continue;
            }

            var first = start;
            while (first < end && text[first] is ' ' or '\t')
            {
                first++;
            }

            if (first + 2 < end && (text[first] is '`' or '~') && text[first + 1] == text[first] && text[first + 2] == text[first])
            {
                fence = fence == '\0' ? text[first] : fence == text[first] ? '\0' : fence;
                runFirstLine = line + 1;
                runCharacters = 0;
                paragraphs = default;
                continue;
            }

            if (fence != '\0')
            {
                continue;
            }

            if (first >= end || text[first] is '\r' or '\n')
            {
                runFirstLine = line + 1;
                runCharacters = 0;
                paragraphs = default;
                continue;
            }

            runCharacters += end - first;
            if (runCharacters > PlanParser.MaxInlineMarkupPerBlock && !paragraphs.Active)
            {
                // The run just became long enough to matter: count its earlier lines as a full
                // reading would have (none of them can have passed the limit).
                paragraphs = ParagraphCount.Start(runFirstLine);
                for (var earlier = runFirstLine; earlier < line; earlier++)
                {
                    var earlierStart = lines.LineStart(earlier);
                    paragraphs.Add(text, earlier, earlierStart, lines.LineStart(earlier + 1));
                }
            }

            if (paragraphs.Active)
            {
                paragraphs.Add(text, line, start, end);
            }

            if (text[first] == '[' && text.IndexOf("]:", first, end - first, StringComparison.Ordinal) > first && ++definitions > PlanParser.MaxLinkReferenceDefinitions)
            {
                blockError = new PlanTooComplexException(line + 1,
                    $"the plan has more than {PlanParser.MaxLinkReferenceDefinitions} link reference definitions ('[id]: url' lines; this is number {definitions}, on line {line + 1}); the Markdown parser slows down quadratically on so many.");
            }
            else if (paragraphs.Markup > PlanParser.MaxInlineMarkupPerBlock)
            {
                blockError = new PlanTooComplexException(paragraphs.BlockStart + 1,
                    $"the paragraph starting on line {paragraphs.BlockStart + 1} has more than {PlanParser.MaxInlineMarkupPerBlock} inline markup characters (` * _ [ < !); the Markdown parser slows down quadratically on such paragraphs; split it with blank lines.");
            }
        }

        if (blockError is not null)
        {
            throw blockError;
        }
    }

    /// <summary>The markup count of the paragraph a line belongs to, within one run of non-blank
    /// lines: a list item, heading, thematic break, comment or deeper quote is a leaf block of its
    /// own, inline-parsed apart from the lines before it, so it starts a new count.</summary>
    private struct ParagraphCount
    {
        private LeafBlockStart.RunState _run;
        private bool _runStart;

        public bool Active { get; private set; }

        public int Markup { get; private set; }

        /// <summary>The 0-based line the counted paragraph starts on.</summary>
        public int BlockStart { get; private set; }

        public static ParagraphCount Start(int runFirstLine) => new()
        {
            _run = LeafBlockStart.NewRun(),
            _runStart = true,
            Active = true,
            BlockStart = runFirstLine,
        };

        /// <summary>Counts a non-blank line of the run.</summary>
        public void Add(string text, int line, int start, int end)
        {
            var first = start;
            while (first < end && text[first] is ' ' or '\t')
            {
                first++;
            }

            if (LeafBlockStart.Opens(text, start, end, _runStart, ref _run) && !_runStart)
            {
                Markup = 0;
                BlockStart = line;
            }

            _runStart = false;
            Markup += CountMarkup(text, first, end);
        }
    }

    /// <summary>What to throw when Markdig itself gives up on nesting: the longest line is the
    /// usual culprit.</summary>
    public static PlanTooComplexException TooDeepForMarkdig(string text, LineMap lines)
    {
        var longest = LongestLine(text, lines);
        return new PlanTooComplexException(longest + 1,
            $"the plan is nested too deeply for the Markdown parser (for example thousands of unclosed brackets or emphasis markers, or a huge table); line {longest + 1} is the longest, simplify it.");
    }

    /// <summary>Markdig's cost grows faster than linearly with nesting depth and it gives up past
    /// its own limit, so absurd nesting is refused up front with a clear message; so is a line
    /// holding more inline markup than Markdig parses in linear time.</summary>
    private static void CheckNesting(string text, int line, int start, int end)
    {
        var width = 0;
        var quotes = 0;
        for (var i = start; i < end && text[i] is ' ' or '\t' or '>'; i++)
        {
            width += text[i] == '\t' ? 4 : 1;
            quotes += text[i] == '>' ? 1 : 0;
        }

        if (width > PlanParser.MaxIndentColumns || quotes > PlanParser.MaxQuoteDepth)
        {
            throw new PlanTooComplexException(line + 1,
                $"line {line + 1} is nested too deeply ({width} columns of indentation or quote markers; the limit is {PlanParser.MaxIndentColumns} columns and {PlanParser.MaxQuoteDepth} quote levels).");
        }

        if (end - start > PlanParser.MaxInlineMarkupPerLine)
        {
            var markup = CountMarkup(text, start, end);
            if (markup > PlanParser.MaxInlineMarkupPerLine)
            {
                throw new PlanTooComplexException(line + 1,
                    $"line {line + 1} has {markup} inline markup characters (` * _ [ < !); the limit is {PlanParser.MaxInlineMarkupPerLine} per line because the Markdown parser slows down quadratically on such lines; split it.");
            }
        }
    }

    /// <summary>The inline markup characters in [from, to), found with a vectorised search.</summary>
    private static int CountMarkup(string text, int from, int to)
    {
        var count = 0;
        while (from < to)
        {
            var next = text.IndexOfAny(Markup, from, to - from);
            if (next < 0)
            {
                break;
            }

            count++;
            from = next + 1;
        }

        return count;
    }

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
