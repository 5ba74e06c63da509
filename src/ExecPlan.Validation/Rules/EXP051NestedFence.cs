namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;
using Markdig.Syntax;

/// <summary>EXP051: no triple-backtick fenced block inside the plan; the skill wants indented
/// blocks so the plan can itself be pasted inside one fence. Tilde fences do not break an outer
/// backtick fence and are left alone.</summary>
public sealed class EXP051NestedFence : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP051;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        foreach (var block in plan.AllBlocks)
        {
            if (block is FencedCodeBlock fenced && fenced.FencedChar == '`')
            {
                context.Report(plan.FirstLineSpanOf(fenced),
                    "replace this ``` block with an indented block (four spaces); fences must not be nested inside an ExecPlan.");
            }
        }
    }
}
