namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Model;
using Markdig.Syntax;

/// <summary>Collects the list items of a section (Progress), nested ones too, in order, with
/// their task-list checkbox (<see cref="TaskBoxes"/>, as Markdig's task-list extension reads it) and their text from the
/// item's first paragraph.</summary>
internal static class ChecklistReader
{
    public static List<ChecklistItem> Collect(IReadOnlyList<Block> blocks, LineMap lines)
    {
        var items = new List<ChecklistItem>();
        foreach (var block in blocks)
        {
            if (block is ListBlock list)
            {
                CollectList(list, 0, null, items, lines);
            }
        }

        return items;
    }

    private static void CollectList(ListBlock list, int depth, ChecklistItem? parent, List<ChecklistItem> items, LineMap lines)
    {
        var text = lines.Text;
        foreach (var child in list)
        {
            if (child is not ListItemBlock item)
            {
                continue;
            }

            var paragraph = item.Count > 0 ? item[0] as ParagraphBlock : null;
            var boxStart = 0;
            var boxChecked = false;
            var hasBox = paragraph is not null && TaskBoxes.TryRead(paragraph, out boxStart, out boxChecked);
            var afterBox = boxStart + TaskBoxes.Length;

            int textStart;
            int textEnd;
            if (paragraph is null)
            {
                textStart = item.Span.Start;
                textEnd = item.Span.Start;
            }
            else
            {
                textStart = hasBox ? afterBox : paragraph.Span.Start;
                textEnd = Math.Min(text.Length, paragraph.Span.End + 1);
            }

            while (textStart < textEnd && (text[textStart] == ' ' || text[textStart] == '\t'))
            {
                textStart++;
            }

            var markerEnd = hasBox ? afterBox : Math.Min(text.Length, item.Span.Start + 1);
            var firstLineEnd = textStart;
            while (firstLineEnd < textEnd && text[firstLineEnd] != '\n' && text[firstLineEnd] != '\r')
            {
                firstLineEnd++;
            }

            var entry = new ChecklistItem(
                hasBox,
                boxChecked,
                text.Substring(textStart, Math.Max(0, textEnd - textStart)),
                textStart,
                lines.Span(item.Span.Start, markerEnd),
                firstLineEnd > textStart ? lines.Span(textStart, firstLineEnd) : lines.Span(item.Span.Start, markerEnd),
                depth,
                parent);
            items.Add(entry);

            foreach (var nested in item)
            {
                if (nested is ListBlock nestedList)
                {
                    CollectList(nestedList, depth + 1, entry, items, lines);
                }
            }
        }
    }
}
