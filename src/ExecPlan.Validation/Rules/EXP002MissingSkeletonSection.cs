namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;

/// <summary>EXP002: the non-living sections of the skeleton are present (at the title).</summary>
public sealed class EXP002MissingSkeletonSection : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP002;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        if (context.Derived is { } derived)
        {
            // The PLANS.md skeleton's sections that are neither living nor declared required.
            foreach (var section in derived.Sections)
            {
                if (section.Required && !section.Mandatory && Profiles.DerivedProfile.Find(plan, section) is null)
                {
                    context.Report(plan.TitleSpan,
                        $"`{section.Name}` is part of the skeleton of {derived.Cite(section.Line)}; add a '## {section.Name}' section.");
                }
            }

            return;
        }

        foreach (var kind in SectionCatalog.SkeletonSections)
        {
            if (plan.Section(kind) is null)
            {
                context.Report(plan.TitleSpan, $"add a '## {SectionCatalog.DisplayName(kind)}' section from the ExecPlan skeleton.");
            }
        }
    }
}
