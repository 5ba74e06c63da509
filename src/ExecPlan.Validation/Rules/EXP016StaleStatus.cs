namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP016: the Status follows the plan's state. A DRAFT, APPROVED or IN PROGRESS plan
/// whose Progress items are all checked and whose Outcomes &amp; Retrospective is written (not a
/// placeholder, see <see cref="Stubs"/>) looks finished: its Status was not updated.</summary>
public sealed class EXP016StaleStatus : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP016;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        if (plan.Status is not { Value: PlanStatusValue.Draft or PlanStatusValue.Approved or PlanStatusValue.InProgress } status)
        {
            return;
        }

        // Counted in one loop (no closures to JIT on a first call); any open box ends the check.
        var boxes = 0;
        foreach (var item in plan.ProgressItems)
        {
            if (!item.HasCheckbox)
            {
                continue;
            }

            if (!item.IsChecked)
            {
                return;
            }

            boxes++;
        }

        if (boxes == 0 || !Stubs.OutcomesWritten(plan))
        {
            return;
        }

        var items = boxes switch
        {
            1 => "its only Progress item is checked",
            2 => "both Progress items are checked",
            _ => $"all {boxes} Progress items are checked",
        };
        context.Report(status.ValueSpan,
            $"Status is {Display(status.Value.Value)} but {items} and Outcomes & Retrospective is written; set Status to COMPLETE if the work is finished, or add what remains to Progress as unchecked items.");
    }

    private static string Display(PlanStatusValue value) => value switch
    {
        PlanStatusValue.Draft => "DRAFT",
        PlanStatusValue.Approved => "APPROVED",
        _ => "IN PROGRESS",
    };
}
