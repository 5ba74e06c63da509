namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;

/// <summary>EXP003: a known section appears once at the plan's section level (at the repeat).</summary>
public sealed class EXP003DuplicateSection : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP003;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var first = new PlanSection?[SectionKinds.Count];
        var sections = plan.Sections;
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            if (!section.IsPrimary || section.Kind == SectionKind.Other)
            {
                continue;
            }

            if (first[(int)section.Kind] is { } original)
            {
                context.Report(section.Heading.TextSpan,
                    $"'{section.Heading.Text}' repeats the {SectionCatalog.DisplayName(section.Kind)} section first written on line {original.Heading.TextSpan.StartLine}; merge them into one section.");
            }
            else
            {
                first[(int)section.Kind] = section;
            }
        }
    }
}
