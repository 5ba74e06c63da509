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

    /// <summary>Splits a heading into the parts a bilingual or annotated heading is made of: at
    /// '/', '|', ':', dashes used as separators, and where a CJK or Hangul run meets a Latin run.
    /// The specification of the runs <see cref="MatchDetailed"/> cuts (the tests compare them).</summary>
    private static IEnumerable<string> Segments(string text)
    {
        if (IsOneSegment(text))
        {
            yield return text;
            yield break;
        }

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

    /// <summary>Whether a segment of <see cref="Segments"/> ends before position <paramref name="i"/>:
    /// a separator there (which belongs to no segment) or a change of script (the character starts
    /// the next one). <paramref name="lastScript"/> is the script of the run so far.</summary>
    private static bool IsSegmentBoundary(string text, int i, ref Script lastScript, out bool separator)
    {
        var c = text[i];
        separator = c is '/' or '|' or ':' or '—' or '–' or '：' or '／' or '｜' or '・' or '·' or '、' or '，' or '。'
            || (c == '-' && (i == 0 || char.IsWhiteSpace(text[i - 1])) && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])));
        var script = ScriptOf(c);
        var boundary = separator || (script != Script.None && lastScript != Script.None && script != lastScript);
        if (boundary)
        {
            lastScript = separator ? Script.None : script;
        }
        else if (script != Script.None)
        {
            lastScript = script;
        }

        return boundary;
    }

    /// <summary>The next segment of <see cref="Segments"/> at or after <paramref name="at"/>, as the
    /// run [start, end) of the text; false when there is none. A segment starts with no script
    /// seen (after a separator, or at the character whose script ended the last one), so each
    /// call starts afresh.</summary>
    private static bool NextSegment(string text, ref int at, out int start, out int end)
    {
        var lastScript = Script.None;
        start = at;
        for (var i = at; i < text.Length; i++)
        {
            if (!IsSegmentBoundary(text, i, ref lastScript, out var separator))
            {
                continue;
            }

            if (i > start)
            {
                end = i;
                at = separator ? i + 1 : i;
                return true;
            }

            // A separator where a segment would start: nothing to give yet.
            start = i + 1;
        }

        end = text.Length;
        at = text.Length;
        return end > start;
    }

    /// <summary>For tests: the segments as <see cref="MatchDetailed"/> cuts them and as
    /// <see cref="Segments"/> builds them, each joined by U+0001; the two must be equal.</summary>
    internal static (string Runs, string Built) SegmentsBothWays(string text)
    {
        var runs = new List<string>();
        var at = 0;
        while (NextSegment(text, ref at, out var start, out var end))
        {
            runs.Add(text.Substring(start, end - start));
        }

        return (string.Join("\u0001", runs), string.Join("\u0001", Segments(text)));
    }

    /// <summary>Whether <see cref="Segments"/> would give the text back whole (then it is given
    /// as it is, not copied): not empty, no separator, no change of script.</summary>
    private static bool IsOneSegment(string text)
    {
        var lastScript = Script.None;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '/' or '|' or ':' or '—' or '–' or '：' or '／' or '｜' or '・' or '·' or '、' or '，' or '。'
                || (c == '-' && (i == 0 || char.IsWhiteSpace(text[i - 1])) && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                return false;
            }

            var script = ScriptOf(c);
            if (script != Script.None && lastScript != Script.None && script != lastScript)
            {
                return false;
            }

            lastScript = script == Script.None ? lastScript : script;
        }

        return text.Length > 0;
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
