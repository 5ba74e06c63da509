namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;

/// <summary>EXP005: a known section has content. Outcomes and Surprises may be empty until work
/// starts (Status DRAFT or APPROVED, or no valid Status); an empty Outcomes in a COMPLETE plan is
/// EXP014's finding, not this rule's.</summary>
public sealed class EXP005EmptySection : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP005;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var status = plan.Status?.Value;
        var notStarted = status is null or PlanStatusValue.Draft or PlanStatusValue.Approved;
        foreach (var section in plan.Sections)
        {
            if (section.IsEmpty && section.Kind == SectionKind.Other && context.Derived?.SectionOf(section.Heading) is { } custom)
            {
                context.Report(section.Heading.TextSpan,
                    $"fill in {custom.Name} ({context.Derived.Cite(custom.Line)}), or write 'None yet.' if there is nothing to record.");
                continue;
            }

            if (!section.IsEmpty || section.Kind is SectionKind.Other or SectionKind.RevisionNote or SectionKind.Status)
            {
                continue;
            }

            if (section.Kind is SectionKind.Outcomes or SectionKind.Surprises && notStarted)
            {
                continue;
            }

            if (section.Kind == SectionKind.Outcomes && status == PlanStatusValue.Complete)
            {
                continue;
            }

            context.Report(section.Heading.TextSpan,
                $"fill in {SectionCatalog.DisplayName(section.Kind)}, or write 'None yet.' if there is nothing to record.");
        }
    }
}
