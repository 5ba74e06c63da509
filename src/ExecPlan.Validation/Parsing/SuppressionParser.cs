namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>Finds <c>&lt;!-- execplan-disable ... --&gt;</c> comments. Only real HTML comments count
/// (block or inline), never text inside code, so a plan can document the syntax in a code block.</summary>
internal static class SuppressionParser
{
    private static readonly Regex Directive = new(
        @"<!--[ \t]*execplan-(?<kind>disable-next-line|disable-line|disable-file|disable|enable)(?<ids>(?:[ \t,]+[A-Za-z0-9_]+)*)[ \t]*(?:--\s*[^>]*)?-->",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    private static readonly Regex Id = new(@"[A-Za-z0-9_]+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

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
        for (var match = Directive.Match(text, start, end - start); match.Success; match = match.NextMatch())
        {
            var ids = new List<SuppressedId>();
            var group = match.Groups["ids"];
            for (var id = Id.Match(group.Value); id.Success; id = id.NextMatch())
            {
                var at = group.Index + id.Index;
                ids.Add(new SuppressedId(id.Value.ToUpperInvariant(), lines.Span(at, at + id.Length)));
            }

            var kind = match.Groups["kind"].Value.ToLowerInvariant() switch
            {
                "disable-next-line" => SuppressionKind.DisableNextLine,
                "disable-line" => SuppressionKind.DisableLine,
                "disable-file" => SuppressionKind.DisableFile,
                "enable" => SuppressionKind.Enable,
                _ => SuppressionKind.Disable,
            };
            result.Add(new SuppressionComment(kind, ids, lines.Span(match.Index, match.Index + match.Length)));
        }
    }
}
