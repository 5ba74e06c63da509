namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Fixes;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Rules.Support;
using ExecPlan.Validation.Settings;

/// <summary>EXP001: every mandatory living section of the profile is present (at the title).
/// Fix: the missing section as an empty heading, in skeleton order (<see cref="SectionInsertion"/>).</summary>
public sealed class EXP001MissingLivingSection : PlanRule, IFixableRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP001;

    /// <summary>After the layout repairs, before EXP002 (its sections then go around these).</summary>
    public int FixOrder => 50;

    /// <summary>The message of each section kind and profile, written once: most plans miss the
    /// same few sections, so no finding builds its text again (a race only writes the same text).</summary>
    private static readonly string?[] Messages = new string?[SectionKinds.Count * 2];

    private static string Message(SectionKind kind, bool classic)
    {
        var index = ((int)kind * 2) + (classic ? 1 : 0);
        if ((uint)index >= (uint)Messages.Length)
        {
            return Write(kind, classic);
        }

        return Messages[index] ??= Write(kind, classic);
    }

    private static string Write(SectionKind kind, bool classic) =>
        $"add a '## {SectionCatalog.DisplayName(kind)}' section and keep it up to date as work proceeds ({(classic ? "the classic form" : "the ExecPlan skill")} requires it).";

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        if (context.Derived is { } derived)
        {
            // The repository's PLANS.md: every section of its skeleton not marked optional.
            for (var i = 0; i < derived.Sections.Count; i++)
            {
                var section = derived.Sections[i];
                if (section.Mandatory && Profiles.DerivedProfile.Find(plan, section) is null)
                {
                    var living = section.LivingLine is { } line ? $" as a living section kept up to date as work proceeds ({derived.Cite(line)})" : string.Empty;
                    context.Report(plan.TitleSpan,
                        $"`{section.Name}` is required by {derived.Cite(section.Line)}{living}; add a '## {section.Name}' section.",
                        context.WantsFixes ? SectionInsertion.ForDerived(plan, derived, i) : null);
                }
            }

            return;
        }

        var required = SectionCatalog.LivingSections(context.Profile);
        for (var i = 0; i < required.Count; i++)
        {
            var kind = required[i];
            if (plan.Section(kind) is null)
            {
                context.Report(plan.TitleSpan, Message(kind, context.Profile == PlanProfile.Classic),
                    context.WantsFixes ? SectionInsertion.ForKind(plan, kind) : null);
            }
        }
    }
}
