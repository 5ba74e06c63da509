namespace ExecPlan.Validation.Parsing;

using System;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Helpers;
using Markdig.Syntax;

/// <summary>
/// A Markdig extension that leaves the inline parse of most paragraphs for later. Readers and rules
/// read only a few inline kinds: autolinks and HTML comments (<c>&lt;</c>), task-list boxes
/// (<c>[</c>; Markdig finds one even after other inlines, so any bracket counts), code spans
/// (<c>`</c>), and a pipe table is made from a paragraph during the inline pass (<c>|</c>). A
/// paragraph with a <c>&lt;</c>, <c>[</c> or <c>|</c> is parsed with the document, as before, so
/// the block tree and everything the parse-time readers see are unchanged. Any other paragraph
/// is left unparsed: a rule that wants its code spans asks <see cref="Model.PlanDocument.InlineOf"/>,
/// which parses it then (once), and most paragraphs are never asked for (the inline pass is a
/// third or more of Markdig's time on plans). Headings are always parsed.
/// </summary>
internal sealed class DeferredInlines : IMarkdownExtension
{
    private static readonly char[] ParsedNow = ['<', '[', '|'];

    /// <summary>The pipeline's inline parsers, for the parses left for later.</summary>
    private OrderedList<InlineParser>? _inlineParsers;

    /// <summary>The inline parsers of the pipeline this extension is part of, for the parses left
    /// for later (<see cref="Prepare"/> builds the list once, before the pipeline is shared:
    /// building one initialises the parsers, which concurrent parses read).</summary>
    internal InlineParserList InlineParsers { get; private set; } = null!;

    /// <summary>Builds <see cref="InlineParsers"/>; called once, right after the pipeline is built.</summary>
    internal void Prepare() =>
        InlineParsers = new InlineParserList(_inlineParsers ?? throw new InvalidOperationException("The extension is not part of a pipeline."));

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        _inlineParsers = pipeline.InlineParsers;
        var paragraphs = pipeline.BlockParsers.Find<ParagraphBlockParser>();
        if (paragraphs is not null)
        {
            paragraphs.Closed -= OnParagraphClosed;
            paragraphs.Closed += OnParagraphClosed;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    /// <summary>Whether a paragraph is parsed with the document: its lines hold a character that
    /// starts an inline a parse-time reader needs, or one that makes it a table.</summary>
    internal static bool IsParsedNow(ParagraphBlock paragraph)
    {
        var lines = paragraph.Lines.Lines;
        for (var i = 0; i < paragraph.Lines.Count; i++)
        {
            var slice = lines[i].Slice;
            if (slice.Length > 0 && slice.Text.AsSpan(slice.Start, slice.Length).IndexOfAny(ParsedNow) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void OnParagraphClosed(BlockProcessor processor, Block block)
    {
        if (block is ParagraphBlock paragraph && !IsParsedNow(paragraph))
        {
            // Left for later: ProcessInlines stays false, which also marks it as left.
            paragraph.ProcessInlines = false;
        }
    }
}
