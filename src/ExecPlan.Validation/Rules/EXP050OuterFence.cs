namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;

/// <summary>EXP050: a file that is only the plan is not wrapped in an outer ``` fence. The plan
/// inside is still parsed and checked, so one fix does not reveal a wall of new findings.</summary>
public sealed class EXP050OuterFence : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP050;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        if (plan.OuterFence is { } fence)
        {
            context.Report(fence.Opening,
                $"remove it (this line and line {fence.Closing.StartLine}): a file that holds only the plan is written without it.");
        }
    }
}
