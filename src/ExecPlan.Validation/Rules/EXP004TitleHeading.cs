namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

/// <summary>EXP004: the document starts with one level-1 title and has no other level-1 heading.</summary>
public sealed class EXP004TitleHeading : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP004;

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
            context.Report(span, "Start the plan with a level-1 title, e.g. '# Add tenant headers to the Orders API'.");
            return;
        }

        if (!ReferenceEquals(firstContent, plan.Title.Block))
        {
            context.Report(plan.FirstLineSpanOf(firstContent!),
                $"The plan must start with its level-1 title; move this content below '# {plan.Title.Text}' (line {plan.Title.TextSpan.StartLine}).");
        }

        foreach (var heading in plan.Headings)
        {
            if (heading.Level == 1 && !ReferenceEquals(heading, plan.Title))
            {
                context.Report(heading.TextSpan, $"Only one level-1 title is allowed; make '{heading.Text}' a '##' section.");
            }
        }
    }
}
