namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Fixes;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP050: a file that is only the plan is not wrapped in an outer ``` fence. The plan
/// inside is still parsed and checked, so one fix does not reveal a wall of new findings.
/// Fix: both fence lines deleted.</summary>
public sealed class EXP050OuterFence : PlanRule, IFixableRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP050;

    /// <summary>First: the fence decides where the plan ends, so where missing sections go.</summary>
    public int FixOrder => 10;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        if (plan.OuterFence is { } fence)
        {
            context.Report(fence.Opening,
                $"remove it (this line and line {fence.Closing.StartLine}): a file that holds only the plan is written without it.",
                context.WantsFixes ? Fix(plan, fence) : null);
        }
    }

    private static PlanFix Fix(PlanDocument plan, OuterFence fence) => new("Remove the outer fence", [
        LineEdits.DeleteLine(plan, fence.Opening.StartLine - 1),
        LineEdits.DeleteLine(plan, fence.Closing.StartLine - 1)]);
}
