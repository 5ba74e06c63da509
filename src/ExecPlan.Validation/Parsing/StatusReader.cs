namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using System.Text;
using ExecPlan.Validation.Model;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

/// <summary>Finds the plan's Status line (EXP010, EXP011): under the title, then in a Status
/// heading or section, then in front matter.</summary>
internal static class StatusReader
{

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

        var valueStart = FindStatusValue(text, start, end, out var valueEnd);
        if (valueStart < 0)
        {
            return null;
        }

        var line = lines.LineIndexOf(valueStart);
        var lineStart = lines.LineStart(line);
        return Make(lines, lineStart, lines.LineText(line), valueStart - lineStart, valueEnd - lineStart);
    }

    /// <summary>
    /// The value of the first Status line in <c>text[start..end)</c>: a line (the range's start or
    /// after a '\n') of blanks, an optional list mark with blanks after it, at most two '*' or '_',
    /// "Status" in any case, at most two '*' or '_', blanks and a colon; the value runs from the
    /// colon to the line break. Returns the value's start (and end), or -1. The regex it replaced,
    /// <c>^[ \t]*(?:[-*+][ \t]+)?[*_]{0,2}Status[*_]{0,2}[ \t]*:(?&lt;value&gt;[^\r\n]*)</c> (multi-line,
    /// ignoring case), is the test's oracle; each of its quantifiers has one way to succeed, as the
    /// character after a run is never one the run could have given back.
    /// </summary>
    internal static int FindStatusValue(string text, int start, int end, out int valueEnd)
    {
        for (var lineStart = start; lineStart < end;)
        {
            var colon = StatusColonAt(text, lineStart, end);
            if (colon >= 0)
            {
                valueEnd = colon + 1;
                while (valueEnd < end && text[valueEnd] is not ('\r' or '\n'))
                {
                    valueEnd++;
                }

                return colon + 1;
            }

            var newline = text.IndexOf('\n', lineStart, end - lineStart);
            lineStart = newline < 0 ? end : newline + 1;
        }

        valueEnd = -1;
        return -1;
    }

    /// <summary>The colon of a Status label starting the line at <paramref name="at"/>, or -1.</summary>
    private static int StatusColonAt(string text, int at, int end)
    {
        at = SkipBlanks(text, at, end);

        // A list mark counts only with blanks after it ("- Status:"); "**Status**" is emphasis.
        if (at + 1 < end && text[at] is '-' or '*' or '+' && text[at + 1] is ' ' or '\t')
        {
            var afterMark = SkipBlanks(text, at + 1, end);
            var colon = LabelColonAt(text, afterMark, end);
            if (colon >= 0)
            {
                return colon;
            }
        }

        return LabelColonAt(text, at, end);
    }

    /// <summary><c>[*_]{0,2}Status[*_]{0,2}[ \t]*:</c> at <paramref name="at"/>: the colon's index, or -1.</summary>
    private static int LabelColonAt(string text, int at, int end)
    {
        // Ordinal ignore-case folds only the ASCII letters of "status", as the regex did.
        at = SkipEmphasis(text, at, end);
        if (at < 0 || at + 6 > end || string.Compare(text, at, "status", 0, 6, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return -1;
        }

        at = SkipEmphasis(text, at + 6, end);
        if (at < 0)
        {
            return -1;
        }

        at = SkipBlanks(text, at, end);
        return at < end && text[at] == ':' ? at : -1;
    }

    /// <summary>At most two '*' or '_': the position after them, or -1 when three or more follow.</summary>
    private static int SkipEmphasis(string text, int at, int end)
    {
        var run = 0;
        while (at + run < end && text[at + run] is '*' or '_')
        {
            run++;
        }

        return run <= 2 ? at + run : -1;
    }

    private static int SkipBlanks(string text, int at, int end)
    {
        while (at < end && text[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
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
