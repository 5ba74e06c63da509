namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP033: each Decision Log entry gives a Rationale and a Date/Author (either a
/// combined 'Date/Author:' or separate 'Date:' / 'Author:' lines).</summary>
public sealed class EXP033IncompleteDecision : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP033;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        foreach (var entry in EntryChecks.EntriesOf(plan, SectionKind.DecisionLog))
        {
            var missing = EntryChecks.Missing(entry, ["Rationale"], ["Date/Author", "Date", "Author"]);
            if (missing.Count > 0)
            {
                context.Report(entry.FirstLineSpan,
                    $"This decision lacks {EntryChecks.JoinAnd(missing)}; record it as 'Decision:', 'Rationale:' and 'Date/Author:' lines.");
            }
        }
    }
}
