namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Settings;

/// <summary>Folding heading text to the form section names are compared in: the normalised
/// name, its words, its bracketed parts removed, and its segments (the parts of a bilingual or
/// annotated heading).</summary>
public static partial class SectionCatalog
{
    /// <summary>Folds a heading to the form names are compared in.</summary>
    public static string Normalize(string headingText)
    {
        var text = headingText.Trim();
        for (var i = 0; i < 3; i++)
        {
            var start = TrailingParentheticalStart(text);
            if (start <= 0)
            {
                break;
            }

            text = text.Substring(0, start);
        }

        // Folded into a buffer kept per thread: one string per heading, no builder. "and" for
        // '&' is at most three characters per one, a space before each word at most one more.
        var numbering = LeadingNumberingLength(text);
        var buffer = FoldBuffer(4 * (text.Length - numbering));
        var length = 0;
        var pendingSpace = false;
        for (var i = numbering; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '&' || c == '+' || c == '＆')
            {
                if (length > 0)
                {
                    buffer[length++] = ' ';
                }

                buffer[length++] = 'a';
                buffer[length++] = 'n';
                buffer[length++] = 'd';
                pendingSpace = true;
            }
            else if (c < 128 ? c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or (>= 'A' and <= 'Z') : char.IsLetterOrDigit(c))
            {
                if (pendingSpace && length > 0)
                {
                    buffer[length++] = ' ';
                }

                pendingSpace = false;
                buffer[length++] = InvariantCase.ToLower(c);
            }
            else
            {
                pendingSpace = true;
            }
        }

        return length == 0 ? string.Empty : new string(buffer, 0, length);
    }

    [ThreadStatic]
    private static char[]? ThreadFoldBuffer;

    private static char[] FoldBuffer(int size)
    {
        var buffer = ThreadFoldBuffer;
        if (buffer is null || buffer.Length < size)
        {
            buffer = new char[Math.Max(size, 256)];
            ThreadFoldBuffer = buffer;
        }

        return buffer;
    }

    /// <summary>The words of a normalized name, without 'and' and with a plural 's' folded, so
    /// "Interfaces, dependencies" and "Interface and Dependencies" compare equal.</summary>
    private static List<string> Tokens(string normalized)
    {
        var tokens = new List<string>();
        var start = 0;
        while (start <= normalized.Length)
        {
            var end = normalized.IndexOf(' ', start);
            end = end < 0 ? normalized.Length : end;
            var length = end - start;
            if (length > 0 && !(length == 3 && string.CompareOrdinal(normalized, start, "and", 0, 3) == 0))
            {
                tokens.Add(
                    length > 4 && string.CompareOrdinal(normalized, end - 3, "ies", 0, 3) == 0 ? normalized.Substring(start, length - 3) + "y"
                    : length > 3 && normalized[end - 1] == 's' ? normalized.Substring(start, length - 1)
                    : length == normalized.Length ? normalized
                    : normalized.Substring(start, length));
            }

            start = end + 1;
        }

        return tokens;
    }

    /// <summary>Removes every parenthetical or bracketed part, ASCII or full-width:
    /// <c>(…)</c>, <c>[…]</c>, <c>（…）</c>, <c>【…】</c>, <c>［…］</c>, <c>「…」</c>.</summary>
    private static string StripBrackets(string text)
    {
        for (var i = 0; i < 3 && text.IndexOfAny(OpeningBrackets) >= 0; i++)
        {
            var stripped = ReplaceBracketed(text);
            if (stripped == text)
            {
                break;
            }

            text = stripped;
        }

        return text;
    }

    private static void AppendWord(StringBuilder builder, string word, ref bool pendingSpace)
    {
        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        builder.Append(word);
        pendingSpace = true;
    }

    /// <summary>For tests: the span folding steps must do exactly what their regexes do. Returns
    /// the name of a step that differs on the text, or null.</summary>
    internal static string? FoldingMisses(string text)
    {
        var start = TrailingParentheticalStart(text);
        if ((start < 0 ? text : text.Substring(0, start)) != TrailingParenthetical.Replace(text, string.Empty))
        {
            return "trailing parenthetical";
        }

        if (text.Substring(LeadingNumberingLength(text)) != LeadingNumbering.Replace(text, string.Empty))
        {
            return "leading numbering";
        }

        return ReplaceBracketed(text) != AnyBracketed.Replace(text, " ") ? "brackets" : null;
    }
}
