namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP021: every checked Progress item carries a timestamp (a date at least). A nested
/// item whose checked parent (or any checked ancestor) carries one is covered by it: the
/// ancestor's timestamp already measures that step's progress.</summary>
public sealed class EXP021ProgressItemTimestamp : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP021;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        foreach (var item in plan.ProgressItems)
        {
            if (item.IsChecked && Timestamps.FindFirst(item) is null && !HasTimestampedCheckedAncestor(item))
            {
                context.Report(item.MarkerSpan, item.Depth == 0
                    ? "add one, e.g. '- [x] (2025-10-01 13:00Z) ...', so progress rates and tolerance breaches can be measured."
                    : "add one to this sub-item or to the checked item it is nested in, e.g. '- [x] (2025-10-01 13:00Z) ...', so progress rates and tolerance breaches can be measured.");
            }
        }
    }

    private static bool HasTimestampedCheckedAncestor(ChecklistItem item)
    {
        for (var parent = item.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.IsChecked && Timestamps.FindFirst(parent) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
