namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>Finds <c>&lt;!-- execplan-disable ... --&gt;</c> comments. Only real HTML comments count
/// (block or inline), never text inside code, so a plan can document the syntax in a code block.</summary>
internal static class SuppressionParser
{
    // The directive grammar (formerly one regex, '(?:[ \t,]+ID)*[ \t]*(?:--\s*[^>]*)?-->', whose
    // overlapping quantifiers backtracked quadratically on long runs of spaces):
    //   <!-- [ \t]* execplan-KIND ( [ \t,]+ ID )* [ \t]* ( "-->" | "--" ANYTHING-BUT-'>' "-->" )
    // scanned below in one pass, so the same text gives the same directives at any machine load.
    private static readonly string[] Kinds = ["disable-next-line", "disable-line", "disable-file", "disable", "enable"];

    public static List<SuppressionComment> Parse(MarkdownDocument syntax, string text, LineMap lines)
    {
        var result = new List<SuppressionComment>();
        if (text.IndexOf("execplan-", StringComparison.OrdinalIgnoreCase) < 0)
        {
            // No directive can match without its keyword: skip the walk over every block and inline.
            return result;
        }

        foreach (var block in syntax.Descendants())
        {
            if (block is HtmlBlock { Type: HtmlBlockType.Comment } html)
            {
                Scan(text, lines, html.Span.Start, html.Span.End + 1, result);
            }
            else if (block is LeafBlock { Inline: not null } leaf)
            {
                foreach (var inline in leaf.Inline.Descendants<HtmlInline>())
                {
                    if (inline.Tag.StartsWith("<!--", StringComparison.Ordinal))
                    {
                        Scan(text, lines, inline.Span.Start, inline.Span.End + 1, result);
                    }
                }
            }
        }

        result.Sort((a, b) => a.Span.CompareTo(b.Span));
        return result;
    }

    private static void Scan(string text, LineMap lines, int start, int end, List<SuppressionComment> result)
    {
        start = Math.Max(0, start);
        end = Math.Min(text.Length, end);
        var at = start;
        var nextGt = -1; // the first '>' at or after the last search, remembered so each is found once
        while (at < end)
        {
            var open = text.IndexOf("<!--", at, end - at, StringComparison.Ordinal);
            if (open < 0)
            {
                return;
            }

            if (TryDirective(text, open, end, lines, ref nextGt, out var comment, out var matchEnd))
            {
                result.Add(comment!);
                at = matchEnd;
            }
            else
            {
                at = open + 1;
            }
        }
    }

    private static bool TryDirective(string text, int open, int end, LineMap lines, ref int nextGt, out SuppressionComment? comment, out int matchEnd)
    {
        comment = null;
        matchEnd = open;
        var i = SkipBlanks(text, open + 4, end);
        const string Prefix = "execplan-";
        if (end - i < Prefix.Length || string.Compare(text, i, Prefix, 0, Prefix.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        i += Prefix.Length;
        foreach (var kind in Kinds)
        {
            if (end - i < kind.Length || string.Compare(text, i, kind, 0, kind.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                continue;
            }

            // IDs: each after a run of blanks or commas. A run not followed by an ID is not consumed.
            var ids = new List<SuppressedId>();
            var p = i + kind.Length;
            while (true)
            {
                var q = p;
                while (q < end && text[q] is ' ' or '\t' or ',')
                {
                    q++;
                }

                var idStart = q;
                while (q < end && IsIdChar(text[q]))
                {
                    q++;
                }

                if (idStart == p || q == idStart)
                {
                    break;
                }

                ids.Add(new SuppressedId(text.Substring(idStart, q - idStart).ToUpperInvariant(), lines.Span(idStart, q)));
                p = q;
            }

            p = SkipBlanks(text, p, end);
            var close = CommentEnd(text, p, end, ref nextGt);
            if (close < 0)
            {
                continue; // a shorter kind ("disable" for "disable-line...") may still match
            }

            matchEnd = close;
            comment = new SuppressionComment(ToKind(kind), ids, lines.Span(open, close));
            return true;
        }

        return false;
    }

    /// <summary>The end of <c>--&gt;</c>, or of <c>--</c> anything-but-<c>&gt;</c> <c>--&gt;</c>, at <paramref name="p"/>; -1 otherwise.</summary>
    private static int CommentEnd(string text, int p, int end, ref int nextGt)
    {
        if (end - p < 3 || text[p] != '-' || text[p + 1] != '-')
        {
            return -1;
        }

        if (text[p + 2] == '>')
        {
            return p + 3;
        }

        // "--" then anything without '>' then "-->": the first '>' must close it.
        if (nextGt < p + 2)
        {
            nextGt = text.IndexOf('>', p + 2, end - p - 2);
            if (nextGt < 0)
            {
                nextGt = end;
            }
        }

        var gt = nextGt;
        return gt < end && gt >= p + 4 && text[gt - 1] == '-' && text[gt - 2] == '-' ? gt + 1 : -1;
    }

    private static int SkipBlanks(string text, int i, int end)
    {
        while (i < end && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    private static bool IsIdChar(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_';

    private static SuppressionKind ToKind(string kind) => kind switch
    {
        "disable-next-line" => SuppressionKind.DisableNextLine,
        "disable-line" => SuppressionKind.DisableLine,
        "disable-file" => SuppressionKind.DisableFile,
        "enable" => SuppressionKind.Enable,
        _ => SuppressionKind.Disable,
    };
}
