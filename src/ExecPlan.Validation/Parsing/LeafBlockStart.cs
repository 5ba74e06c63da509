namespace ExecPlan.Validation.Parsing;

using System;

/// <summary>For the paragraph markup guard (<see cref="InputLimits"/>): whether a line starts a
/// block of its own, so its inline markup is not parsed together with the lines before it.
/// Conservative: a line is taken as a new block only where CommonMark leaves no doubt.</summary>
internal static class LeafBlockStart
{
    /// <summary>The state at the start of a run of lines (after a blank line or a fence).</summary>
    public static RunState NewRun() => new() { OrderedItem = -1 };

    /// <summary>What the paragraph guard remembers of the lines before: the quote depth of the last
    /// line, and the list level of the ordered item the run began with (-1 when none).</summary>
    internal struct RunState
    {
        public int QuoteDepth;

        public int OrderedItem;

        public char OrderedDelimiter;
    }

    /// <summary>Whether a non-blank line certainly starts a new block rather than continuing the
    /// paragraph before it (where unsure, it continues, so the count only grows): a bullet item
    /// with content, an ATX heading, a thematic break or an HTML comment at most three columns in
    /// (no tabs), a deeper block quote, or an ordered item that may interrupt a paragraph (number
    /// 1, or the next item of the ordered list the run began with: same column and delimiter).
    /// <paramref name="runStart"/>: the line follows a blank line or a fence, so it starts a
    /// block anyway; only the state is updated.</summary>
    public static bool Opens(string text, int start, int end, bool runStart, ref RunState run)
    {
        var i = start;
        var depth = 0;
        int spaces;
        var tab = false;
        while (true)
        {
            spaces = 0;
            while (i < end && text[i] is ' ' or '\t')
            {
                tab |= text[i] == '\t';
                spaces++;
                i++;
            }

            if (i < end && text[i] == '>' && spaces <= 3 && !tab)
            {
                depth++;
                i++;
                continue;
            }

            break;
        }

        // A lazy line ("> a", "b", "> c" is one paragraph) may lower the depth without closing
        // the quote, so within a run the depth only grows, unless a new block certainly opens.
        var deeper = depth > run.QuoteDepth;
        var opens = false;
        var indent = depth > 0 ? spaces - 1 : spaces;
        var contentEnd = end;
        while (contentEnd > i && text[contentEnd - 1] is '\r' or '\n')
        {
            contentEnd--;
        }

        var ordered = -1;
        var delimiter = '\0';
        var number = 0;
        if (!tab && indent <= 3 && i < contentEnd)
        {
            var c = text[i];
            if (c is '-' or '*' or '+' && i + 1 < contentEnd && text[i + 1] is ' ' or '\t' && !IsBlankRange(text, i + 2, contentEnd))
            {
                opens = true;
            }
            else if (c is '-' or '*' or '_' && IsThematicBreak(text, i, contentEnd))
            {
                opens = true;
            }
            else if (c == '#')
            {
                var marks = 0;
                while (i + marks < contentEnd && text[i + marks] == '#')
                {
                    marks++;
                }

                opens |= marks <= 6 && (i + marks == contentEnd || text[i + marks] is ' ' or '\t');
            }
            else if (c == '<' && string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
            {
                opens = true;
            }
            else if (c is >= '0' and <= '9')
            {
                var digits = 0;
                while (i + digits < contentEnd && digits < 10 && text[i + digits] is >= '0' and <= '9')
                {
                    number = (number * 10) + (text[i + digits] - '0');
                    digits++;
                }

                var after = i + digits;
                if (digits <= 9 && after + 1 < contentEnd && text[after] is '.' or ')' && text[after + 1] is ' ' or '\t' && !IsBlankRange(text, after + 2, contentEnd))
                {
                    ordered = (depth * 1000) + indent;
                    delimiter = text[after];
                    opens |= (digits == 1 && number == 1) || (ordered == run.OrderedItem && delimiter == run.OrderedDelimiter);
                }
            }
        }

        opens |= deeper;
        if (runStart || opens)
        {
            run.OrderedItem = ordered;
            run.OrderedDelimiter = delimiter;
        }

        run.QuoteDepth = runStart || opens ? depth : Math.Max(depth, run.QuoteDepth);
        return opens;
    }

    private static bool IsBlankRange(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Three or more of one of '-', '*', '_' and nothing else but blanks.</summary>
    private static bool IsThematicBreak(string text, int from, int to)
    {
        var mark = text[from];
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (text[i] == mark)
            {
                count++;
            }
            else if (text[i] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return count >= 3;
    }
}
