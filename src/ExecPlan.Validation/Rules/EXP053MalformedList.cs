namespace ExecPlan.Validation.Rules;

using System;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

/// <summary>
/// EXP053: list syntax is correct. Flags paragraph lines that start like a list item but lack the
/// space after the marker ('-item', '+item', '1.item', '1)item'; a marker followed by a letter,
/// so '-1', '1.5x' and '--flag' stay quiet), and a list whose bullet marker changes from one item
/// to the next (CommonMark then silently starts a new list).
/// </summary>
public sealed class EXP053MalformedList : PlanRule
{
    private static readonly Regex BrokenMarker = TextScan.Pattern(@"^(?<indent>[ \t]*)(?<marker>[-+](?=\p{L})|\d{1,3}[.)](?=\p{L}))", RegexOptions.Multiline);

    public override RuleDescriptor Descriptor => RuleCatalog.EXP053;

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
        if (!HasCandidateLine(plan.Text, paragraph))
        {
            return;
        }

        var source = plan.SourceOf(paragraph);
        for (var match = BrokenMarker.Match(source); match.Success; match = match.NextMatch())
        {
            var marker = match.Groups["marker"];
            var start = paragraph.Span.Start + marker.Index;
            context.Report(plan.Lines.Span(start, start + marker.Length + 1),
                $"This line looks like a list item but is not one; put a space after '{marker.Value}'.");
        }
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
        for (var i = 1; i < container.Count; i++)
        {
            if (container[i - 1] is ListBlock { IsOrdered: false } before && container[i] is ListBlock { IsOrdered: false } after &&
                before.BulletType != after.BulletType)
            {
                context.Report(plan.FirstLineSpanOf(after),
                    $"This list switches its bullet from '{before.BulletType}' to '{after.BulletType}'; use one marker throughout a list.");
            }
        }
    }
}
