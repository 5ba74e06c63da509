namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Settings;

/// <summary>EXP010: the plan has a Status line (skill profile; optional in classic).</summary>
public sealed class EXP010MissingStatus : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP010;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        if (context.Profile == PlanProfile.Skill && plan.Status is null)
        {
            context.Report(plan.TitleSpan,
                "Add a 'Status: DRAFT' line under the title (one of DRAFT, APPROVED, IN PROGRESS, BLOCKED, COMPLETE) and update it as the plan moves on.");
        }
    }
}
