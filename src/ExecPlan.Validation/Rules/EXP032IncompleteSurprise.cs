namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;
using ExecPlan.Validation.Settings;

/// <summary>EXP032: each Surprises &amp; Discoveries entry gives Evidence and Impact. The classic
/// form's template had only Observation and Evidence, so under the classic profile Impact is not
/// required. A discovery written as a bare bullet with no label is reported as such (in Latin
/// script only); prose paragraphs are not entries.</summary>
public sealed class EXP032IncompleteSurprise : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP032;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        // A PLANS.md-derived profile asks for what its own skeleton shows (the cookbook form:
        // Observation and Evidence), not the skill's Impact line.
        var classic = context.Profile == PlanProfile.Classic || context.Derived is not null;
        var form = classic ? "'Observation:' and 'Evidence:'" : "'Observation:', 'Evidence:' and 'Impact:'";
        foreach (var entry in EntryChecks.EntriesOf(plan, SectionKind.Surprises))
        {
            var summary = EntryChecks.Summary(entry, "Observation");
            if (entry.IsUnlabelled)
            {
                context.Report(entry.FirstLineSpan,
                    $"{summary} has no labelled fields; document it as {form} lines.");
                continue;
            }

            var missing = classic
                ? EntryChecks.Missing(entry, ["Evidence"])
                : EntryChecks.Missing(entry, ["Evidence"], ["Impact"]);
            if (missing.Count > 0)
            {
                context.Report(entry.FirstLineSpan,
                    $"{summary} lacks {EntryChecks.JoinAnd(missing)}; document it as {form} lines.");
            }
        }
    }
}
