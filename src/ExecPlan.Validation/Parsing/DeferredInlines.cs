namespace ExecPlan.Validation.Parsing;

using System;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Helpers;
using Markdig.Syntax;

/// <summary>
/// A Markdig extension that leaves the inline parse of most paragraphs for later. The parse-time
/// readers need only two things from inlines: HTML comments (suppression directives, a paragraph
/// with <c>&lt;!--</c>) and task-list boxes, which <see cref="TaskBoxes"/> reads from the source
/// as Markdig would; and a pipe table is made from a paragraph during the inline pass (<c>|</c>).
/// A paragraph with <c>&lt;!--</c> or <c>|</c> is parsed with the document, as before, so the block
/// tree and everything the parse-time readers see are unchanged. Any other paragraph is left
/// unparsed: a rule that wants its inlines (code spans, autolinks) asks
/// <see cref="Model.PlanDocument.InlineOf"/>, which parses it then (once), and most paragraphs are
/// never asked for (the inline pass is a third or more of Markdig's time on plans). Headings are
/// always parsed.
/// </summary>
internal sealed class DeferredInlines : IMarkdownExtension
{

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

    /// <summary>Whether a paragraph is parsed with the document: a line holds an HTML comment's
    /// opening (a suppression directive may be one) or a pipe (it may be a table).</summary>
    internal static bool IsParsedNow(ParagraphBlock paragraph)
    {
        var lines = paragraph.Lines.Lines;
        for (var i = 0; i < paragraph.Lines.Count; i++)
        {
            var slice = lines[i].Slice;
            var line = slice.Text.AsSpan(slice.Start, Math.Max(0, slice.Length));
            if (line.IndexOf('|') >= 0 || line.IndexOf("<!--".AsSpan(), StringComparison.Ordinal) >= 0)
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
