namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;

/// <summary>EXP013: a COMPLETE plan has no unchecked Progress item (one finding per item).</summary>
public sealed class EXP013CompleteWithOpenItems : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP013;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        if (plan.Status?.Value != PlanStatusValue.Complete)
        {
            return;
        }

        foreach (var item in plan.ProgressItems)
        {
            if (item.HasCheckbox && !item.IsChecked)
            {
                context.Report(item.MarkerSpan,
                    "this item is unchecked; check it with a timestamp, split off what remains, or change the Status.");
            }
        }
    }
}
