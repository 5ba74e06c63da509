namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

/// <summary>Finds the plan's Status line (EXP010, EXP011): under the title, then in a Status
/// heading or section, then in front matter.</summary>
internal static class StatusReader
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    private static readonly Regex StatusLine = new(
        @"^[ \t]*(?:[-*+][ \t]+)?[*_]{0,2}Status[*_]{0,2}[ \t]*:(?<value>[^\r\n]*)",
        RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant, RegexTimeout);

    public static PlanStatus? Find(LineMap lines, IReadOnlyList<Block> topBlocks, IReadOnlyList<Block> preamble, IReadOnlyList<PlanSection> sections)
    {
        // The skill's Status line under the title first, then a Status heading or section, and
        // only then front matter (status: active), which is the repository's metadata.
        foreach (var block in preamble)
        {
            if (block is ParagraphBlock or ListBlock or QuoteBlock)
            {
                var found = MatchIn(block, lines);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        foreach (var section in sections)
        {
            var heading = section.Heading;
            if (heading.Text.TrimStart('*', '_').StartsWith("Status", StringComparison.OrdinalIgnoreCase) && heading.Text.IndexOf(':') >= 0)
            {
                var found = MatchIn(heading.Block, lines);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        PlanSection? statusSection = null;
        foreach (var section in sections)
        {
            if (section.Kind == SectionKind.Status)
            {
                statusSection = section;
                break;
            }
        }

        ParagraphBlock? firstParagraph = null;
        if (statusSection is not null)
        {
            foreach (var block in statusSection.Blocks)
            {
                if (block is ParagraphBlock paragraph)
                {
                    firstParagraph = paragraph;
                    break;
                }
            }
        }

        if (firstParagraph is not null)
        {
            var line = lines.LineIndexOf(firstParagraph.Span.Start);
            var lineText = lines.LineText(line);
            return Make(lines, lines.LineStart(line), lineText, 0, lineText.Length);
        }

        foreach (var block in topBlocks)
        {
            if (block is YamlFrontMatterBlock)
            {
                var found = MatchIn(block, lines);
                if (found is not null)
                {
                    return found.AsFrontMatter();
                }
            }
        }

        return null;
    }

    /// <summary>Recognises one allowed Status value, forgiving case, a trailing period and
    /// '-'/'_' in IN PROGRESS; anything else is invalid (EXP011).</summary>
    public static PlanStatusValue? ParseValue(string raw)
    {
        // Upper case, '-' and '_' as spaces, each run of white space one space, trimmed.
        var builder = new StringBuilder(raw.Length);
        var pendingSpace = false;
        foreach (var c in raw.Trim().TrimEnd('.'))
        {
            if (c is '-' or '_' || char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && builder.Length > 0)
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(char.ToUpperInvariant(c));
        }

        var folded = builder.ToString();
        return folded switch
        {
            "DRAFT" => PlanStatusValue.Draft,
            "APPROVED" => PlanStatusValue.Approved,
            "IN PROGRESS" => PlanStatusValue.InProgress,
            "BLOCKED" => PlanStatusValue.Blocked,
            "COMPLETE" => PlanStatusValue.Complete,
            _ => null,
        };
    }

    private static PlanStatus? MatchIn(Block block, LineMap lines)
    {
        var text = lines.Text;
        var start = Math.Max(0, block.Span.Start);
        var end = Math.Min(text.Length, block.Span.End + 1);

        // The regex needs the word (its letters fold only to their ASCII cases).
        if (end <= start || text.IndexOf("status", start, end - start, StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }

        var match = StatusLine.Match(text, start, end - start);
        if (!match.Success)
        {
            return null;
        }

        var value = match.Groups["value"];
        var line = lines.LineIndexOf(match.Index);
        var lineStart = lines.LineStart(line);
        return Make(lines, lineStart, lines.LineText(line), value.Index - lineStart, value.Index - lineStart + value.Length);
    }

    private static PlanStatus Make(LineMap lines, int lineStart, string lineText, int valueStart, int valueEnd)
    {
        // Strip emphasis and code markers around the value: **DRAFT**, `DRAFT`, _DRAFT_.
        while (valueStart < valueEnd && (char.IsWhiteSpace(lineText[valueStart]) || lineText[valueStart] is '*' or '_' or '`'))
        {
            valueStart++;
        }

        while (valueEnd > valueStart && (char.IsWhiteSpace(lineText[valueEnd - 1]) || lineText[valueEnd - 1] is '*' or '_' or '`'))
        {
            valueEnd--;
        }

        var raw = lineText.Substring(valueStart, valueEnd - valueStart);
        var valueSpan = valueEnd > valueStart
            ? lines.Span(lineStart + valueStart, lineStart + valueEnd)
            : lines.Span(lineStart, lineStart + lineText.TrimEnd().Length);
        var lineSpan = lines.Span(lineStart, lineStart + lineText.TrimEnd().Length);
        return new PlanStatus(raw, valueSpan, lineSpan, ParseValue(raw));
    }
}
