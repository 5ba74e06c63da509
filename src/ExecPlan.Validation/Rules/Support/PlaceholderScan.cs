namespace ExecPlan.Validation.Rules.Support;

using System;

/// <summary>EXP040's placeholder shape, scanned by hand.</summary>
internal static class PlaceholderScan
{
    /// <summary>
    /// The next placeholder-shaped span in <c>text[from..end)</c>: a '&lt;' with no letter, digit,
    /// '_', '\\' or '&lt;' before it (looking back no further than <paramref name="start"/>), a
    /// letter, then up to 100 characters other than '&lt;', '&gt;' and line breaks, then '&gt;'.
    /// Returns the '&lt;' offset (and the '&gt;' offset in <paramref name="close"/>), or -1. A scan,
    /// where a regex paid its set-up and timeout bookkeeping on every block with a '&lt;'.
    /// </summary>
    public static int Next(string text, int from, int start, int end, out int close)
    {
        for (var open = from < end ? text.IndexOf('<', from, end - from) : -1; open >= 0; open = open + 1 < end ? text.IndexOf('<', open + 1, end - open - 1) : -1)
        {
            if ((open > start && RefusedBeforePlaceholder(text[open - 1])) || open + 1 >= end || !char.IsLetter(text[open + 1]))
            {
                continue;
            }

            var limit = Math.Min(end, open + 103);
            for (var j = open + 2; j < limit; j++)
            {
                var c = text[j];
                if (c == '>')
                {
                    close = j;
                    return open;
                }

                if (c is '<' or '\r' or '\n')
                {
                    break;
                }
            }
        }

        close = -1;
        return -1;
    }

    private static bool RefusedBeforePlaceholder(char c) => char.IsLetter(c) || char.IsNumber(c) || c is '_' or '\\' or '<';
}
