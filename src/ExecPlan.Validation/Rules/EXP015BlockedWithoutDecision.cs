namespace ExecPlan.Validation.Rules;

using System.Linq;
using ExecPlan.Validation.Model;

/// <summary>EXP015: a BLOCKED plan documents the escalation in the Decision Log.</summary>
public sealed class EXP015BlockedWithoutDecision : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP015;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        if (plan.Status is not { Value: PlanStatusValue.Blocked } status)
        {
            return;
        }

        var hasEntry = plan.Entries.Any(e => e.Section == SectionKind.DecisionLog && !e.IsNoneMarker);
        if (!hasEntry)
        {
            context.Report(status.ValueSpan,
                "record in the Decision Log what threshold was reached, the options, and their trade-offs.");
        }
    }
}
