namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP030: each Risks entry notes Severity, Likelihood and Mitigation. Probability is
/// accepted for Likelihood, Impact for Severity (the usual risk-matrix word) and Contingency or
/// Fallback for Mitigation (the skill's "mitigation or contingency").</summary>
public sealed class EXP030IncompleteRisk : PlanRule
{
    private static readonly string[][] Requirements = [["Severity", "Impact"], ["Likelihood", "Probability"], ["Mitigation", "Contingency"]];

    public override RuleDescriptor Descriptor => RuleCatalog.EXP030;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var entries = plan.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!EntryChecks.ShouldCarryFields(entry, SectionKind.Risks))
            {
                continue;
            }

            if (entry.IsUnlabelled)
            {
                context.Report(entry.FirstLineSpan,
                    $"{EntryChecks.Summary(entry, "Risk")} has no labelled fields; give it 'Severity:', 'Likelihood:' and 'Mitigation:' lines.");
                continue;
            }

            var missing = EntryChecks.Missing(entry, Requirements);
            if (missing is not null)
            {
                context.Report(entry.FirstLineSpan,
                    $"{EntryChecks.Summary(entry, "Risk")} lacks {EntryChecks.JoinAnd(missing)}; give each risk 'Severity:', 'Likelihood:' and 'Mitigation:' lines.");
            }
        }
    }
}
