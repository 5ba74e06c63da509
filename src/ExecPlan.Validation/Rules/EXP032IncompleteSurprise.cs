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
    private static readonly string[][] ClassicRequirements = [["Evidence"]];

    private static readonly string[][] SkillRequirements = [["Evidence"], ["Impact"]];

    public override RuleDescriptor Descriptor => RuleCatalog.EXP032;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        // A PLANS.md-derived profile asks for what its own skeleton shows (the cookbook form:
        // Observation and Evidence), not the skill's Impact line.
        var classic = context.Profile == PlanProfile.Classic || context.Derived is not null;
        var form = classic ? "'Observation:' and 'Evidence:'" : "'Observation:', 'Evidence:' and 'Impact:'";
        var entries = plan.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!EntryChecks.ShouldCarryFields(entry, SectionKind.Surprises))
            {
                continue;
            }

            if (entry.IsUnlabelled)
            {
                context.Report(entry.FirstLineSpan,
                    $"{EntryChecks.Summary(entry, "Observation")} has no labelled fields; document it as {form} lines.");
                continue;
            }

            var missing = EntryChecks.Missing(entry, classic ? ClassicRequirements : SkillRequirements);
            if (missing is not null)
            {
                context.Report(entry.FirstLineSpan,
                    $"{EntryChecks.Summary(entry, "Observation")} lacks {EntryChecks.JoinAnd(missing)}; document it as {form} lines.");
            }
        }
    }
}
