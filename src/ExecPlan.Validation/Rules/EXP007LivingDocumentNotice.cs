namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP007: a paragraph near the top (before the first section, or in the first 40
/// lines) says the plan is a living document, in any of the languages <see cref="LivingNotice"/>
/// reads (the detector EXP010's repair also uses to place Status after the notice).</summary>
public sealed class EXP007LivingDocumentNotice : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP007;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var derived = context.Derived;
        if (derived is not null && derived.NoticeLine is null)
        {
            // The repository's PLANS.md skeleton carries no living-document notice.
            return;
        }

        if (LivingNotice.Find(plan) is not null)
        {
            return;
        }

        context.Report(plan.TitleSpan, derived?.NoticeLine is { } line
            ? $"add one under the title, as the skeleton of {derived.Cite(line)} has it: say that this ExecPlan is a living document and name the sections kept up to date as work proceeds."
            : "add one under the title: say that this ExecPlan is a living document and name the sections kept up to date as work proceeds.");
    }
}
