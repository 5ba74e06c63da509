namespace ExecPlan.Validation.Rules;

using System.Linq;
using ExecPlan.Validation.Fixes;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;
using ExecPlan.Validation.Settings;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

/// <summary>EXP010: the plan has a Status line (skill profile; optional in classic). The message
/// suggests the value the plan's own Progress and Outcomes support: COMPLETE when every Progress
/// item is checked and Outcomes &amp; Retrospective is written, IN PROGRESS when some item is
/// checked, DRAFT otherwise. Fix (skill profile, only while no Progress item is checked: after
/// that the status is a person's call): a <c>Status: DRAFT</c> line after the living-document
/// notice as EXP007 detects it (<see cref="LivingNotice"/>), else after the title, else at the top
/// (after front matter).</summary>
public sealed class EXP010MissingStatus : PlanRule, IFixableRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP010;

    /// <summary>Last: the notice and the title it goes after are settled by then.</summary>
    public int FixOrder => 60;

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
            context.Report(plan.TitleSpan, Message(plan), context.WantsFixes ? Fix(plan) : null);
        }
    }

    private static PlanFix? Fix(PlanDocument plan)
    {
        // DRAFT is right only before work starts; once Progress has checked items the status is
        // IN PROGRESS, BLOCKED or COMPLETE, which a person decides.
        if (plan.ProgressItems.Any(i => i.IsChecked))
        {
            return null;
        }

        const string Title = "Add 'Status: DRAFT'";
        const string Line = "Status: DRAFT";
        var anchor = LivingNotice.InPreamble(plan) ?? (Block?)plan.Title?.Block ?? plan.Syntax.OfType<YamlFrontMatterBlock>().FirstOrDefault();
        if (anchor is null)
        {
            var newline = LineEdits.LineBreak(plan, 0);
            return new PlanFix(Title, new TextEdit(0, 0, Line + newline + newline));
        }

        return new PlanFix(Title, LineEdits.InsertBlockAfter(plan, plan.Lines.LineIndexOf(anchor.Span.End), Line));
    }

    private static string Message(PlanDocument plan)
    {
        const string Values = "one of DRAFT, APPROVED, IN PROGRESS, BLOCKED, COMPLETE";
        // Counted in one loop; every message is a constant, so a finding allocates no text.
        var boxes = 0;
        var checkedCount = 0;
        var items = plan.ProgressItems;
        for (var i = 0; i < items.Count; i++)
        {
            boxes += items[i].HasCheckbox ? 1 : 0;
            checkedCount += items[i].HasCheckbox && items[i].IsChecked ? 1 : 0;
        }

        var allChecked = checkedCount > 0 && checkedCount == boxes;
        if (allChecked && Stubs.OutcomesWritten(plan))
        {
            return $"add a 'Status: COMPLETE' line under the title ({Values}), since every Progress item is checked and Outcomes & Retrospective is written.";
        }

        if (checkedCount > 0)
        {
            return allChecked
                ? $"add a 'Status: IN PROGRESS' line under the title ({Values}), since every Progress item is checked but Outcomes & Retrospective is not written yet, and update it as the plan moves on."
                : $"add a 'Status: IN PROGRESS' line under the title ({Values}), since some Progress items are checked, and update it as the plan moves on.";
        }

        return $"add a 'Status: DRAFT' line under the title ({Values}) and update it as the plan moves on.";
    }
}
