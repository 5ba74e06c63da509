namespace ExecPlan.Validation.Rules;

using System.Linq;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;
using ExecPlan.Validation.Settings;

/// <summary>EXP010: the plan has a Status line (skill profile; optional in classic). The message
/// suggests the value the plan's own Progress and Outcomes support: COMPLETE when every Progress
/// item is checked and Outcomes &amp; Retrospective is written, IN PROGRESS when some item is
/// checked, DRAFT otherwise.</summary>
public sealed class EXP010MissingStatus : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP010;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        if (context.Derived is { } derived)
        {
            if (derived.Status is { } line && plan.Status is null)
            {
                var values = line.AllowedValues.Count > 0 ? " (" + string.Join(", ", line.AllowedValues) + ")" : string.Empty;
                context.Report(plan.TitleSpan, $"add a 'Status:' line under the title{values}: the skeleton of {derived.Cite(line.Line)} has one.");
            }

            return;
        }

        if (context.Profile == PlanProfile.Skill && plan.Status is null)
        {
            context.Report(plan.TitleSpan, Message(plan));
        }
    }

    private static string Message(PlanDocument plan)
    {
        const string Values = "one of DRAFT, APPROVED, IN PROGRESS, BLOCKED, COMPLETE";
        var boxes = plan.ProgressItems.Where(i => i.HasCheckbox).ToList();
        var checkedCount = boxes.Count(i => i.IsChecked);
        var allChecked = checkedCount > 0 && checkedCount == boxes.Count;
        if (allChecked && Stubs.OutcomesWritten(plan))
        {
            return $"add a 'Status: COMPLETE' line under the title ({Values}), since every Progress item is checked and Outcomes & Retrospective is written.";
        }

        if (checkedCount > 0)
        {
            var reason = allChecked
                ? "every Progress item is checked but Outcomes & Retrospective is not written yet"
                : "some Progress items are checked";
            return $"add a 'Status: IN PROGRESS' line under the title ({Values}), since {reason}, and update it as the plan moves on.";
        }

        return $"add a 'Status: DRAFT' line under the title ({Values}) and update it as the plan moves on.";
    }
}
