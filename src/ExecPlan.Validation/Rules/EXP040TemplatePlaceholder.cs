namespace ExecPlan.Validation.Rules;

using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// EXP040: no unfilled template placeholder such as <c>&lt;N&gt;</c> or <c>&lt;timestamp and who
/// decided&gt;</c>. Text in code spans and code blocks is left alone (<c>git checkout &lt;branch&gt;</c>
/// is a command), except indented entries in Risks, Surprises and Decision Log, where the
/// template itself puts its placeholders. Real HTML tags, autolinks, comments and generic types
/// (<c>List&lt;T&gt;</c>) are not placeholders.
/// </summary>
public sealed class EXP040TemplatePlaceholder : PlanRule
{
    private static readonly Regex Placeholder = TextScan.Pattern(@"(?<![\p{L}\p{N}_\\<])<(?<body>\p{L}[^<>\r\n]{0,100}?)>");

    private static readonly HashSet<string> HtmlElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "big", "blockquote", "body",
        "br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del",
        "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input", "ins",
        "kbd", "label", "legend", "li", "link", "main", "map", "mark", "meta", "meter", "nav", "noscript", "object", "ol",
        "optgroup", "option", "output", "p", "param", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp",
        "script", "section", "select", "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup",
        "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track",
        "tt", "u", "ul", "var", "video", "wbr",
    };

    public override RuleDescriptor Descriptor => RuleCatalog.EXP040;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var entryBlocks = new HashSet<Block>();
        foreach (var section in plan.Sections)
        {
            if (section.Kind is SectionKind.Risks or SectionKind.Surprises or SectionKind.DecisionLog)
            {
                foreach (var block in SyntaxWalk.Blocks(section.Blocks))
                {
                    entryBlocks.Add(block);
                }
            }
        }

        foreach (var block in plan.AllBlocks)
        {
            // Every placeholder starts with '<': a block without one needs no regex and no inline walk.
            if (block is not LeafBlock || !ContainsAngle(plan.Text, block))
            {
                continue;
            }

            switch (block)
            {
                case CodeBlock code when entryBlocks.Contains(code):
                    Scan(plan, context, code, excluded: null);
                    break;
                case CodeBlock:
                    break;
                case LeafBlock leaf:
                    Scan(plan, context, leaf, ExcludedRanges(leaf));
                    break;
            }
        }
    }

    private static bool ContainsAngle(string text, Block block)
    {
        var start = Math.Max(0, block.Span.Start);
        var end = Math.Min(text.Length, block.Span.End + 1);
        return end > start && text.IndexOf('<', start, end - start) >= 0;
    }

    private static List<(int Start, int End)>? ExcludedRanges(LeafBlock leaf)
    {
        List<(int Start, int End)>? ranges = null;
        foreach (var inline in SyntaxWalk.Inlines(leaf))
        {
            if (inline is CodeInline or AutolinkInline)
            {
                (ranges ??= new List<(int Start, int End)>()).Add((inline.Span.Start, inline.Span.End));
            }
        }

        ranges?.Sort((a, b) => a.Start.CompareTo(b.Start));
        return ranges;
    }

    private static void Scan(PlanDocument plan, RuleContext context, Block block, List<(int Start, int End)>? excluded)
    {
        var start = Math.Max(0, block.Span.Start);
        var end = Math.Min(plan.Text.Length, block.Span.End + 1);
        for (var match = Placeholder.Match(plan.Text, start, end - start); match.Success; match = match.NextMatch())
        {
            var body = match.Groups["body"].Value;
            if (IsExcluded(excluded, match.Index) || LooksLikeMarkup(body))
            {
                continue;
            }

            context.Report(plan.Lines.Span(match.Index, match.Index + match.Length),
                $"Replace the template placeholder '{match.Value}' with the real value.");
        }
    }

    private static bool IsExcluded(List<(int Start, int End)>? excluded, int index)
    {
        if (excluded is null)
        {
            return false;
        }

        // Code spans and autolinks never overlap, so sorted by start the last one starting at or
        // before the index is the only candidate: a binary search keeps a line with thousands of
        // code spans and placeholders linear-logarithmic instead of quadratic.
        var low = 0;
        var high = excluded.Count - 1;
        var candidate = -1;
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            if (excluded[mid].Start <= index)
            {
                candidate = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return candidate >= 0 && index <= excluded[candidate].End;
    }

    private static bool LooksLikeMarkup(string body)
    {
        // Attributes, URLs, e-mail addresses and self-closing tags are real markup.
        if (body.IndexOfAny(['=', '"', '@', '/']) >= 0 || body.Contains("://"))
        {
            return true;
        }

        var wordEnd = 0;
        while (wordEnd < body.Length && (char.IsLetterOrDigit(body[wordEnd]) || body[wordEnd] == '-'))
        {
            wordEnd++;
        }

        var firstWord = body.Substring(0, wordEnd);
        return HtmlElements.Contains(firstWord) && (wordEnd == body.Length || body[wordEnd] == ' ') && body.IndexOf(',') < 0;
    }
}
