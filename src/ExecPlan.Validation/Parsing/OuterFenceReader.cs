namespace ExecPlan.Validation.Parsing;

using System;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;

/// <summary>
/// Finds an outer ```md fence around the whole plan (EXP050) and blanks its two lines in place,
/// so the plan inside parses as Markdown and every offset still matches the file. This runs
/// before Markdig: a fenced plan would otherwise be one code block.
/// </summary>
internal static class OuterFenceReader
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    private static readonly Regex OpeningFence = new(@"^ {0,3}(?<fence>`{3,})[ \t]*(?:md|markdown)?[ \t]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);

    private static readonly Regex ClosingFence = new(@"^ {0,3}(?<fence>`{3,})[ \t]*$", RegexOptions.CultureInvariant, RegexTimeout);

    private static readonly Regex AnyFence = new(@"^ {0,3}(?<fence>`{3,})(?<info>[^`]*)$", RegexOptions.CultureInvariant, RegexTimeout);

    private static readonly Regex AtxHeading = new(@"^ {0,3}(?<marks>#{1,6})(?:[ \t]|$)", RegexOptions.CultureInvariant, RegexTimeout);

    /// <summary>
    /// The outer fence, if any: its opening is the first line after any YAML front matter, HTML
    /// comments and blank lines; its closing is the last non-blank line, or, when text follows
    /// (revision notes after the fence), the bare fence that closes it, provided the fence holds
    /// the plan (its title and sections) rather than one snippet. When found, <paramref name="text"/>
    /// becomes the text with the two fence lines blanked.
    /// </summary>
    public static OuterFence? Unwrap(ref string text, LineMap lines)
    {
        var first = FirstContentLine(lines);
        var last = -1;
        for (var i = lines.LineCount - 1; i > first && first >= 0; i--)
        {
            if (!lines.IsBlankLine(i))
            {
                last = i;
                break;
            }
        }

        if (first < 0 || last <= first || !StartsWithBacktickFence(text, lines.LineStart(first)))
        {
            return null;
        }

        var firstText = lines.LineText(first);
        var open = OpeningFence.Match(firstText);
        if (!open.Success)
        {
            return null;
        }

        var openLength = open.Groups["fence"].Length;
        var close = ClosingFence.Match(lines.LineText(last));
        var closing = close.Success && close.Groups["fence"].Length >= openLength ? last : ClosingLine(lines, first, last, openLength);
        if (closing < 0 || (closing != last && !HoldsThePlan(lines, first, closing, last)))
        {
            return null;
        }

        var closingText = lines.LineText(closing);
        var fence = new OuterFence(
            lines.Span(lines.LineStart(first), lines.LineStart(first) + firstText.Length),
            lines.Span(lines.LineStart(closing), lines.LineStart(closing) + closingText.Length));

        var chars = text.ToCharArray();
        Blank(chars, lines.LineStart(first), firstText.Length);
        Blank(chars, lines.LineStart(closing), closingText.Length);
        text = new string(chars);
        return fence;
    }

    /// <summary>Whether a line starts (after up to three spaces) with ```: the cheap test before
    /// the fence's regex.</summary>
    private static bool StartsWithBacktickFence(string text, int start)
    {
        var i = start;
        while (i < text.Length && i - start < 3 && text[i] == ' ')
        {
            i++;
        }

        return i + 2 < text.Length && text[i] == '`' && text[i + 1] == '`' && text[i + 2] == '`';
    }

    /// <summary>The first line that is not blank, YAML front matter or an HTML comment. Lines are
    /// compared in place (every plan passes here; a copy of each line was most of its cost).</summary>
    private static int FirstContentLine(LineMap lines)
    {
        var i = 0;
        if (lines.LineCount > 0 && TrimmedLineIs(lines, 0, "---"))
        {
            for (var j = 1; j < lines.LineCount; j++)
            {
                if (TrimmedLineIs(lines, j, "---") || TrimmedLineIs(lines, j, "..."))
                {
                    i = j + 1;
                    break;
                }
            }
        }

        for (; i < lines.LineCount; i++)
        {
            if (lines.IsBlankLine(i))
            {
                continue;
            }

            if (!LineStartsWith(lines, i, "<!--"))
            {
                return i;
            }

            while (i < lines.LineCount && !LineContains(lines, i, "-->"))
            {
                i++;
            }
        }

        return -1;
    }

    /// <summary>Whether the line, white space at its end aside, is <paramref name="value"/>.</summary>
    private static bool TrimmedLineIs(LineMap lines, int line, string value)
    {
        var text = lines.Text;
        var start = lines.LineStart(line);
        var end = lines.LineEnd(line);
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end - start == value.Length && string.CompareOrdinal(text, start, value, 0, value.Length) == 0;
    }

    /// <summary>Whether the line, white space at its start aside, starts with <paramref name="value"/>.</summary>
    private static bool LineStartsWith(LineMap lines, int line, string value)
    {
        var text = lines.Text;
        var start = lines.LineStart(line);
        var end = lines.LineEnd(line);
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return end - start >= value.Length && string.CompareOrdinal(text, start, value, 0, value.Length) == 0;
    }

    private static bool LineContains(LineMap lines, int line, string value)
    {
        var start = lines.LineStart(line);
        return lines.Text.IndexOf(value, start, lines.LineEnd(line) - start, StringComparison.Ordinal) >= 0;
    }

    /// <summary>The bare fence that closes the outer one, stepping over fenced blocks (with an info
    /// string) nested inside it; -1 when there is none before the last line.</summary>
    private static int ClosingLine(LineMap lines, int first, int last, int openLength)
    {
        var inner = 0;
        for (var i = first + 1; i < last; i++)
        {
            if (!StartsWithBacktickFence(lines.Text, lines.LineStart(i)))
            {
                continue;
            }

            var fence = AnyFence.Match(lines.LineText(i));
            if (!fence.Success)
            {
                continue;
            }

            var length = fence.Groups["fence"].Length;
            var bare = fence.Groups["info"].Value.Trim().Length == 0;
            if (inner > 0)
            {
                inner = bare && length >= inner ? 0 : inner;
            }
            else if (!bare)
            {
                inner = length;
            }
            else if (length >= openLength)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether the fenced lines are the plan: a title and at least one section inside,
    /// and more headings inside than in the text after the fence.</summary>
    private static bool HoldsThePlan(LineMap lines, int first, int closing, int last)
    {
        int inside = 0, outside = 0;
        bool title = false, section = false;
        for (var i = first + 1; i <= last; i++)
        {
            var heading = AtxHeading.Match(lines.LineText(i));
            if (!heading.Success || i == closing)
            {
                continue;
            }

            if (i > closing)
            {
                outside++;
                continue;
            }

            inside++;
            title |= heading.Groups["marks"].Length == 1;
            section |= heading.Groups["marks"].Length >= 2;
        }

        return title && section && inside > outside;
    }

    private static void Blank(char[] chars, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            chars[i] = ' ';
        }
    }
}
