namespace ExecPlan.Validation.Rules;

using System.Linq;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP012: a DRAFT plan records no completed implementation work (the approval gate).
/// Checked items about writing or researching the plan itself are not implementation.</summary>
public sealed class EXP012DraftWithCompletedWork : PlanRule
{
    private static readonly Regex PlanningWork = TextScan.Pattern(
        @"\b(?:exec\s*plan|plan|draft\w*|research\w*|investigat\w*|explor\w*|read|review\w*|inspect\w*|survey\w*|gather\w*|analy[sz]\w*)\b");

    public override RuleDescriptor Descriptor => RuleCatalog.EXP012;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        if (plan.Status?.Value != PlanStatusValue.Draft)
        {
            return;
        }

        var done = plan.ProgressItems.Where(i => i.IsChecked && !PlanningWork.IsMatch(i.Text)).ToList();
        if (done.Count == 0)
        {
            return;
        }

        var more = done.Count > 1 ? $" ({done.Count} items)" : string.Empty;
        context.Report(done[0].MarkerSpan,
            $"Status is DRAFT but Progress records completed work{more}; get approval and set Status to APPROVED or IN PROGRESS before implementing.");
    }
}
