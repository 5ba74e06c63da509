namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;

/// <summary>EXP099 (a throwaway rule to prove the catalogue checks): a line starting with 'TODO:'.</summary>
public sealed class EXP099LeftoverTodo : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP099;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var text = plan.Text;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            if (string.CompareOrdinal(text, start, "TODO:", 0, 5) == 0)
            {
                context.Report(plan.Lines.Span(start, start + 5), "resolve it, or move it to Progress as an unchecked item.");
            }

            start = end + 1;
        }
    }
}
