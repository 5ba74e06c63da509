namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP014: a COMPLETE plan says what was achieved in Outcomes &amp; Retrospective. A
/// section that holds only a placeholder ("Pending completion.", "TBD", "待定") counts as empty.</summary>
public sealed class EXP014CompleteWithoutOutcomes : PlanRule
{
    private const int QuoteLength = 40;

    public override RuleDescriptor Descriptor => RuleCatalog.EXP014;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var outcomes = plan.Section(SectionKind.Outcomes);
        if (plan.Status?.Value != PlanStatusValue.Complete || outcomes is null)
        {
            return;
        }

        if (outcomes.IsEmpty)
        {
            context.Report(outcomes.Heading.TextSpan,
                "Outcomes & Retrospective is empty; summarise what was achieved, the gaps, and the lessons learned.");
            return;
        }

        var placeholder = Stubs.Placeholder(plan, outcomes);
        if (placeholder is not null)
        {
            var quote = placeholder.Length > QuoteLength ? placeholder.Substring(0, QuoteLength).TrimEnd() + "…" : placeholder;
            context.Report(outcomes.Heading.TextSpan,
                $"Outcomes & Retrospective holds only a placeholder ('{quote}'); replace it with what was achieved, the gaps, and the lessons learned.");
        }
    }
}
