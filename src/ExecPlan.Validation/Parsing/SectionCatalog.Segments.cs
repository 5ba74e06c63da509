namespace ExecPlan.Validation.Parsing;

using System.Collections.Generic;
using System.Text;

/// <summary>The segments of a heading: the parts a bilingual or annotated heading is made of.</summary>
public static partial class SectionCatalog
{
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
}
