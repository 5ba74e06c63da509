namespace ExecPlan.Validation.Rules;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Fixes;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// EXP053: list syntax is correct. Flags paragraph lines that start like a list item but lack the
/// space after the marker ('-item', '+item', '1.item', '1)item'; a marker followed by a letter,
/// so '-1', '1.5x' and '--flag' stay quiet), and a list whose bullet marker changes from one item
/// to the next (CommonMark then silently starts a new list). A line inside a code span that wraps
/// across lines, and a '-x' that reads as a command-line flag wrapped onto its own line
/// ('-Werror', '-o out', '-orthohelp/...'), are not list items. Fix: a space after the marker;
/// the bullets of a list that switches marker become the first bullet of the run of lists (a list
/// that switches back to that bullet needs nothing once the one before it is repaired).
/// </summary>
public sealed class EXP053MalformedList : PlanRule, IFixableRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP053;

    /// <summary>After the fences (their content is not prose), before the blank lines after headings.</summary>
    public int FixOrder => 30;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        // The walk starts below the document, so its own top-level lists are checked here.
        CheckAdjacentLists(plan, context, plan.Syntax);
        // A pipe table needs a '|': without one no paragraph's parents need to be looked at.
        var mayHaveTables = plan.Text.IndexOf('|') >= 0;
        foreach (var block in plan.AllBlocks)
        {
            switch (block)
            {
                case ParagraphBlock paragraph when !mayHaveTables || !InTable(paragraph):
                    CheckParagraph(plan, context, paragraph);
                    break;
                case ContainerBlock container:
                    CheckAdjacentLists(plan, context, container);
                    break;
            }
        }
    }

    private static bool InTable(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is Table)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reports the broken list markers of a paragraph (outside tables): a line start (the
    /// paragraph's start or after a '\n'), spaces and tabs, then '-' or '+' or one to three digits
    /// and '.' or ')', followed by a letter. A scan of the line starts, not a regex: most
    /// paragraphs have no such line and cost one search for '\n' per line.
    /// </summary>
    private static void CheckParagraph(PlanDocument plan, RuleContext context, ParagraphBlock paragraph)
    {
        var text = plan.Text;
        var start = Math.Max(0, paragraph.Span.Start);
        var end = Math.Min(text.Length, paragraph.Span.End + 1);
        List<(int Start, int End)>? code = null;
        var codeIndex = 0;
        var ticks = 0;
        var counted = start;
        for (var lineStart = start; lineStart < end; lineStart = NextLineStart(text, lineStart, end))
        {
            var markerLength = MarkerLength(text, lineStart, end, out var markerStart);
            if (markerLength == 0)
            {
                continue;
            }

            code ??= CodeSpans(plan, paragraph);

            // Markers come in order, so the code spans and the backticks before the line are
            // walked once for the whole paragraph, not once per marker.
            while (codeIndex < code.Count && code[codeIndex].End < markerStart)
            {
                codeIndex++;
            }

            ticks += CountTicks(text, counted, lineStart);
            counted = lineStart;
            var inCode = codeIndex < code.Count && code[codeIndex].Start <= markerStart;

            // An odd number of backticks before the line leaves a code span open (even one
            // CommonMark never closes): the line continues code, not a list.
            if (inCode || ticks % 2 == 1)
            {
                continue;
            }

            if (text[markerStart] is '-' or '+' && LooksLikeFlag(text, start, end, markerStart, lineStart))
            {
                continue;
            }

            var marker = text.Substring(markerStart, markerLength);
            context.Report(plan.Lines.Span(markerStart, markerStart + marker.Length + 1),
                $"this line looks like a list item but is not one; put a space after '{marker}'.",
                context.WantsFixes ? new PlanFix("Put a space after '" + marker + "'", new TextEdit(markerStart + marker.Length, 0, " ")) : null);
        }
    }

    private static int NextLineStart(string text, int from, int end)
    {
        var newline = text.IndexOf('\n', from, end - from);
        return newline < 0 ? end : newline + 1;
    }

    /// <summary>The length of a broken marker at a line start ('-', '+', or 1-3 digits and '.' or
    /// ')', after spaces and tabs, followed by a letter), or 0.</summary>
    private static int MarkerLength(string text, int lineStart, int end, out int markerStart)
    {
        var i = lineStart;
        while (i < end && text[i] is ' ' or '\t')
        {
            i++;
        }

        markerStart = i;
        if (i >= end)
        {
            return 0;
        }

        var length = 0;
        if (text[i] is '-' or '+')
        {
            length = 1;
        }
        else
        {
            var digits = 0;
            while (i + digits < end && char.IsDigit(text[i + digits]))
            {
                digits++;
            }

            if (digits is >= 1 and <= 3 && i + digits < end && text[i + digits] is '.' or ')')
            {
                length = digits + 1;
            }
        }

        return length > 0 && i + length < end && char.IsLetter(text[i + length]) ? length : 0;
    }

    private static List<(int Start, int End)> CodeSpans(PlanDocument plan, ParagraphBlock paragraph)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var inline in SyntaxWalk.Inlines(plan, paragraph))
        {
            if (inline is CodeInline)
            {
                spans.Add((inline.Span.Start, inline.Span.End));
            }
        }

        return spans;
    }

    private static int CountTicks(string text, int from, int to)
    {
        var ticks = 0;
        for (var i = from; i < to; i++)
        {
            if (text[i] == '`')
            {
                ticks++;
            }
        }

        return ticks;
    }

    /// <summary>
    /// Whether a '-x' / '+x' at the start of a line reads as a command-line flag: a single letter
    /// ('-o out', '-v'), a token holding characters prose words do not ('-std=c++17',
    /// '-orthohelp/x', '-fno-rtti', '-O2', '-Werror`'), another flag after it on the line
    /// ('-Wall -Werror'), or a previous line that ends with a flag ('gcc -Wall' / '-Werror').
    /// <paramref name="from"/> and <paramref name="to"/> bound the paragraph's source.
    /// </summary>
    private static bool LooksLikeFlag(string text, int from, int to, int markerIndex, int lineStart)
    {
        var tokenEnd = markerIndex + 1;
        while (tokenEnd < to && !char.IsWhiteSpace(text[tokenEnd]))
        {
            tokenEnd++;
        }

        var tokenLength = tokenEnd - markerIndex;
        if (tokenLength == 2)
        {
            return true;
        }

        for (var i = 1; i < tokenLength; i++)
        {
            // Letters and any non-ASCII character (CJK punctuation) are prose; so is sentence
            // punctuation ending the word ('-item.', '-note:'). Anything else ASCII ('=', '/', '.',
            // '_', '-', '`', ':', digits) inside the word is flag syntax.
            var c = text[markerIndex + i];
            var endsWord = i == tokenLength - 1 && char.IsPunctuation(c) && c is not ('-' or '_' or '/' or '\'' or '"');
            if (!char.IsLetter(c) && c <= '\u007F' && !endsWord)
            {
                return true;
            }
        }

        // The next word on the line is a flag too.
        var next = tokenEnd;
        while (next < to && text[next] is ' ' or '\t')
        {
            next++;
        }

        if (next + 1 < to && text[next] == '-' && !char.IsWhiteSpace(text[next + 1]))
        {
            return true;
        }

        // The previous line ends with a flag.
        var end = lineStart;
        while (end > from && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var wordStart = end;
        while (wordStart > from && !char.IsWhiteSpace(text[wordStart - 1]))
        {
            wordStart--;
        }

        return end - wordStart >= 2 && text[wordStart] == '-' && text[wordStart + 1] != ' ';
    }

    private static void CheckAdjacentLists(PlanDocument plan, RuleContext context, ContainerBlock container)
    {
        // The run of adjacent bullet lists starts with the bullet every later list takes.
        var runBullet = container.Count > 0 && container[0] is ListBlock { IsOrdered: false } first ? first.BulletType : '\0';
        for (var i = 1; i < container.Count; i++)
        {
            if (container[i] is not ListBlock { IsOrdered: false } after)
            {
                runBullet = '\0';
                continue;
            }

            if (container[i - 1] is not ListBlock { IsOrdered: false } before)
            {
                runBullet = after.BulletType;
                continue;
            }

            if (before.BulletType != after.BulletType)
            {
                context.Report(plan.FirstLineSpanOf(after),
                    $"this list switches its bullet from '{before.BulletType}' to '{after.BulletType}'; use one marker throughout a list.",
                    context.WantsFixes && after.BulletType != runBullet ? BulletFix(plan, after, runBullet) : null);
            }
        }
    }

    private static PlanFix? BulletFix(PlanDocument plan, ListBlock list, char bullet)
    {
        var edits = new List<TextEdit>();
        foreach (var child in list)
        {
            if (child is ListItemBlock { Count: > 0 } item && item.Span.Start < plan.Text.Length && plan.Text[item.Span.Start] == list.BulletType)
            {
                edits.Add(new TextEdit(item.Span.Start, 1, bullet.ToString()));
            }
        }

        return edits.Count == 0 ? null : new PlanFix("Use the '" + bullet + "' bullet throughout the list", edits);
    }
}
