namespace ExecPlan.Validation.Parsing;

using System;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;

/// <summary>
/// A Markdig extension that leaves out the inline parse of the paragraphs whose inlines nothing
/// reads. The rules and readers read only a few inline kinds: code spans (<c>`</c>), autolinks and
/// HTML comments (<c>&lt;</c>), task-list boxes (<c>[</c>; Markdig finds one even after other
/// inlines, so any bracket counts); and a pipe table is made from a paragraph during the inline
/// pass (<c>|</c>). A paragraph with none of those four characters can hold none of them, so its
/// inline pass (a third or more of Markdig's time on plans) would build only text and emphasis
/// that no rule looks at; it is skipped, and the block tree is the same. Headings are always parsed (their inline span names the section).
/// </summary>
internal sealed class DeferredInlines : IMarkdownExtension
{
    private static readonly char[] ReadInlineStarts = ['`', '<', '[', '|'];

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
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

    /// <summary>Whether a paragraph's lines hold a character that starts an inline something reads.</summary>
    internal static bool MayHoldReadInlines(ParagraphBlock paragraph)
    {
        var lines = paragraph.Lines.Lines;
        for (var i = 0; i < paragraph.Lines.Count; i++)
        {
            var slice = lines[i].Slice;
            if (slice.Length > 0 && slice.Text.AsSpan(slice.Start, slice.Length).IndexOfAny(ReadInlineStarts) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void OnParagraphClosed(BlockProcessor processor, Block block)
    {
        if (block is ParagraphBlock paragraph && !MayHoldReadInlines(paragraph))
        {
            paragraph.ProcessInlines = false;
        }
    }
}
