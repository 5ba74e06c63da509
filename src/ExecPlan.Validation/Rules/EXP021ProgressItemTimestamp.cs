namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP021: every checked Progress item carries a timestamp (a date at least).</summary>
public sealed class EXP021ProgressItemTimestamp : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP021;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        foreach (var item in plan.ProgressItems)
        {
            if (item.IsChecked && Timestamps.FindFirst(item) is null)
            {
                context.Report(item.MarkerSpan,
                    "Add a timestamp to this completed item, e.g. '- [x] (2025-10-01 13:00Z) ...', so progress rates and tolerance breaches can be measured.");
            }
        }
    }
}
