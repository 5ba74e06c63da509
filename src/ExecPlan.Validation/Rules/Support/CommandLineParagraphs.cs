namespace ExecPlan.Validation.Rules.Support;

using System;
using ExecPlan.Validation.Model;
using Markdig.Syntax;

/// <summary>The paragraph-level reading of <see cref="CommandLines"/>: the list item's margins
/// and whether any line of a paragraph is a command.</summary>
internal static partial class CommandLines
{
    /// <summary>
    /// Whether any line of a paragraph is a command (<see cref="IsCommandLine"/>), with the list
    /// item's margins read once and a line's text taken only when its indentation qualifies it.
    /// </summary>
    public static bool HasCommandLine(PlanDocument plan, ParagraphBlock paragraph)
    {
        var (first, last) = LineRange(plan, paragraph);
        if (IsCommandLine(plan, paragraph, first))
        {
            return true;
        }

        // Past its first line a paragraph line is a command only when indented as a block.
        var (markerColumn, textColumn, quoted) = Margins(plan, paragraph);
        if (quoted)
        {
            return false;
        }

        var text = plan.Text;
        for (var line = first + 1; line <= last; line++)
        {
            var start = plan.Lines.LineStart(line);
            var width = 0;
            var i = start;
            for (; i < text.Length && text[i] is ' ' or '\t'; i++)
            {
                width = text[i] == ' ' ? width + 1 : width + 4 - (width % 4);
            }

            var end = i;
            while (end < text.Length && text[end] != '\n' && text[end] != '\r')
            {
                end++;
            }

            // As IsIndentedAsBlock: the width in columns against the line's length in characters.
            if (width < end - start && (width >= markerColumn + 4 || width >= textColumn + 2) &&
                StartsWithCommand(text.Substring(start, end - start)))
            {
                return true;
            }
        }

        return false;
    }

    private static (int MarkerColumn, int TextColumn, bool Quoted) Margins(PlanDocument plan, Block block)
    {
        ListItemBlock? item = null;
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is QuoteBlock)
            {
                return (0, 0, true);
            }

            item ??= parent as ListItemBlock;
        }

        if (item is null || item.Span.Start < 0 || item.Span.Start >= plan.Text.Length)
        {
            return (0, 0, false);
        }

        var line = plan.Lines.LineIndexOf(item.Span.Start);
        var lineText = LineText(plan, line);
        var markerStart = item.Span.Start - plan.Lines.LineStart(line);
        var markerColumn = IndentWidth(lineText.Substring(0, Math.Min(markerStart, lineText.Length)));
        var i = markerStart;
        while (i < lineText.Length && char.IsDigit(lineText[i]))
        {
            i++;
        }

        i = Math.Min(lineText.Length, i + 1); // The bullet or the '.' / ')' after the number.
        var spaces = 0;
        while (i + spaces < lineText.Length && lineText[i + spaces] == ' ')
        {
            spaces++;
        }

        // CommonMark: five or more spaces after the marker mean the text column is one past it.
        var textColumn = markerColumn + (i - markerStart) + (spaces is >= 1 and <= 4 ? spaces : 1);
        return (markerColumn, textColumn, false);
    }
}
