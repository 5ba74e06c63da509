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
        for (var i = 0; i < 3 && EndsWithBracket(text); i++)
        {
            var stripped = TrailingParenthetical.Replace(text, string.Empty);
            if (stripped.Length == 0 || stripped == text)
            {
                break;
            }

            text = stripped;
        }

        if (MayStartWithNumbering(text))
        {
            text = LeadingNumbering.Replace(text, string.Empty);
        }
        var builder = new StringBuilder(text.Length + 8);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c == '&' || c == '+' || c == '＆')
            {
                AppendWord(builder, "and", ref pendingSpace);
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The words of a normalized name, without 'and' and with a plural 's' folded, so
    /// "Interfaces, dependencies" and "Interface and Dependencies" compare equal.</summary>
    private static List<string> Tokens(string normalized)
    {
        var tokens = new List<string>();
        foreach (var word in normalized.Split(' '))
        {
            if (word.Length == 0 || word == "and")
            {
                continue;
            }

            tokens.Add(word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? word.Substring(0, word.Length - 3) + "y"
                : word.Length > 3 && word[word.Length - 1] == 's' ? word.Substring(0, word.Length - 1) : word);
        }

        return tokens;
    }

    /// <summary>Removes every parenthetical or bracketed part, ASCII or full-width:
    /// <c>(…)</c>, <c>[…]</c>, <c>（…）</c>, <c>【…】</c>, <c>［…］</c>, <c>「…」</c>.</summary>
    private static string StripBrackets(string text)
    {
        for (var i = 0; i < 3 && text.IndexOfAny(OpeningBrackets) >= 0; i++)
        {
            var stripped = AnyBracketed.Replace(text, " ");
            if (stripped == text)
            {
                break;
            }

            text = stripped;
        }

        return text;
    }

    /// <summary>Splits a heading into the parts a bilingual or annotated heading is made of: at
    /// '/', '|', ':', dashes used as separators, and where a CJK or Hangul run meets a Latin run.</summary>
    private static IEnumerable<string> Segments(string text)
    {
        var current = new StringBuilder(text.Length);
        var lastScript = Script.None;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var separator = c is '/' or '|' or ':' or '—' or '–' or '：' or '／' or '｜' or '・' or '·' or '、' or '，' or '。'
                || (c == '-' && (i == 0 || char.IsWhiteSpace(text[i - 1])) && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])));
            var script = ScriptOf(c);
            if (separator || (script != Script.None && lastScript != Script.None && script != lastScript))
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                lastScript = Script.None;
                if (separator)
                {
                    continue;
                }
            }

            if (script != Script.None)
            {
                lastScript = script;
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private enum Script
    {
        None,
        Latin,
        Cjk,
    }

    private static Script ScriptOf(char c)
    {
        if (!char.IsLetter(c))
        {
            return Script.None;
        }

        if ((c >= '\u1100' && c <= '\u11FF') || (c >= '\u2E80' && c <= '\u9FFF') || (c >= '\uA960' && c <= '\uA97F')
            || (c >= '\uAC00' && c <= '\uD7AF') || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFF66' && c <= '\uFFDC'))
        {
            return Script.Cjk;
        }

        return c < '\u0250' ? Script.Latin : Script.None;
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

    /// <summary>Whether the last character that is not white space closes a bracket: the only
    /// texts <c>TrailingParenthetical</c> can match (its <c>\s</c> is white space as
    /// <see cref="char.IsWhiteSpace(char)"/> counts it).</summary>
    private static bool EndsWithBracket(string text)
    {
        var i = text.Length - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        return i >= 0 && text[i] is ')' or ']';
    }

    /// <summary>Whether <c>LeadingNumbering</c> can match: after white space, a digit, or an ASCII
    /// letter followed by '.', ')' or ':', or a run of roman-numeral letters followed by one.</summary>
    private static bool MayStartWithNumbering(string text)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            return false;
        }

        var c = text[i];
        if (char.IsDigit(c))
        {
            return true;
        }

        if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z')))
        {
            return false;
        }

        if (i + 1 < text.Length && text[i + 1] is '.' or ')' or ':')
        {
            return true;
        }

        var roman = i;
        while (i < text.Length && text[i] is 'I' or 'V' or 'X' or 'i' or 'v' or 'x')
        {
            i++;
        }

        return i > roman && i < text.Length && text[i] is '.' or ')' or ':';
    }

    /// <summary>For tests: the cheap checks that skip the folding regexes must never skip a text
    /// a regex would change. Returns the name of a check that does, or null.</summary>
    internal static string? PrefilterMisses(string text)
    {
        if (!EndsWithBracket(text) && TrailingParenthetical.IsMatch(text))
        {
            return "trailing parenthetical";
        }

        if (!MayStartWithNumbering(text) && LeadingNumbering.IsMatch(text))
        {
            return "leading numbering";
        }

        return text.IndexOfAny(OpeningBrackets) < 0 && AnyBracketed.IsMatch(text) ? "brackets" : null;
    }
}
