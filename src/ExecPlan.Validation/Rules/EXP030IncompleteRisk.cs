namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP030: each Risks entry notes Severity, Likelihood and Mitigation. Probability is
/// accepted for Likelihood, Impact for Severity (the usual risk-matrix word) and Contingency or
/// Fallback for Mitigation (the skill's "mitigation or contingency").</summary>
public sealed class EXP030IncompleteRisk : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP030;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        foreach (var entry in EntryChecks.EntriesOf(plan, SectionKind.Risks))
        {
            var summary = EntryChecks.Summary(entry, "Risk");
            if (entry.IsUnlabelled)
            {
                context.Report(entry.FirstLineSpan,
                    $"{summary} has no labelled fields; give it 'Severity:', 'Likelihood:' and 'Mitigation:' lines.");
                continue;
            }

            var missing = EntryChecks.Missing(entry, ["Severity", "Impact"], ["Likelihood", "Probability"], ["Mitigation", "Contingency"]);
            if (missing.Count > 0)
            {
                context.Report(entry.FirstLineSpan,
                    $"{summary} lacks {EntryChecks.JoinAnd(missing)}; give each risk 'Severity:', 'Likelihood:' and 'Mitigation:' lines.");
            }
        }
    }
}
