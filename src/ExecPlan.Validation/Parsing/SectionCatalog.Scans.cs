namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using System.Text;

/// <summary>The span scans heading folding runs in place of its regexes (a trailing
/// parenthetical, leading numbering, bracketed parts); each does exactly what its regex in
/// SectionCatalog.cs does, which the tests check.</summary>
public static partial class SectionCatalog
{
    /// <summary>What <c>TrailingParenthetical</c> removes: the bracketed part that ends the text
    /// (only white space after it) and the white space before it; -1 when there is none. The
    /// brackets hold no other bracket, so the opener is the nearest bracket before the closer.</summary>
    private static int TrailingParentheticalStart(string text)
    {
        var close = text.Length - 1;
        while (close >= 0 && char.IsWhiteSpace(text[close]))
        {
            close--;
        }

        if (close < 0 || text[close] is not (')' or ']'))
        {
            return -1;
        }

        var open = close - 1;
        while (open >= 0 && text[open] is not ('(' or ')' or '[' or ']'))
        {
            open--;
        }

        if (open < 0 || text[open] is not ('(' or '['))
        {
            return -1;
        }

        while (open > 0 && char.IsWhiteSpace(text[open - 1]))
        {
            open--;
        }

        return open;
    }

    /// <summary>The length of what <c>LeadingNumbering</c> removes ("1.2. ", "a) ", "IV: ",
    /// "3 "), or 0: a number with dotted parts, one ASCII letter or a roman numeral, then '.', ')'
    /// or ':' and white space; or a bare number and white space.</summary>
    private static int LeadingNumberingLength(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var i = start;
        if (i < text.Length && char.IsDigit(text[i]))
        {
            var digits = SkipDigits(text, i);

            // \d+(?:\.\d+)* then the mark: the longest run of dotted parts that a mark and white
            // space follow (a shorter one leaves a '.' and digits where the mark must be).
            var ends = new List<int> { digits };
            for (var end = digits; end + 1 < text.Length && text[end] == '.' && char.IsDigit(text[end + 1]);)
            {
                end = SkipDigits(text, end + 1);
                ends.Add(end);
            }

            for (var k = ends.Count - 1; k >= 0; k--)
            {
                var marked = AfterMarkAndSpace(text, ends[k]);
                if (marked > 0)
                {
                    return marked;
                }
            }

            var spaced = SkipWhiteSpace(text, digits);
            return spaced > digits ? spaced : 0;
        }

        if (i < text.Length && text[i] is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
        {
            var letter = AfterMarkAndSpace(text, i + 1);
            if (letter > 0)
            {
                return letter;
            }

            var roman = i;
            while (roman < text.Length && text[roman] is 'I' or 'V' or 'X' or 'i' or 'v' or 'x')
            {
                roman++;
            }

            return roman > i ? Math.Max(0, AfterMarkAndSpace(text, roman)) : 0;
        }

        return 0;
    }

    private static int SkipDigits(string text, int i)
    {
        while (i < text.Length && char.IsDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int SkipWhiteSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary><c>[.):]\s+</c> at <paramref name="i"/>: the end of the white space, or 0.</summary>
    private static int AfterMarkAndSpace(string text, int i)
    {
        if (i >= text.Length || text[i] is not ('.' or ')' or ':'))
        {
            return 0;
        }

        var end = SkipWhiteSpace(text, i + 1);
        return end > i + 1 ? end : 0;
    }

    /// <summary><c>AnyBracketed</c> replaced by a space, left to right: an opener, then no bracket
    /// of any kind, then a closer (of any kind).</summary>
    private static string ReplaceBracketed(string text)
    {
        StringBuilder? result = null;
        var copied = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsOpeningBracket(text[i]))
            {
                continue;
            }

            var j = i + 1;
            while (j < text.Length && !IsOpeningBracket(text[j]) && !IsClosingBracket(text[j]))
            {
                j++;
            }

            if (j < text.Length && IsClosingBracket(text[j]))
            {
                result ??= new StringBuilder(text.Length);
                result.Append(text, copied, i - copied).Append(' ');
                copied = j + 1;
                i = j;
            }
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsOpeningBracket(char c) => c is '(' or '[' or '（' or '【' or '［' or '「';

    private static bool IsClosingBracket(char c) => c is ')' or ']' or '）' or '】' or '］' or '」';
}
