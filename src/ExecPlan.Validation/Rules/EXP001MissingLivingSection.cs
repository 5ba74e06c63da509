namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Settings;

/// <summary>EXP001: every mandatory living section of the profile is present (at the title).</summary>
public sealed class EXP001MissingLivingSection : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP001;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        if (context.Derived is { } derived)
        {
            // The repository's PLANS.md: every section of its skeleton not marked optional.
            foreach (var section in derived.Sections)
            {
                if (section.Mandatory && Profiles.DerivedProfile.Find(plan, section) is null)
                {
                    var living = section.LivingLine is { } line ? $" as a living section kept up to date as work proceeds ({derived.Cite(line)})" : string.Empty;
                    context.Report(plan.TitleSpan,
                        $"`{section.Name}` is required by {derived.Cite(section.Line)}{living}; add a '## {section.Name}' section.");
                }
            }

            return;
        }

        foreach (var kind in SectionCatalog.LivingSections(context.Profile))
        {
            if (plan.Section(kind) is null)
            {
                var name = SectionCatalog.DisplayName(kind);
                var why = context.Profile == PlanProfile.Classic ? "the classic form" : "the ExecPlan skill";
                context.Report(plan.TitleSpan, $"add a '## {name}' section and keep it up to date as work proceeds ({why} requires it).");
            }
        }
    }
}
