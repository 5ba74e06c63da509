namespace ExecPlan.Validation.Rules;

using System;
using ExecPlan.Validation.Model;

/// <summary>EXP008: when the repository has a PLANS.md (root, .agent/ or .agents/), the plan names it.</summary>
public sealed class EXP008PlansFileReference : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP008;

    public override bool NeedsRepository => true;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var plansFile = context.Repository?.PlansFile;
        if (plansFile is null || plan.Text.IndexOf("PLANS.md", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return;
        }

        context.Report(plan.TitleSpan,
            $"this repository has '{plansFile}'; reference it near the top and state that the plan is maintained in accordance with it.");
    }
}
