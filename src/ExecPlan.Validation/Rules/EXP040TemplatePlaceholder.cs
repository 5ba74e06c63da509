namespace ExecPlan.Validation.Rules;

using System;
using System.Collections.Generic;
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
/// <remarks>
/// Placeholders come in three shapes. The skeleton's own (<c>&lt;N&gt;</c>, <c>&lt;description&gt;</c>,
/// <c>&lt;how you know&gt;</c>, ...) and any phrase-like one (with a space or comma) are findings
/// wherever they are outside code. A one-word placeholder (<c>&lt;update_id&gt;</c>,
/// <c>&lt;path-to-view&gt;</c>) is a finding in prose and tables, but is a runtime argument, not a
/// gap, where it is written as part of a command: on a command line or a line indented as a
/// transcript, after a program name on its line (<c>git checkout &lt;branch&gt;</c>), glued into a
/// path, URL or assignment (<c>runs/&lt;name&gt;/out.json</c>, <c>rev=&lt;SHA&gt;</c>), or inside a
/// code block of an entry section.
/// </remarks>
public sealed class EXP040TemplatePlaceholder : PlanRule
{
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

    /// <summary>The skeleton's placeholders, folded (lower case, one space): a finding anywhere outside code.</summary>
    private static readonly HashSet<string> SkeletonPlaceholders = new(StringComparer.Ordinal)
    {
        "short, action-oriented description", "n", "m", "k", "t", "description", "how to prevent or reduce impact",
        "what was unexpected", "how you know", "how it affects this plan or future work", "what was decided",
        "why this choice over alternatives", "timestamp and who decided", "project's test command", "what must pass",
        "commands and expected result", "any benchmarks or thresholds", "any scans or review requirements",
        "ci command or manual verification steps",
    };

    public override RuleDescriptor Descriptor => RuleCatalog.EXP040;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        // The blocks of the entry sections, built only when a code block holds a '<' (rare).
        HashSet<Block>? entryBlocks = null;
        // Every placeholder starts with '<': a block without one needs no regex and no inline walk.
        var angles = new CharCursor(plan.Text, '<');
        if (!angles.Any)
        {
            return;
        }

        foreach (var block in plan.AllBlocks)
        {
            if (block is not LeafBlock || !angles.In(Math.Max(0, block.Span.Start), Math.Min(plan.Text.Length, block.Span.End + 1)))
            {
                continue;
            }

            switch (block)
            {
                case CodeBlock code when (entryBlocks ??= EntryBlocks(plan)).Contains(code):
                    Scan(plan, context, code, inCode: true);
                    break;
                case CodeBlock:
                    break;
                case LeafBlock leaf:
                    Scan(plan, context, leaf, inCode: false);
                    break;
            }
        }
    }

    private static HashSet<Block> EntryBlocks(PlanDocument plan)
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

        return entryBlocks;
    }

    private static List<(int Start, int End)>? ExcludedRanges(PlanDocument plan, LeafBlock leaf)
    {
        List<(int Start, int End)>? ranges = null;
        foreach (var inline in SyntaxWalk.Inlines(plan, leaf))
        {
            if (inline is CodeInline or AutolinkInline)
            {
                (ranges ??= new List<(int Start, int End)>()).Add((inline.Span.Start, inline.Span.End));
            }
        }

        ranges?.Sort((a, b) => a.Start.CompareTo(b.Start));
        return ranges;
    }

    private static void Scan(PlanDocument plan, RuleContext context, LeafBlock block, bool inCode)
    {
        var text = plan.Text;
        var start = Math.Max(0, block.Span.Start);
        var end = Math.Min(text.Length, block.Span.End + 1);

        // Code spans and autolinks (excluded outside code) are walked only once a block has a match.
        List<(int Start, int End)>? excluded = null;
        var excludedKnown = inCode;
        for (var open = PlaceholderScan.Next(text, start, start, end, out var close); open >= 0; open = PlaceholderScan.Next(text, close + 1, start, end, out close))
        {
            if (!excludedKnown)
            {
                excluded = ExcludedRanges(plan, block);
                excludedKnown = true;
            }

            var length = close - open + 1;
            if (IsExcluded(excluded, open))
            {
                continue;
            }

            var body = text.Substring(open + 1, length - 2);
            if (LooksLikeMarkup(body))
            {
                continue;
            }

            if (IsOneWord(body) && !SkeletonPlaceholders.Contains(Folded(body)) &&
                (inCode || IsCommandArgument(plan, block, open, length)))
            {
                continue;
            }

            context.Report(plan.Lines.Span(open, open + length),
                $"replace '{text.Substring(open, length)}' with the real value.");
        }
    }

    /// <summary>A one-word body: no white space and no comma (<c>update_id</c>, <c>path-to-view</c>).</summary>
    private static bool IsOneWord(string body)
    {
        foreach (var c in body)
        {
            if (char.IsWhiteSpace(c) || c == ',')
            {
                return false;
            }
        }

        return true;
    }

    private static string Folded(string body) => string.Join(" ", body.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>Whether a one-word placeholder is written as part of a command (see the remarks).</summary>
    private static bool IsCommandArgument(PlanDocument plan, Block block, int index, int length)
    {
        var text = plan.Text;

        // Glued into a path, URL or assignment: runs/<name>/x, rev=<SHA>, host:<port>, <stem>.mkv.
        var before = index > 0 ? text[index - 1] : ' ';
        var after = index + length < text.Length ? text[index + length] : ' ';
        if (before is '/' or '=' or ':' or '.' or '-' || after is '/' or '.' or '=' || (after == ':' && index + length + 1 < text.Length && !char.IsWhiteSpace(text[index + length + 1])))
        {
            return true;
        }

        var line = plan.Lines.LineIndexOf(index);
        var lineStart = plan.Lines.LineStart(line);
        var lineText = CommandLines.LineText(plan, line);
        if (block is ParagraphBlock paragraph && CommandLines.IsIndentedAsBlock(plan, paragraph, line))
        {
            return true; // A transcript or command the author indented as a block.
        }

        // The line's own text starts after a list marker on the paragraph's first line.
        var contentStart = plan.Lines.LineIndexOf(Math.Max(0, block.Span.Start)) == line ? Math.Max(0, block.Span.Start) - lineStart : 0;
        if (contentStart >= 0 && contentStart <= lineText.Length && CommandLines.StartsWithCommand(lineText.Substring(contentStart)))
        {
            return true;
        }

        return FollowsProgramName(lineText, index - lineStart);
    }

    /// <summary>Whether, going back at most five words on the line, a program name or "usage"
    /// comes before the placeholder with only arguments and flags between (<c>run git checkout
    /// &lt;branch&gt;</c>, <c>Usage: execplan check &lt;file&gt;</c>). Sentence punctuation or a table
    /// bar stops the search.</summary>
    private static bool FollowsProgramName(string line, int column)
    {
        var end = Math.Min(column, line.Length);
        for (var words = 0; words < 5; words++)
        {
            while (end > 0 && char.IsWhiteSpace(line[end - 1]))
            {
                end--;
            }

            var start = end;
            while (start > 0 && !char.IsWhiteSpace(line[start - 1]))
            {
                start--;
            }

            if (start == end)
            {
                return false;
            }

            var word = line.Substring(start, end - start).TrimStart('(', '"', '\'', '`', '*', '_');
            if (word.Equals("usage:", StringComparison.OrdinalIgnoreCase) || word.Equals("usage", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (word.Length == 0 || word[word.Length - 1] is '.' or ';' or ':' or '|' or '!' or '?' || word == "|")
            {
                return false;
            }

            if (CommandLines.StartsWithCommand(word.TrimEnd('`', '*', '_')))
            {
                return true;
            }

            end = start;
        }

        return false;
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
