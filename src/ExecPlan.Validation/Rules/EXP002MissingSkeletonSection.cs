namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;

/// <summary>EXP002: the non-living sections of the skeleton are present (at the title).</summary>
public sealed class EXP002MissingSkeletonSection : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP002;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        if (context.Derived is not null)
        {
            // Under a PLANS.md-derived profile every skeleton section it requires is EXP001's.
            return;
        }

        foreach (var kind in SectionCatalog.SkeletonSections)
        {
            if (plan.Section(kind) is null)
            {
                context.Report(plan.TitleSpan, $"Add a '## {SectionCatalog.DisplayName(kind)}' section from the ExecPlan skeleton.");
            }
        }
    }
}
