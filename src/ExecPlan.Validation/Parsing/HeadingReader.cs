namespace ExecPlan.Validation.Parsing;

using System;
using ExecPlan.Validation.Model;
using Markdig.Syntax;

/// <summary>Turns a top-level Markdig heading into a <see cref="PlanHeading"/>: its text is the
/// span Markdig gives the heading's inlines (markers, closing sequence and spaces already
/// left out), and its section is matched once.</summary>
internal static class HeadingReader
{
    public static PlanHeading Read(HeadingBlock block, LineMap lines)
    {
        var text = lines.Text;
        var textStart = block.Span.Start;
        var textEnd = textStart;
        var inline = block.Inline;
        if (inline is not null && inline.Span.End >= inline.Span.Start && inline.Span.Start >= 0)
        {
            textStart = inline.Span.Start;
            textEnd = Math.Min(text.Length, inline.Span.End + 1);
            if (block.IsSetext)
            {
                // A setext heading's inlines run over all its lines; the heading is named by the first.
                textEnd = Math.Min(textEnd, lines.LineEnd(lines.LineIndexOf(textStart)));
            }

            // Markdig trims ASCII white space only; a no-break or ideographic space is trimmed too.
            while (textStart < textEnd && char.IsWhiteSpace(text[textStart]))
            {
                textStart++;
            }

            while (textEnd > textStart && char.IsWhiteSpace(text[textEnd - 1]))
            {
                textEnd--;
            }
        }

        var headingText = text.Substring(textStart, textEnd - textStart);
        var span = textEnd > textStart ? lines.Span(textStart, textEnd) : lines.Point(block.Span.Start);
        return new PlanHeading(block, block.Level, headingText, span, SectionCatalog.MatchDetailed(headingText), IsFollowedByBlankLine(block, lines));
    }

    private static bool IsFollowedByBlankLine(HeadingBlock block, LineMap lines)
    {
        var next = lines.LineIndexOf(block.Span.End) + 1;
        return next >= lines.LineCount || lines.IsBlankLine(next);
    }
}
