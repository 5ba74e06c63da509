namespace ExecPlan.Validation.Rules;

using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;
using Markdig.Syntax;

/// <summary>EXP020: Progress is a checkbox list. Reported at the heading when Progress has no
/// checkbox at all, at a code block when the items were indented into one, and at each top-level
/// item without a checkbox in a checkbox list (nested notes under an item are fine).</summary>
public sealed class EXP020ProgressCheckboxList : PlanRule
{
    private static readonly Regex CheckboxLine = TextScan.Pattern(@"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[ xX]\]", RegexOptions.Multiline);

    public override RuleDescriptor Descriptor => RuleCatalog.EXP020;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var progress = plan.Section(SectionKind.Progress);
        if (progress is null || progress.IsEmpty)
        {
            return;
        }

        if (!HasCheckbox(plan))
        {
            var code = CodeWithCheckboxes(plan, progress);
            if (code is not null)
            {
                context.Report(plan.FirstLineSpanOf(code),
                    "the checkboxes are inside a code block; write them as a Markdown list ('- [ ] step') without the indentation or fence.");
            }
            else
            {
                context.Report(progress.Heading.TextSpan,
                    "write it as '- [x] (2025-10-01 13:00Z) done step' and '- [ ] next step' items.");
            }

            return;
        }

        foreach (var item in plan.ProgressItems)
        {
            if (item.Depth == 0 && !item.HasCheckbox)
            {
                context.Report(item.MarkerSpan, "this item has no checkbox; write it as '- [ ] ...' or '- [x] (timestamp) ...'.");
            }
        }
    }

    // Plain loops rather than LINQ with closures: this rule runs on every plan's first analysis.
    private static bool HasCheckbox(PlanDocument plan)
    {
        foreach (var item in plan.ProgressItems)
        {
            if (item.HasCheckbox)
            {
                return true;
            }
        }

        return false;
    }

    private static CodeBlock? CodeWithCheckboxes(PlanDocument plan, PlanSection progress)
    {
        foreach (var block in progress.Blocks)
        {
            if (block is CodeBlock code && CheckboxLine.IsMatch(plan.SourceOf(code)))
            {
                return code;
            }
        }

        return null;
    }
}
