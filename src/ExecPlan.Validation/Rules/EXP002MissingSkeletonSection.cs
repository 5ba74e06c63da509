namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Fixes;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP002: the non-living sections of the skeleton are present (at the title).
/// Fix: the missing section as an empty heading, in skeleton order (<see cref="SectionInsertion"/>).</summary>
public sealed class EXP002MissingSkeletonSection : PlanRule, IFixableRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP002;

    /// <summary>After EXP001: its sections are placed around the living sections already in.</summary>
    public int FixOrder => 51;

    /// <summary>The message of each section kind, written once (a race only writes the same text).</summary>
    private static readonly string?[] Messages = new string?[SectionKinds.Count];

    private static string Message(SectionKind kind) =>
        (uint)kind < (uint)Messages.Length ? Messages[(int)kind] ??= Write(kind) : Write(kind);

    private static string Write(SectionKind kind) => $"add a '## {SectionCatalog.DisplayName(kind)}' section from the ExecPlan skeleton.";

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        if (context.Derived is { } derived)
        {
            // The PLANS.md skeleton's sections that are neither living nor declared required.
            for (var i = 0; i < derived.Sections.Count; i++)
            {
                var section = derived.Sections[i];
                if (section.Required && !section.Mandatory && Profiles.DerivedProfile.Find(plan, section) is null)
                {
                    context.Report(plan.TitleSpan,
                        $"`{section.Name}` is part of the skeleton of {derived.Cite(section.Line)}; add a '## {section.Name}' section.",
                        context.WantsFixes ? SectionInsertion.ForDerived(plan, derived, i) : null);
                }
            }

            return;
        }

        var skeleton = SectionCatalog.SkeletonSections;
        for (var i = 0; i < skeleton.Count; i++)
        {
            var kind = skeleton[i];
            if (plan.Section(kind) is null)
            {
                context.Report(plan.TitleSpan, Message(kind),
                    context.WantsFixes ? SectionInsertion.ForKind(plan, kind) : null);
            }
        }
    }
}
