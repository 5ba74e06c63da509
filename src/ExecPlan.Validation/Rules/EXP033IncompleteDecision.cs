namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP033: each Decision Log entry gives a Rationale and a Date/Author (a combined
/// 'Date/Author:', separate 'Date:' / 'Author:' lines, or an entry that opens with an ISO date).</summary>
public sealed class EXP033IncompleteDecision : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP033;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        foreach (var entry in EntryChecks.EntriesOf(plan, SectionKind.DecisionLog))
        {
            var summary = EntryChecks.Summary(entry, "Decision");
            if (entry.IsUnlabelled)
            {
                context.Report(entry.FirstLineSpan,
                    $"{summary} has no labelled fields; record it as 'Decision:', 'Rationale:' and 'Date/Author:' lines.");
                continue;
            }

            var missing = EntryChecks.Missing(entry, ["Rationale"], ["Date/Author", "Date", "Author"]);
            if (EntryChecks.StartsWithDate(entry))
            {
                missing.Remove("Date/Author");
            }

            if (missing.Count > 0)
            {
                context.Report(entry.FirstLineSpan,
                    $"{summary} lacks {EntryChecks.JoinAnd(missing)}; record it as 'Decision:', 'Rationale:' and 'Date/Author:' lines.");
            }
        }
    }
}
