namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Rules.Support;
using Markdig.Syntax;

/// <summary>EXP052: every heading (top-level or nested) is followed by a blank line or the end of the file.</summary>
public sealed class EXP052BlankLineAfterHeading : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP052;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        foreach (var block in SyntaxWalk.Blocks(plan.Syntax))
        {
            if (block is not HeadingBlock heading)
            {
                continue;
            }

            var next = plan.Lines.LineIndexOf(heading.Span.End) + 1;
            if (next < plan.Lines.LineCount && !PlanParser.IsBlank(PlanParser.LineText(plan.Text, plan.Lines, next)))
            {
                context.Report(plan.FirstLineSpanOf(heading), "Add a blank line after this heading.");
            }
        }
    }
}
