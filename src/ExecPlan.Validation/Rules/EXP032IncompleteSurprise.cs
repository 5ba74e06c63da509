namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;
using ExecPlan.Validation.Settings;

/// <summary>EXP032: each Surprises &amp; Discoveries entry gives Evidence and Impact. The classic
/// form's template had only Observation and Evidence, so under the classic profile Impact is not
/// required.</summary>
public sealed class EXP032IncompleteSurprise : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP032;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        foreach (var entry in EntryChecks.EntriesOf(plan, SectionKind.Surprises))
        {
            var missing = context.Profile == PlanProfile.Classic
                ? EntryChecks.Missing(entry, ["Evidence"])
                : EntryChecks.Missing(entry, ["Evidence"], ["Impact"]);
            if (missing.Count > 0)
            {
                context.Report(entry.FirstLineSpan,
                    $"This discovery lacks {EntryChecks.JoinAnd(missing)}; document it as 'Observation:', 'Evidence:' and 'Impact:' lines.");
            }
        }
    }
}
