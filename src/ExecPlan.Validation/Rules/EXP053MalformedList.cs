namespace ExecPlan.Validation.Rules;

using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
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
    private static readonly Regex BrokenMarker = TextScan.Pattern(@"^(?<indent>[ \t]*)(?<marker>[-+](?=\p{L})|\d{1,3}[.)](?=\p{L}))", RegexOptions.Multiline);

    public override RuleDescriptor Descriptor => RuleCatalog.EXP053;

    /// <summary>After the fences (their content is not prose), before the blank lines after headings.</summary>
    public int FixOrder => 30;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        // The walk starts below the document, so its own top-level lists are checked here.
        CheckAdjacentLists(plan, context, plan.Syntax);
        foreach (var block in plan.AllBlocks)
        {
            switch (block)
            {
                case ParagraphBlock paragraph when !InTable(paragraph):
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

    private static void CheckParagraph(PlanDocument plan, RuleContext context, ParagraphBlock paragraph)
    {
        foreach (var (start, marker) in BrokenMarkers(plan, paragraph))
        {
            context.Report(plan.Lines.Span(start, start + marker.Length + 1),
                $"this line looks like a list item but is not one; put a space after '{marker}'.",
                context.WantsFixes ? new PlanFix("Put a space after '" + marker + "'", new TextEdit(start + marker.Length, 0, " ")) : null);
        }
    }

    /// <summary>
    /// The broken list markers of a paragraph (outside tables): their offsets in
    /// <see cref="PlanDocument.Text"/> and their text.
    /// </summary>
    private static IEnumerable<(int Start, string Marker)> BrokenMarkers(PlanDocument plan, ParagraphBlock paragraph)
    {
        if (InTable(paragraph) || !HasCandidateLine(plan.Text, paragraph))
        {
            yield break;
        }

        var source = plan.SourceOf(paragraph);
        List<(int Start, int End)>? code = null;
        var codeIndex = 0;
        var ticks = 0;
        var counted = 0;
        for (var match = BrokenMarker.Match(source); match.Success; match = match.NextMatch())
        {
            var marker = match.Groups["marker"];
            var start = paragraph.Span.Start + marker.Index;
            code ??= CodeSpans(paragraph);

            // Matches come in order, so the code spans and the backticks before the line are
            // walked once for the whole paragraph, not once per match.
            while (codeIndex < code.Count && code[codeIndex].End < start)
            {
                codeIndex++;
            }

            ticks += CountTicks(source, counted, match.Index);
            counted = match.Index;
            var inCode = codeIndex < code.Count && code[codeIndex].Start <= start;

            // An odd number of backticks before the line leaves a code span open (even one
            // CommonMark never closes): the line continues code, not a list.
            if (inCode || ticks % 2 == 1)
            {
                continue;
            }

            if (marker.Value[0] is '-' or '+' && LooksLikeFlag(source, marker.Index, match.Index))
            {
                continue;
            }

            yield return (start, marker.Value);
        }
    }

    private static List<(int Start, int End)> CodeSpans(ParagraphBlock paragraph)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var inline in SyntaxWalk.Inlines(paragraph))
        {
            if (inline is CodeInline)
            {
                spans.Add((inline.Span.Start, inline.Span.End));
            }
        }

        return spans;
    }

    private static int CountTicks(string source, int from, int to)
    {
        var ticks = 0;
        for (var i = from; i < to; i++)
        {
            if (source[i] == '`')
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
    /// </summary>
    private static bool LooksLikeFlag(string source, int markerIndex, int lineStart)
    {
        var tokenEnd = markerIndex + 1;
        while (tokenEnd < source.Length && !char.IsWhiteSpace(source[tokenEnd]))
        {
            tokenEnd++;
        }

        var token = source.Substring(markerIndex, tokenEnd - markerIndex);
        if (token.Length == 2)
        {
            return true;
        }

        for (var i = 1; i < token.Length; i++)
        {
            // Letters and any non-ASCII character (CJK punctuation) are prose; so is sentence
            // punctuation ending the word ('-item.', '-note:'). Anything else ASCII ('=', '/', '.',
            // '_', '-', '`', ':', digits) inside the word is flag syntax.
            var c = token[i];
            var endsWord = i == token.Length - 1 && char.IsPunctuation(c) && c is not ('-' or '_' or '/' or '\'' or '"');
            if (!char.IsLetter(c) && c <= '\u007F' && !endsWord)
            {
                return true;
            }
        }

        // The next word on the line is a flag too.
        var next = tokenEnd;
        while (next < source.Length && source[next] is ' ' or '\t')
        {
            next++;
        }

        if (next + 1 < source.Length && source[next] == '-' && !char.IsWhiteSpace(source[next + 1]))
        {
            return true;
        }

        // The previous line ends with a flag.
        var end = lineStart;
        while (end > 0 && char.IsWhiteSpace(source[end - 1]))
        {
            end--;
        }

        var wordStart = end;
        while (wordStart > 0 && !char.IsWhiteSpace(source[wordStart - 1]))
        {
            wordStart--;
        }

        return end - wordStart >= 2 && source[wordStart] == '-' && source[wordStart + 1] != ' ';
    }

    /// <summary>Whether some line of the paragraph starts (after spaces and tabs) with '-', '+' or a
    /// digit: the regex can match nowhere else, so most paragraphs skip it and their substring.</summary>
    private static bool HasCandidateLine(string text, ParagraphBlock paragraph)
    {
        var start = Math.Max(0, paragraph.Span.Start);
        var end = Math.Min(text.Length, paragraph.Span.End + 1);
        var atLineStart = true;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '\n' || c == '\r')
            {
                atLineStart = true;
            }
            else if (atLineStart && c is not (' ' or '\t'))
            {
                if (c is '-' or '+' || char.IsDigit(c))
                {
                    return true;
                }

                atLineStart = false;
            }
        }

        return false;
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
