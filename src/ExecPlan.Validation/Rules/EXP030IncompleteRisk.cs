namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP030: each Risks entry notes Severity, Likelihood and Mitigation (Probability and
/// Contingency are accepted as the skill's "mitigation or contingency").</summary>
public sealed class EXP030IncompleteRisk : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP030;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        foreach (var entry in EntryChecks.EntriesOf(plan, SectionKind.Risks))
        {
            var missing = EntryChecks.Missing(entry, ["Severity"], ["Likelihood", "Probability"], ["Mitigation", "Contingency"]);
            if (missing.Count > 0)
            {
                context.Report(entry.FirstLineSpan,
                    $"This risk lacks {EntryChecks.JoinAnd(missing)}; give each risk 'Severity:', 'Likelihood:' and 'Mitigation:' lines.");
            }
        }
    }
}
