namespace ExecPlan.Validation.Rules;

using System.Linq;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP012: a DRAFT plan records no completed implementation work (the approval gate).
/// Checked items about writing the plan, or research items that start with a reading verb
/// (Read, Reviewed, Inspected, ...), are not implementation.</summary>
public sealed class EXP012DraftWithCompletedWork : PlanRule
{
    // Writing the plan, or research that starts with a reading verb, is not implementation.
    private static readonly Regex PlanningWork = TextScan.Pattern(
        @"\b(?:exec\s*plan|(?:the|this|a)\s+plan|plan\s+draft|draft(?:ed|ing)?\s+(?:the|this|a)?\s*(?:exec\s*)?plan)\b|^[\s(\[\])\d:TZ/\-*_]*(?:read|reviewed|inspected|investigated|explored|surveyed|gathered|analy[sz]ed|researched|drafted|wrote\s+(?:the|this)\s+plan)\b");

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
