namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP033: each Decision Log entry gives a Rationale and a Date/Author (a combined
/// 'Date/Author:', separate 'Date:' / 'Author:' lines, or an entry that opens with an ISO date).</summary>
public sealed class EXP033IncompleteDecision : PlanRule
{
    private static readonly string[][] Requirements = [["Rationale"], ["Date/Author", "Date", "Author"]];

    public override RuleDescriptor Descriptor => RuleCatalog.EXP033;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var entries = plan.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!EntryChecks.ShouldCarryFields(entry, SectionKind.DecisionLog))
            {
                continue;
            }

            if (entry.IsUnlabelled)
            {
                context.Report(entry.FirstLineSpan,
                    $"{EntryChecks.Summary(entry, "Decision")} has no labelled fields; record it as 'Decision:', 'Rationale:' and 'Date/Author:' lines.");
                continue;
            }

            var missing = EntryChecks.Missing(entry, Requirements);

            // An opening date only matters when the date is missing.
            if (missing is not null && missing.Contains("Date/Author") && EntryChecks.StartsWithDate(entry))
            {
                missing.Remove("Date/Author");
            }

            if (missing is not null && missing.Count > 0)
            {
                context.Report(entry.FirstLineSpan,
                    $"{EntryChecks.Summary(entry, "Decision")} lacks {EntryChecks.JoinAnd(missing)}; record it as 'Decision:', 'Rationale:' and 'Date/Author:' lines.");
            }
        }
    }
}
