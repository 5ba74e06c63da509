namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;

/// <summary>EXP014: a COMPLETE plan says what was achieved in Outcomes &amp; Retrospective.</summary>
public sealed class EXP014CompleteWithoutOutcomes : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP014;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var outcomes = plan.Section(SectionKind.Outcomes);
        if (plan.Status?.Value == PlanStatusValue.Complete && outcomes is { IsEmpty: true })
        {
            context.Report(outcomes.Heading.TextSpan,
                "Status is COMPLETE but Outcomes & Retrospective is empty; summarise what was achieved, the gaps, and the lessons learned.");
        }
    }
}
