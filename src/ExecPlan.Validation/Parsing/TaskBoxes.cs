namespace ExecPlan.Validation.Parsing;

using Markdig.Extensions.TaskLists;
using Markdig.Syntax;

/// <summary>A list item's task-list box (<c>[ ]</c>, <c>[x]</c>, <c>[X]</c>) as Markdig's task-list
/// extension reads it: the first inline of a paragraph directly inside a list item, when the
/// paragraph's text starts with the box. For a paragraph whose inlines are parsed that is the
/// <see cref="TaskList"/> inline; for one left unparsed (<see cref="DeferredInlines"/>) the same
/// answer is read from its first line, so the box costs no inline pass.</summary>
internal static class TaskBoxes
{
    /// <summary>The characters of a box: '[', the mark, ']'.</summary>
    public const int Length = 3;

    /// <summary>Whether <paramref name="paragraph"/> starts with a box; <paramref name="start"/> is
    /// the source offset of its '[' and <paramref name="isChecked"/> whether it holds an x.</summary>
    public static bool TryRead(ParagraphBlock paragraph, out int start, out bool isChecked)
    {
        start = 0;
        isChecked = false;
        if (paragraph.Inline is { } inline)
        {
            if (inline.FirstChild is TaskList task)
            {
                start = task.Span.Start;
                isChecked = task.Checked;
                return true;
            }

            return false;
        }

        if (paragraph.ProcessInlines || paragraph.Parent is not ListItemBlock || paragraph.Lines.Count == 0)
        {
            return false;
        }

        // Markdig's parser: '[' then a space, 'x' or 'X', then ']', at the paragraph's first
        // character (its first line starts there; leading white space is not part of it).
        var slice = paragraph.Lines.Lines[0].Slice;
        var text = slice.Text;
        var at = slice.Start;
        if (slice.Length < Length || text[at] != '[' || text[at + 1] is not (' ' or 'x' or 'X') || text[at + 2] != ']')
        {
            return false;
        }

        start = at;
        isChecked = text[at + 1] != ' ';
        return true;
    }
}
