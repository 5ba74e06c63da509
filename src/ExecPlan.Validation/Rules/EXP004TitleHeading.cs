namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

/// <summary>EXP004: the document starts with one level-1 title and has no other level-1 heading.</summary>
public sealed class EXP004TitleHeading : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP004;

    private static int IndexOf(System.Collections.Generic.IReadOnlyList<PlanHeading> headings, PlanHeading title)
    {
        for (var i = 0; i < headings.Count; i++)
        {
            if (ReferenceEquals(headings[i], title))
            {
                return i;
            }
        }

        return -1;
    }

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        Block? firstContent = null;
        foreach (var block in plan.Syntax)
        {
            // Front matter, comments and link definitions may precede the title.
            if (block is YamlFrontMatterBlock or LinkReferenceDefinitionGroup || (block is HtmlBlock html && html.Type == HtmlBlockType.Comment))
            {
                continue;
            }

            firstContent = block;
            break;
        }

        if (plan.Title is null)
        {
            var span = firstContent is null ? Diagnostics.SourceSpan.FileStart : plan.FirstLineSpanOf(firstContent);
            context.Report(span, "start the plan with a '#' title line, e.g. '# Add tenant headers to the Orders API'.");
            return;
        }

        if (!ReferenceEquals(firstContent, plan.Title.Block))
        {
            context.Report(plan.FirstLineSpanOf(firstContent!),
                $"move this content below '# {plan.Title.Text}' (line {plan.Title.TextSpan.StartLine}).");
        }

        // A title written over several '#' lines in a row is one title too long, not several
        // titles: reported once, on its second line.
        var continuation = 0;
        var titleAt = IndexOf(plan.Headings, plan.Title);
        while (titleAt + continuation + 1 < plan.Headings.Count)
        {
            var next = plan.Headings[titleAt + continuation + 1];
            var previous = plan.Headings[titleAt + continuation];
            if (next.Level != 1 || next.Block.IsSetext || next.TextSpan.StartLine != previous.TextSpan.StartLine + 1)
            {
                break;
            }

            continuation++;
        }

        if (continuation > 0)
        {
            var second = plan.Headings[titleAt + 1];
            context.Report(second.TextSpan,
                $"the title goes on over {continuation + 1} '#' lines; keep one '#' title line and move the rest into the paragraph below it.");
        }

        for (var h = 0; h < plan.Headings.Count; h++)
        {
            var heading = plan.Headings[h];
            if (heading.Level == 1 && !ReferenceEquals(heading, plan.Title) && (h <= titleAt || h > titleAt + continuation))
            {
                context.Report(heading.TextSpan, $"make '{heading.Text}' a '##' section.");
            }
        }
    }
}
