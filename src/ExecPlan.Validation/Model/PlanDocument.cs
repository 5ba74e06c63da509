namespace ExecPlan.Validation.Model;

using System.Collections.Generic;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Parsing;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SourceSpan = ExecPlan.Validation.Diagnostics.SourceSpan;

/// <summary>An outer ``` fence wrapped around a whole plan file (EXP050).</summary>
public sealed class OuterFence
{
    internal OuterFence(SourceSpan opening, SourceSpan closing)
    {
        Opening = opening;
        Closing = closing;
    }

    public SourceSpan Opening { get; }

    public SourceSpan Closing { get; }
}

/// <summary>
/// A plan parsed once: the Markdig syntax tree with precise source spans, and the small model the
/// rules read (title, status, sections, Progress items, Risk/Surprise/Decision entries).
/// </summary>
public sealed class PlanDocument
{
    internal PlanDocument(
        string filePath,
        string text,
        LineMap lines,
        MarkdownDocument syntax,
        OuterFence? outerFence,
        PlanHeading? title,
        IReadOnlyList<PlanHeading> headings,
        IReadOnlyList<PlanSection> sections,
        IReadOnlyList<Block> preamble,
        PlanStatus? status,
        IReadOnlyList<ChecklistItem> progressItems,
        IReadOnlyList<PlanEntry> entries,
        IReadOnlyList<SuppressionComment> suppressions)
    {
        FilePath = filePath;
        Text = text;
        Lines = lines;
        Syntax = syntax;
        OuterFence = outerFence;
        Title = title;
        Headings = headings;
        Sections = sections;
        Preamble = preamble;
        Status = status;
        ProgressItems = progressItems;
        Entries = entries;
        Suppressions = suppressions;
    }

    public string FilePath { get; }

    /// <summary>The text that was parsed: the file without its byte-order mark, with an outer
    /// fence's lines blanked so offsets still match the file.</summary>
    public string Text { get; }

    public LineMap Lines { get; }

    public MarkdownDocument Syntax { get; }

    public OuterFence? OuterFence { get; }

    /// <summary>The first level-1 heading among the top-level blocks, if any.</summary>
    public PlanHeading? Title { get; }

    /// <summary>Every top-level heading, in order (the title included).</summary>
    public IReadOnlyList<PlanHeading> Headings { get; }

    /// <summary>The sections at the plan's section level, in order, plus known sections found
    /// only at a deeper level (<see cref="PlanSection.IsPrimary"/> false).</summary>
    public IReadOnlyList<PlanSection> Sections { get; }

    /// <summary>The top-level blocks between the title and the first section heading.</summary>
    public IReadOnlyList<Block> Preamble { get; }

    public PlanStatus? Status { get; }

    /// <summary>Every list item in Progress (nested ones too), in order.</summary>
    public IReadOnlyList<ChecklistItem> ProgressItems { get; }

    /// <summary>Risk, Surprise and Decision entries, in order.</summary>
    public IReadOnlyList<PlanEntry> Entries { get; }

    /// <summary>The <c>execplan-disable</c> family of comments, in order.</summary>
    public IReadOnlyList<SuppressionComment> Suppressions { get; }

    /// <summary>Where diagnostics about the whole plan point: the title's text; in a plan without
    /// a level-1 title, the first heading's text; with no heading at all, the first non-blank line
    /// (the file start only for a blank file).</summary>
    public SourceSpan TitleSpan => Title?.TextSpan ?? (Headings.Count > 0 ? Headings[0].TextSpan : FirstNonBlankLineSpan());

    private SourceSpan FirstNonBlankLineSpan()
    {
        for (var line = 0; line < Lines.LineCount; line++)
        {
            var start = Lines.LineStart(line);
            var end = start;
            while (end < Text.Length && Text[end] != '\n' && Text[end] != '\r')
            {
                end++;
            }

            var first = start;
            while (first < end && char.IsWhiteSpace(Text[first]))
            {
                first++;
            }

            if (first < end)
            {
                var last = end;
                while (last > first && char.IsWhiteSpace(Text[last - 1]))
                {
                    last--;
                }

                return Lines.Span(first, last);
            }
        }

        return SourceSpan.FileStart;
    }

    /// <summary>The first section of a kind, or null.</summary>
    public PlanSection? Section(SectionKind kind)
    {
        // Indexed: rules ask this for every kind they check, and a foreach over the interface
        // would allocate an enumerator each time.
        var sections = Sections;
        for (var i = 0; i < sections.Count; i++)
        {
            if (sections[i].Kind == kind)
            {
                return sections[i];
            }
        }

        return null;
    }

    private BlockLists? _blocks;

    /// <summary>Every block below the document, depth-first in document order, walked once and
    /// shared by the rules that look at every block (a race only builds the same lists twice).</summary>
    internal List<Block> AllBlocks => Walked.All;

    /// <summary>Every heading, nested ones too, in document order (from the same walk): rules about
    /// headings need not touch every block of a long plan.</summary>
    internal IReadOnlyList<HeadingBlock> AllHeadings => Walked.Headings;

    /// <summary>Every fenced code block, nested ones too, in document order (from the same walk).</summary>
    internal IReadOnlyList<FencedCodeBlock> FencedBlocks => Walked.Fenced;

    private BlockLists Walked => _blocks ??= WalkBlocks(Syntax);

    private static BlockLists WalkBlocks(MarkdownDocument syntax)
    {
        // Counted first, so the list is allocated once at its size: growing it copied every block
        // reference about twice over, in large arrays on a long plan.
        var headingCount = 0;
        var fencedCount = 0;
        var blocks = new List<Block>(CountBlocks(syntax, ref headingCount, ref fencedCount));
        List<HeadingBlock>? headings = null;
        List<FencedCodeBlock>? fenced = null;
        var stack = new Stack<Block>();
        for (var i = syntax.Count - 1; i >= 0; i--)
        {
            stack.Push(syntax[i]);
        }

        while (stack.Count > 0)
        {
            var block = stack.Pop();
            blocks.Add(block);
            if (block is ContainerBlock container)
            {
                for (var i = container.Count - 1; i >= 0; i--)
                {
                    stack.Push(container[i]);
                }
            }
            else if (block is HeadingBlock heading)
            {
                (headings ??= new List<HeadingBlock>(headingCount)).Add(heading);
            }
            else if (block is FencedCodeBlock code)
            {
                (fenced ??= new List<FencedCodeBlock>(fencedCount)).Add(code);
            }
        }

        return new BlockLists(blocks, headings ?? NoHeadings, fenced ?? NoFencedBlocks);
    }

    private static readonly List<HeadingBlock> NoHeadings = [];

    private static readonly List<FencedCodeBlock> NoFencedBlocks = [];

    /// <summary>The lists one walk of the tree gives.</summary>
    private sealed class BlockLists
    {
        public BlockLists(List<Block> all, List<HeadingBlock> headings, List<FencedCodeBlock> fenced)
        {
            All = all;
            Headings = headings;
            Fenced = fenced;
        }

        public List<Block> All { get; }

        public List<HeadingBlock> Headings { get; }

        public List<FencedCodeBlock> Fenced { get; }
    }

    /// <summary>
    /// The inlines of a leaf block. Most paragraphs are left unparsed by the plan pipeline (no
    /// parse-time reader needs them, see <see cref="Parsing.DeferredInlines"/>); the first ask
    /// parses one, with the document's own inline parsers, under a lock, so concurrent rules see
    /// either nothing yet or the whole result. Rules read inlines only through this.
    /// </summary>
    internal ContainerInline? InlineOf(LeafBlock leaf)
    {
        if (leaf.ProcessInlines || leaf is not ParagraphBlock)
        {
            return leaf.Inline;
        }

        lock (_inlineGate)
        {
            if (leaf.Inline is null)
            {
                _inlineProcessor ??= new InlineProcessor(Syntax, Parsing.MarkdownPipelineFactory.PlanInlines.InlineParsers, true, null);
                _inlineProcessor.ProcessInlineLeaf(leaf);
            }

            return leaf.Inline;
        }
    }

    private readonly object _inlineGate = new();

    private InlineProcessor? _inlineProcessor;

    private static int CountBlocks(ContainerBlock container, ref int headings, ref int fenced)
    {
        var count = container.Count;
        for (var i = 0; i < container.Count; i++)
        {
            switch (container[i])
            {
                case ContainerBlock inner:
                    count += CountBlocks(inner, ref headings, ref fenced);
                    break;
                case HeadingBlock:
                    headings++;
                    break;
                case FencedCodeBlock:
                    fenced++;
                    break;
            }
        }

        return count;
    }

    /// <summary>The span of a block's source.</summary>
    public SourceSpan SpanOf(Block block) => Lines.Span(block.Span.Start, block.Span.End + 1);

    /// <summary>The span of the first line of a block.</summary>
    public SourceSpan FirstLineSpanOf(Block block)
    {
        var start = block.Span.Start;
        var end = start;
        while (end <= block.Span.End && end < Text.Length && Text[end] != '\n' && Text[end] != '\r')
        {
            end++;
        }

        return Lines.Span(start, end);
    }

    /// <summary>The source text of a block.</summary>
    public string SourceOf(Block block)
    {
        var start = System.Math.Max(0, block.Span.Start);
        var end = System.Math.Min(Text.Length, block.Span.End + 1);
        return end > start ? Text.Substring(start, end - start) : string.Empty;
    }
}
