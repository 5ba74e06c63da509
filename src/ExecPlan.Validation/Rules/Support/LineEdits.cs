namespace ExecPlan.Validation.Rules.Support;

using System;
using System.Text;
using ExecPlan.Validation.Fixes;
using ExecPlan.Validation.Model;

/// <summary>
/// Line-level text edits the fixable rules build their repairs from, in offsets of
/// <see cref="PlanDocument.Text"/>. Every edit copies the line break of the line it touches, so a
/// CRLF (or mixed) file keeps its endings line by line.
/// </summary>
internal static class LineEdits
{
    /// <summary>The text of a 0-based line, without its line break.</summary>
    public static string LineText(PlanDocument plan, int line)
    {
        var start = plan.Lines.LineStart(line);
        var end = LineEnd(plan, line);
        return plan.Text.Substring(start, end - start);
    }

    /// <summary>Whether a line holds only white space.</summary>
    public static bool IsBlankLine(PlanDocument plan, int line)
    {
        var text = plan.Text;
        for (var i = plan.Lines.LineStart(line); i < text.Length && text[i] != '\n' && text[i] != '\r'; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a string holds only white space.</summary>
    public static bool IsBlank(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The line break that ends a line; for the last line, the one before it, or "\n".</summary>
    public static string LineBreak(PlanDocument plan, int line)
    {
        var text = plan.Text;
        for (var l = Math.Min(line, plan.Lines.LineCount - 1); l >= 0; l--)
        {
            var end = LineEnd(plan, l);
            if (end < text.Length)
            {
                return text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? "\r\n" : text[end].ToString();
            }
        }

        return "\n";
    }

    /// <summary>Deletes a line with its line break (the last line: its text only).</summary>
    public static TextEdit DeleteLine(PlanDocument plan, int line)
    {
        var start = plan.Lines.LineStart(line);
        var end = line + 1 < plan.Lines.LineCount ? plan.Lines.LineStart(line + 1) : LineEnd(plan, line);
        return new TextEdit(start, end - start, string.Empty);
    }

    /// <summary>Replaces a line's text (its line break stays).</summary>
    public static TextEdit ReplaceLine(PlanDocument plan, int line, string newText)
    {
        var start = plan.Lines.LineStart(line);
        return new TextEdit(start, LineEnd(plan, line) - start, newText);
    }

    /// <summary>Inserts a one-line block before a line, followed by a blank line.</summary>
    public static TextEdit InsertBlockBefore(PlanDocument plan, int line, string block)
    {
        var newline = LineBreak(plan, line);
        return new TextEdit(plan.Lines.LineStart(line), 0, block + newline + newline);
    }

    /// <summary>Inserts a one-line block after a line, separated by blank lines.</summary>
    public static TextEdit InsertBlockAfter(PlanDocument plan, int line, string block)
    {
        var newline = LineBreak(plan, line);
        if (line + 1 >= plan.Lines.LineCount)
        {
            return new TextEdit(plan.Text.Length, 0, newline + newline + block + newline);
        }

        var next = line + 1;
        var after = IsBlankLine(plan, next) ? string.Empty : newline;
        return new TextEdit(plan.Lines.LineStart(next), 0, newline + block + newline + after);
    }

    /// <summary>Appends a one-line block at the end of the file, after a blank line.</summary>
    public static TextEdit AppendBlock(PlanDocument plan, string block)
    {
        var last = plan.Lines.LineCount - 1;
        var newline = last > 0 ? LineBreak(plan, last - 1) : "\n";
        var builder = new StringBuilder();
        if (LineEnd(plan, last) > plan.Lines.LineStart(last))
        {
            builder.Append(newline).Append(newline); // The file ends without a line break.
        }
        else if (last > 0 && !IsBlankLine(plan, last - 1))
        {
            builder.Append(newline);
        }

        builder.Append(block).Append(newline);
        return new TextEdit(plan.Text.Length, 0, builder.ToString());
    }

    private static int LineEnd(PlanDocument plan, int line)
    {
        var text = plan.Text;
        var end = plan.Lines.LineStart(line);
        while (end < text.Length && text[end] != '\n' && text[end] != '\r')
        {
            end++;
        }

        return end;
    }
}
