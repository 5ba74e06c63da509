namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Model;
using Markdig;
using Markdig.Syntax;

/// <summary>
/// Parses a plan once into a <see cref="PlanDocument"/>: the input limits are checked and an
/// outer fence removed on the text, Markdig parses it once, and each construct's reader builds
/// its part of the model from the syntax tree and the <see cref="LineMap"/> (headings, sections,
/// Status, Progress checklist, entries, suppression comments).
/// </summary>
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

    /// <summary>The same limit per paragraph (a run of non-blank lines outside fenced code, cut where a
    /// line certainly opens a block of its own: a list item, heading, quote...): spread
    /// over many lines, markup costs Markdig the same quadratic inline pass (<c>[ (](</c> repeated
    /// on every line, or 200,000 link reference definitions in a row).</summary>
    public const int MaxInlineMarkupPerBlock = 10_000;

    /// <summary>Link reference definitions (<c>[id]: url</c>) beyond this many are refused (EXP000):
    /// Markdig's cost grows quadratically with their number even between blank lines (100,000 take
    /// 4 s, 200,000 take 15 s). A plan has a handful.</summary>
    public const int MaxLinkReferenceDefinitions = 10_000;

    /// <summary>Parses plan text. A leading byte-order mark is ignored.</summary>
    public static PlanDocument Parse(string text, string filePath)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            // Editors do not count the mark as a column, so spans are computed without it.
            text = text.Substring(1);
        }

        var lines = new LineMap(text);
        InputLimits.Check(text, lines);
        var outerFence = OuterFenceReader.Unwrap(ref text, lines);
        if (outerFence is not null)
        {
            lines = lines.WithText(text);
        }

        MarkdownDocument syntax;
        try
        {
            syntax = Markdown.Parse(text, MarkdownPipelineFactory.PlanPipeline);
        }
        catch (ArgumentException ex) when (ex.Message.IndexOf("depth limit", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            // Markdig refuses inline or table nesting past its own limit (e.g. tens of thousands
            // of '[' or '*' on one line).
            throw InputLimits.TooDeepForMarkdig(text, lines);
        }

        return Build(filePath, lines, syntax, outerFence);
    }

    private static PlanDocument Build(string filePath, LineMap lines, MarkdownDocument syntax, OuterFence? outerFence)
    {
        // The lists are sized once: a plan of many headings would otherwise regrow them on the
        // large object heap, and each such allocation brings a full collection nearer.
        var headingCount = 0;
        for (var i = 0; i < syntax.Count; i++)
        {
            if (syntax[i] is HeadingBlock)
            {
                headingCount++;
            }
        }

        var topBlocks = new List<Block>(syntax.Count);
        var headings = new List<PlanHeading>(headingCount);
        var headingIndex = new List<int>(headingCount);
        PlanHeading? title = null;
        foreach (var block in syntax)
        {
            if (block is HeadingBlock heading)
            {
                var planHeading = HeadingReader.Read(heading, lines);
                headings.Add(planHeading);
                headingIndex.Add(topBlocks.Count);
                title ??= planHeading.Level == 1 ? planHeading : null;
            }

            topBlocks.Add(block);
        }

        var sections = SectionBuilder.Build(topBlocks, headings, headingIndex, title);
        var preamble = SectionBuilder.Preamble(topBlocks, headings, headingIndex, title);
        var status = StatusReader.Find(lines, topBlocks, preamble, sections);
        PlanSection? progress = null;
        foreach (var section in sections)
        {
            if (section.Kind == SectionKind.Progress)
            {
                progress = section;
                break;
            }
        }

        var items = progress is null ? new List<ChecklistItem>() : ChecklistReader.Collect(progress.Blocks, lines);
        var entries = new List<PlanEntry>();
        var seen = 0L;
        foreach (var section in sections)
        {
            // The kinds seen so far, a bit each (SectionKind has fewer than 64 members).
            var bit = 1L << (int)section.Kind;
            var first = (seen & bit) == 0;
            seen |= bit;

            // A section known only by a qualified name ("Scope, Assumptions, and Risks",
            // "Design decisions") counts as present, but its items were not written as the
            // skeleton's entries, so they are not held to the entry format (EXP030-EXP033).
            // Only the first section of a kind holds entries.
            if (first && EntryParser.HasEntries(section.Kind) && section.Heading.MatchStrength != SectionMatchStrength.Qualified)
            {
                EntryParser.ParseInto(entries, section, lines.Text, lines);
            }
        }

        var suppressions = SuppressionParser.Parse(syntax, lines.Text, lines);
        return new PlanDocument(filePath, lines.Text, lines, syntax, outerFence, title, headings, sections, preamble, status, items, entries, suppressions);
    }

    /// <summary>The text of a 0-based line of <paramref name="text"/>, without its line break
    /// (see <see cref="LineMap.LineText(int)"/>).</summary>
    internal static string LineText(string text, LineMap lines, int lineIndex) => LineMap.LineText(text, lines, lineIndex);

    /// <summary>Whether a string holds only white space (see <see cref="LineMap.IsBlank"/>).</summary>
    internal static bool IsBlank(string line) => LineMap.IsBlank(line);
}
