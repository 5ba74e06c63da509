namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP022: a Progress item's timestamp is a real date, and a time carries a zone
/// (Z, UTC/GMT, a numeric offset or a known abbreviation). Reported at the whole token.</summary>
public sealed class EXP022MalformedTimestamp : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP022;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        foreach (var item in plan.ProgressItems)
        {
            if (!item.HasCheckbox)
            {
                continue;
            }

            var token = Timestamps.FindFirst(item);
            if (token is { Problem: not null } bad)
            {
                var start = item.TextOffset + bad.Index;
                context.Report(plan.Lines.Span(start, start + bad.Length), $"'{bad.Text}' {bad.Problem}.");
            }
        }
    }
}
