namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;

/// <summary>EXP009: every ID named in an <c>execplan-disable</c> / <c>execplan-enable</c> comment is a
/// known rule, so a typo does not silently suppress nothing. Reported even when inline
/// suppressions are turned off, and never suppressed by a comment itself.</summary>
public sealed class EXP009UnknownSuppressedRule : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP009;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        foreach (var comment in plan.Suppressions)
        {
            foreach (var id in comment.Ids)
            {
                if (!RuleCatalog.TryGet(id.Id, out _))
                {
                    context.Report(id.Span, $"'{id.Id}' is not an ExecPlan rule ID; this comment suppresses nothing for it (see 'execplan rules').");
                }
            }
        }
    }
}
