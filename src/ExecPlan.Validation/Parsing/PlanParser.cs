namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Model;
using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

/// <summary>Parses a plan once into a <see cref="PlanDocument"/>.</summary>
public static class PlanParser
{
    /// <summary>Indentation beyond this many columns is refused (EXP000).</summary>
    public const int MaxIndentColumns = 400;

    /// <summary>Block quotes nested deeper than this are refused (EXP000).</summary>
    public const int MaxQuoteDepth = 64;

    /// <summary>A line with more inline markup characters than this (<c>` * _ [ &lt; !</c>) is refused
    /// (EXP000): Markdig's inline pass grows quadratically on such a paragraph (a 100 KB line of
    /// links and code spans takes many seconds). Real plans stay far below it.</summary>
    public const int MaxInlineMarkupPerLine = 10_000;

    /// <summary>The same limit per paragraph (a run of non-blank lines outside fenced code): spread
    /// over many lines, markup costs Markdig the same quadratic inline pass (<c>[ (](</c> repeated
    /// on every line, or 200,000 link reference definitions in a row).</summary>
    public const int MaxInlineMarkupPerBlock = 10_000;

    /// <summary>Link reference definitions (<c>[id]: url</c>) beyond this many are refused (EXP000):
    /// Markdig's cost grows quadratically with their number even between blank lines (100,000 take
    /// 4 s, 200,000 take 15 s). A plan has a handful.</summary>
    public const int MaxLinkReferenceDefinitions = 10_000;

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    private static readonly Regex OpeningFence = new(@"^ {0,3}(?<fence>`{3,})[ \t]*(?:md|markdown)?[ \t]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);

    private static readonly Regex ClosingFence = new(@"^ {0,3}(?<fence>`{3,})[ \t]*$", RegexOptions.CultureInvariant, RegexTimeout);

    private static readonly Regex StatusLine = new(
        @"^[ \t]*(?:[-*+][ \t]+)?[*_]{0,2}Status[*_]{0,2}[ \t]*:(?<value>[^\r\n]*)",
        RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant, RegexTimeout);

    /// <summary>Parses plan text. A leading byte-order mark is ignored.</summary>
    public static PlanDocument Parse(string text, string filePath)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            // Editors do not count the mark as a column, so spans are computed without it.
            text = text.Substring(1);
        }

        var lines = new LineMap(text);
        GuardNesting(text, lines);
        GuardMarkupPerBlock(text, lines);
        var outerFence = UnwrapOuterFence(ref text, lines);
        MarkdownDocument syntax;
        try
        {
            syntax = Markdown.Parse(text, MarkdownPipelineFactory.Pipeline);
        }
        catch (ArgumentException ex) when (ex.Message.IndexOf("depth limit", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            // Markdig refuses inline or table nesting past its own limit (e.g. tens of thousands
            // of '[' or '*' on one line). Point at the longest line, the usual culprit.
            var longest = LongestLine(text, lines);
            throw new PlanTooComplexException(longest + 1,
                $"The plan is nested too deeply for the Markdown parser (for example thousands of unclosed brackets or emphasis markers, or a huge table); line {longest + 1} is the longest, simplify it.");
        }

        var builder = new Builder(filePath, text, lines, syntax, outerFence);
        return builder.Build();
    }

    /// <summary>Refuses a paragraph holding more inline markup than Markdig parses in linear time;
    /// fenced code is skipped (no inline pass runs there). One pass over the text.</summary>
    private static void GuardMarkupPerBlock(string text, LineMap lines)
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
                markup += text[i] is '`' or '*' or '_' or '[' or '<' or '!' ? 1 : 0;
            }

            if (text[first] == '[' && text.IndexOf("]:", first, end - first, StringComparison.Ordinal) > first && ++definitions > MaxLinkReferenceDefinitions)
            {
                throw new PlanTooComplexException(line + 1,
                    $"The plan has more than {MaxLinkReferenceDefinitions} link reference definitions ('[id]: url' lines; this is number {definitions}, on line {line + 1}); the Markdown parser slows down quadratically on so many.");
            }

            if (markup > MaxInlineMarkupPerBlock)
            {
                throw new PlanTooComplexException(blockStart + 1,
                    $"The paragraph starting on line {blockStart + 1} has more than {MaxInlineMarkupPerBlock} inline markup characters (` * _ [ < !); the Markdown parser slows down quadratically on such paragraphs; split it with blank lines.");
            }
        }
    }

    /// <summary>Markdig's cost grows faster than linearly with nesting depth and it gives up past
    /// its own limit, so absurd nesting is refused up front with a clear message. No real plan
    /// comes near these limits.</summary>
    private static void GuardNesting(string text, LineMap lines)
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

            if (width > MaxIndentColumns || quotes > MaxQuoteDepth)
            {
                throw new PlanTooComplexException(line + 1,
                    $"Line {line + 1} is nested too deeply ({width} columns of indentation or quote markers; the limit is {MaxIndentColumns} columns and {MaxQuoteDepth} quote levels).");
            }

            var end = line + 1 < lines.LineCount ? lines.LineStart(line + 1) : text.Length;
            if (end - start > MaxInlineMarkupPerLine)
            {
                var markup = 0;
                for (var i = start; i < end; i++)
                {
                    markup += text[i] is '`' or '*' or '_' or '[' or '<' or '!' ? 1 : 0;
                }

                if (markup > MaxInlineMarkupPerLine)
                {
                    throw new PlanTooComplexException(line + 1,
                        $"Line {line + 1} has {markup} inline markup characters (` * _ [ < !); the limit is {MaxInlineMarkupPerLine} per line because the Markdown parser slows down quadratically on such lines; split it.");
                }
            }
        }
    }

    private static readonly Regex AnyFence = new(@"^ {0,3}(?<fence>`{3,})(?<info>[^`]*)$", RegexOptions.CultureInvariant, RegexTimeout);

    private static readonly Regex AtxHeading = new(@"^ {0,3}(?<marks>#{1,6})(?:[ \t]|$)", RegexOptions.CultureInvariant, RegexTimeout);

    /// <summary>
    /// Finds an outer ```md fence around the plan: its opening is the first line after any YAML
    /// front matter, HTML comments and blank lines; its closing is the last non-blank line, or,
    /// when text follows (revision notes after the fence), the bare fence that closes it, provided
    /// the fence holds the plan (its title and sections) rather than one snippet.
    /// </summary>
    private static OuterFence? UnwrapOuterFence(ref string text, LineMap lines)
    {
        var first = FirstContentLine(text, lines);
        var last = -1;
        for (var i = lines.LineCount - 1; i > first && first >= 0; i--)
        {
            if (!IsBlankLine(text, lines, i))
            {
                last = i;
                break;
            }
        }

        if (first < 0 || last <= first)
        {
            return null;
        }

        var open = OpeningFence.Match(LineText(text, lines, first));
        if (!open.Success)
        {
            return null;
        }

        var openLength = open.Groups["fence"].Length;
        var close = ClosingFence.Match(LineText(text, lines, last));
        var closing = close.Success && close.Groups["fence"].Length >= openLength ? last : ClosingLine(text, lines, first, last, openLength);
        if (closing < 0 || (closing != last && !HoldsThePlan(text, lines, first, closing, last)))
        {
            return null;
        }

        var firstText = LineText(text, lines, first);
        var closingText = LineText(text, lines, closing);
        var fence = new OuterFence(
            lines.Span(lines.LineStart(first), lines.LineStart(first) + firstText.Length),
            lines.Span(lines.LineStart(closing), lines.LineStart(closing) + closingText.Length));

        // Blank the two fence lines in place so the plan inside parses as Markdown and every
        // offset still matches the file.
        var chars = text.ToCharArray();
        Blank(chars, lines.LineStart(first), firstText.Length);
        Blank(chars, lines.LineStart(closing), closingText.Length);
        text = new string(chars);
        return fence;
    }

    /// <summary>The first line that is not blank, YAML front matter or an HTML comment.</summary>
    private static int FirstContentLine(string text, LineMap lines)
    {
        var i = 0;
        if (lines.LineCount > 0 && LineText(text, lines, 0).TrimEnd() == "---")
        {
            for (var j = 1; j < lines.LineCount; j++)
            {
                var line = LineText(text, lines, j).TrimEnd();
                if (line is "---" or "...")
                {
                    i = j + 1;
                    break;
                }
            }
        }

        for (; i < lines.LineCount; i++)
        {
            if (IsBlankLine(text, lines, i))
            {
                continue;
            }

            var line = LineText(text, lines, i).TrimStart();
            if (!line.StartsWith("<!--", StringComparison.Ordinal))
            {
                return i;
            }

            while (i < lines.LineCount && LineText(text, lines, i).IndexOf("-->", StringComparison.Ordinal) < 0)
            {
                i++;
            }
        }

        return -1;
    }

    /// <summary>The bare fence that closes the outer one, stepping over fenced blocks (with an info
    /// string) nested inside it; -1 when there is none before the last line.</summary>
    private static int ClosingLine(string text, LineMap lines, int first, int last, int openLength)
    {
        var inner = 0;
        for (var i = first + 1; i < last; i++)
        {
            var fence = AnyFence.Match(LineText(text, lines, i));
            if (!fence.Success)
            {
                continue;
            }

            var length = fence.Groups["fence"].Length;
            var bare = fence.Groups["info"].Value.Trim().Length == 0;
            if (inner > 0)
            {
                inner = bare && length >= inner ? 0 : inner;
            }
            else if (!bare)
            {
                inner = length;
            }
            else if (length >= openLength)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether the fenced lines are the plan: a title and at least one section inside,
    /// and more headings inside than in the text after the fence.</summary>
    private static bool HoldsThePlan(string text, LineMap lines, int first, int closing, int last)
    {
        int inside = 0, outside = 0;
        bool title = false, section = false;
        for (var i = first + 1; i <= last; i++)
        {
            var heading = AtxHeading.Match(LineText(text, lines, i));
            if (!heading.Success || i == closing)
            {
                continue;
            }

            if (i > closing)
            {
                outside++;
                continue;
            }

            inside++;
            title |= heading.Groups["marks"].Length == 1;
            section |= heading.Groups["marks"].Length >= 2;
        }

        return title && section && inside > outside;
    }

    private static void Blank(char[] chars, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            chars[i] = ' ';
        }
    }

    internal static string LineText(string text, LineMap lines, int lineIndex)
    {
        var start = lines.LineStart(lineIndex);
        var end = start;
        while (end < text.Length && text[end] != '\n' && text[end] != '\r')
        {
            end++;
        }

        return text.Substring(start, end - start);
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

    /// <summary>Whether a line is blank, without allocating its text.</summary>
    internal static bool IsBlankLine(string text, LineMap lines, int lineIndex)
    {
        for (var i = lines.LineStart(lineIndex); i < text.Length && text[i] != '\n' && text[i] != '\r'; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsBlank(string line)
    {
        foreach (var c in line)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Builder
    {
        private readonly string _filePath;
        private readonly string _text;
        private readonly LineMap _lines;
        private readonly MarkdownDocument _syntax;
        private readonly OuterFence? _outerFence;

        public Builder(string filePath, string text, LineMap lines, MarkdownDocument syntax, OuterFence? outerFence)
        {
            _filePath = filePath;
            _text = text;
            _lines = lines;
            _syntax = syntax;
            _outerFence = outerFence;
        }

        public PlanDocument Build()
        {
            var topBlocks = _syntax.ToList();
            var headings = new List<PlanHeading>();
            var headingIndex = new List<int>();
            for (var i = 0; i < topBlocks.Count; i++)
            {
                if (topBlocks[i] is HeadingBlock block)
                {
                    headings.Add(MakeHeading(block));
                    headingIndex.Add(i);
                }
            }

            var title = headings.FirstOrDefault(h => h.Level == 1);
            var sections = BuildSections(topBlocks, headings, headingIndex, title);
            var preamble = BuildPreamble(topBlocks, headings, headingIndex, title);
            var status = FindStatus(topBlocks, preamble, sections);
            var progress = sections.FirstOrDefault(s => s.Kind == SectionKind.Progress);
            var items = progress is null ? new List<ChecklistItem>() : CollectChecklist(progress.Blocks);
            var entries = new List<PlanEntry>();
            foreach (var section in sections)
            {
                // A section known only by a qualified name ("Scope, Assumptions, and Risks",
                // "Design decisions") counts as present, but its items were not written as the
                // skeleton's entries, so they are not held to the entry format (EXP030-EXP033).
                if (EntryParser.HasEntries(section.Kind) && section.Heading.MatchStrength != SectionMatchStrength.Qualified
                    && ReferenceEquals(section, sections.First(s => s.Kind == section.Kind)))
                {
                    entries.AddRange(EntryParser.Parse(section, _text, _lines));
                }
            }

            var suppressions = SuppressionParser.Parse(_syntax, _text, _lines);
            return new PlanDocument(_filePath, _text, _lines, _syntax, _outerFence, title, headings, sections, preamble, status, items, entries, suppressions);
        }

        private PlanHeading MakeHeading(HeadingBlock block)
        {
            var lineIndex = _lines.LineIndexOf(block.Span.Start);
            var lineStart = _lines.LineStart(lineIndex);
            var line = LineText(_text, _lines, lineIndex);
            int textStart;
            int textEnd;
            if (block.IsSetext)
            {
                textStart = lineStart + (line.Length - line.TrimStart().Length);
                // A first line of only Unicode white space (e.g. a no-break space, which Markdig
                // counts as text) trims to nothing: the span is then empty, never negative.
                textEnd = Math.Max(textStart, lineStart + line.TrimEnd().Length);
            }
            else
            {
                var i = 0;
                while (i < line.Length && line[i] == ' ')
                {
                    i++;
                }

                while (i < line.Length && line[i] == '#')
                {
                    i++;
                }

                while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
                {
                    i++;
                }

                var end = line.TrimEnd().Length;
                var closing = end;
                while (closing > i && line[closing - 1] == '#')
                {
                    closing--;
                }

                // A closing sequence of '#' counts only when a space precedes it.
                if (closing < end && (closing == i || line[closing - 1] == ' ' || line[closing - 1] == '\t'))
                {
                    end = closing;
                    while (end > i && (line[end - 1] == ' ' || line[end - 1] == '\t'))
                    {
                        end--;
                    }
                }

                textStart = lineStart + i;
                textEnd = lineStart + Math.Max(i, end);
            }

            var text = _text.Substring(textStart, textEnd - textStart);
            var span = textEnd > textStart ? _lines.Span(textStart, textEnd) : _lines.Point(block.Span.Start);
            return new PlanHeading(block, block.Level, text, span, SectionCatalog.MatchDetailed(text), IsFollowedByBlankLine(block));
        }

        private bool IsFollowedByBlankLine(HeadingBlock block)
        {
            var next = _lines.LineIndexOf(block.Span.End) + 1;
            return next >= _lines.LineCount || IsBlank(LineText(_text, _lines, next));
        }

        private static List<PlanSection> BuildSections(List<Block> topBlocks, List<PlanHeading> headings, List<int> headingIndex, PlanHeading? title)
        {
            var candidates = headings.Where(h => !ReferenceEquals(h, title)).ToList();
            var known = candidates.Where(h => h.Kind != SectionKind.Other).ToList();
            var sectionLevel = known.Count > 0 ? known.Min(h => h.Level) : 2;

            // Where several headings at the section level name one section, the closest matches
            // keep it ("## Validation and Acceptance" over "## Milestone 2: Validation"); the looser
            // ones are ordinary headings, so they neither repeat (EXP003) nor steal the section.
            var bestStrength = new Dictionary<SectionKind, SectionMatchStrength>();
            foreach (var heading in candidates.Where(h => h.Level == sectionLevel && h.Kind != SectionKind.Other))
            {
                if (!bestStrength.TryGetValue(heading.Kind, out var strength) || heading.MatchStrength > strength)
                {
                    bestStrength[heading.Kind] = heading.MatchStrength;
                }
            }

            for (var h = 0; h < headings.Count; h++)
            {
                var heading = headings[h];
                if (!ReferenceEquals(heading, title) && heading.Level == sectionLevel && heading.Kind != SectionKind.Other
                    && heading.MatchStrength < bestStrength[heading.Kind])
                {
                    headings[h] = heading.AsOther();
                }
            }

            var sections = new List<PlanSection>();
            var primaryKinds = new HashSet<SectionKind>();
            var parentKind = new SectionKind?[headings.Count];
            SectionKind? currentPrimary = null;
            for (var h = 0; h < headings.Count; h++)
            {
                var heading = headings[h];
                if (ReferenceEquals(heading, title) || heading.Level < sectionLevel)
                {
                    currentPrimary = null;
                    continue;
                }

                if (heading.Level > sectionLevel)
                {
                    parentKind[h] = currentPrimary;
                    continue;
                }

                currentPrimary = heading.Kind;
                sections.Add(MakeSection(topBlocks, headings, headingIndex, h, isPrimary: true));
                primaryKinds.Add(heading.Kind);
            }

            // A known section written only at a deeper level still counts (once), so a plan that
            // groups its living sections under a parent heading is not told they are missing. Only
            // a heading that is the name counts there: an exact name anywhere, a part of a
            // bilingual heading only under a grouping heading, never a qualified or padded name
            // ("### Main risks" under Context is not the Risks section).
            for (var h = 0; h < headings.Count; h++)
            {
                var heading = headings[h];
                if (heading.Level <= sectionLevel || heading.Kind == SectionKind.Other)
                {
                    continue;
                }

                var eligible = heading.MatchStrength == SectionMatchStrength.Exact
                    || (heading.MatchStrength == SectionMatchStrength.Segment && parentKind[h] is null or SectionKind.Other);
                if (eligible && primaryKinds.Add(heading.Kind))
                {
                    sections.Add(MakeSection(topBlocks, headings, headingIndex, h, isPrimary: false));
                }
            }

            return sections.OrderBy(s => s.Heading.Block.Span.Start).ToList();
        }

        private static PlanSection MakeSection(List<Block> topBlocks, List<PlanHeading> headings, List<int> headingIndex, int h, bool isPrimary)
        {
            var heading = headings[h];
            var startBlock = headingIndex[h] + 1;
            var endBlock = topBlocks.Count;
            for (var next = h + 1; next < headings.Count; next++)
            {
                if (headings[next].Level <= heading.Level)
                {
                    endBlock = headingIndex[next];
                    break;
                }
            }

            var blocks = topBlocks.GetRange(startBlock, endBlock - startBlock);
            var isEmpty = blocks.All(IsNonContent);
            return new PlanSection(heading, blocks, isEmpty, isPrimary);
        }

        private static bool IsNonContent(Block block) =>
            block is HeadingBlock or ThematicBreakBlock or LinkReferenceDefinitionGroup or YamlFrontMatterBlock ||
            (block is HtmlBlock html && html.Type == HtmlBlockType.Comment);

        private static List<Block> BuildPreamble(List<Block> topBlocks, List<PlanHeading> headings, List<int> headingIndex, PlanHeading? title)
        {
            var start = 0;
            var end = topBlocks.Count;
            for (var h = 0; h < headings.Count; h++)
            {
                if (ReferenceEquals(headings[h], title))
                {
                    start = headingIndex[h] + 1;
                }
                else if (headingIndex[h] >= start)
                {
                    end = headingIndex[h];
                    break;
                }
            }

            return end > start ? topBlocks.GetRange(start, end - start) : new List<Block>();
        }

        private PlanStatus? FindStatus(List<Block> topBlocks, List<Block> preamble, List<PlanSection> sections)
        {
            // The skill's Status line under the title first, then a Status heading or section, and
            // only then front matter (status: active), which is the repository's metadata.
            foreach (var block in preamble)
            {
                if (block is ParagraphBlock or ListBlock or QuoteBlock)
                {
                    var found = MatchStatusIn(block);
                    if (found is not null)
                    {
                        return found;
                    }
                }
            }

            foreach (var heading in sections.Select(s => s.Heading))
            {
                if (heading.Text.TrimStart('*', '_').StartsWith("Status", StringComparison.OrdinalIgnoreCase) && heading.Text.Contains(':'))
                {
                    var found = MatchStatusIn(heading.Block);
                    if (found is not null)
                    {
                        return found;
                    }
                }
            }

            var statusSection = sections.FirstOrDefault(s => s.Kind == SectionKind.Status);
            var firstParagraph = statusSection?.Blocks.OfType<ParagraphBlock>().FirstOrDefault();
            if (firstParagraph is not null)
            {
                var line = _lines.LineIndexOf(firstParagraph.Span.Start);
                var start = _lines.LineStart(line);
                var lineText = LineText(_text, _lines, line);
                return MakeStatus(start, lineText, 0, lineText.Length);
            }

            foreach (var block in topBlocks)
            {
                if (block is YamlFrontMatterBlock)
                {
                    var found = MatchStatusIn(block);
                    if (found is not null)
                    {
                        return found.AsFrontMatter();
                    }
                }
            }

            return null;
        }

        private PlanStatus? MatchStatusIn(Block block)
        {
            var start = Math.Max(0, block.Span.Start);
            var end = Math.Min(_text.Length, block.Span.End + 1);
            var match = StatusLine.Match(_text, start, end - start);
            if (!match.Success)
            {
                return null;
            }

            var value = match.Groups["value"];
            var lineStart = _lines.LineStart(_lines.LineIndexOf(match.Index));
            var lineText = LineText(_text, _lines, _lines.LineIndexOf(match.Index));
            return MakeStatus(lineStart, lineText, value.Index - lineStart, value.Index - lineStart + value.Length);
        }

        private PlanStatus MakeStatus(int lineStart, string lineText, int valueStart, int valueEnd)
        {
            // Strip emphasis and code markers around the value: **DRAFT**, `DRAFT`, _DRAFT_.
            while (valueStart < valueEnd && (char.IsWhiteSpace(lineText[valueStart]) || lineText[valueStart] is '*' or '_' or '`'))
            {
                valueStart++;
            }

            while (valueEnd > valueStart && (char.IsWhiteSpace(lineText[valueEnd - 1]) || lineText[valueEnd - 1] is '*' or '_' or '`'))
            {
                valueEnd--;
            }

            var raw = lineText.Substring(valueStart, valueEnd - valueStart);
            var valueSpan = valueEnd > valueStart
                ? _lines.Span(lineStart + valueStart, lineStart + valueEnd)
                : _lines.Span(lineStart, lineStart + lineText.TrimEnd().Length);
            var lineSpan = _lines.Span(lineStart, lineStart + lineText.TrimEnd().Length);
            return new PlanStatus(raw, valueSpan, lineSpan, ParseStatusValue(raw));
        }

        private List<ChecklistItem> CollectChecklist(IReadOnlyList<Block> blocks)
        {
            var items = new List<ChecklistItem>();
            foreach (var block in blocks)
            {
                if (block is ListBlock list)
                {
                    CollectList(list, 0, null, items);
                }
            }

            return items;
        }

        private void CollectList(ListBlock list, int depth, ChecklistItem? parent, List<ChecklistItem> items)
        {
            foreach (var child in list)
            {
                if (child is not ListItemBlock item)
                {
                    continue;
                }

                var paragraph = item.Count > 0 ? item[0] as ParagraphBlock : null;
                var task = paragraph?.Inline?.FirstChild as TaskList;
                int textStart;
                int textEnd;
                if (paragraph is null)
                {
                    textStart = item.Span.Start;
                    textEnd = item.Span.Start;
                }
                else
                {
                    textStart = task is null ? paragraph.Span.Start : task.Span.End + 1;
                    textEnd = Math.Min(_text.Length, paragraph.Span.End + 1);
                }

                while (textStart < textEnd && (_text[textStart] == ' ' || _text[textStart] == '\t'))
                {
                    textStart++;
                }

                var markerEnd = task is null ? Math.Min(_text.Length, item.Span.Start + 1) : task.Span.End + 1;
                var firstLineEnd = textStart;
                while (firstLineEnd < textEnd && _text[firstLineEnd] != '\n' && _text[firstLineEnd] != '\r')
                {
                    firstLineEnd++;
                }

                var entry = new ChecklistItem(
                    task is not null,
                    task?.Checked ?? false,
                    _text.Substring(textStart, Math.Max(0, textEnd - textStart)),
                    textStart,
                    _lines.Span(item.Span.Start, markerEnd),
                    firstLineEnd > textStart ? _lines.Span(textStart, firstLineEnd) : _lines.Span(item.Span.Start, markerEnd),
                    depth,
                    parent);
                items.Add(entry);

                foreach (var nested in item.OfType<ListBlock>())
                {
                    CollectList(nested, depth + 1, entry, items);
                }
            }
        }
    }

    /// <summary>Recognises one allowed Status value, forgiving case, a trailing period and
    /// '-'/'_' in IN PROGRESS; anything else is invalid (EXP011).</summary>
    internal static PlanStatusValue? ParseStatusValue(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw.Trim().TrimEnd('.'))
        {
            builder.Append(c is '-' or '_' ? ' ' : char.ToUpperInvariant(c));
        }

        var folded = Regex.Replace(builder.ToString(), @"\s+", " ", RegexOptions.None, RegexTimeout).Trim();
        return folded switch
        {
            "DRAFT" => PlanStatusValue.Draft,
            "APPROVED" => PlanStatusValue.Approved,
            "IN PROGRESS" => PlanStatusValue.InProgress,
            "BLOCKED" => PlanStatusValue.Blocked,
            "COMPLETE" => PlanStatusValue.Complete,
            _ => null,
        };
    }
}
