namespace ExecPlan.Validation.Tests;

using System.Linq;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Parsing;

/// <summary>The model's plain values are records: equality by value, where no reference equality
/// was relied on; the printed span keeps the compiler form.</summary>
public class ModelValueTests
{
    [Fact]
    public void Spans_are_equal_by_value_print_in_compiler_form_and_order_by_start_then_end()
    {
        var a = new SourceSpan(3, 1, 3, 14);
        Assert.Equal(new SourceSpan(3, 1, 3, 14), a);
        Assert.True(a == new SourceSpan(3, 1, 3, 14));
        Assert.NotEqual(new SourceSpan(3, 1, 3, 15), a);
        Assert.Equal("(3,1,3,14)", a.ToString());
        Assert.True(a < new SourceSpan(3, 1, 3, 15) && new SourceSpan(2, 9, 9, 9) < a);
        Assert.Equal(SourceSpan.FileStart, new SourceSpan(1, 1, 1, 1));
    }

    [Fact]
    public void Headings_and_entries_of_one_plan_are_never_equal_to_each_other()
    {
        const string Text = "# T\n\n## Risks\n\n- Risk: a\n- Risk: a\n\n## Risks\n";
        var plan = PlanParser.Parse(Text, "plan.md");
        Assert.Equal(plan.Headings.Count, plan.Headings.Distinct().Count());
        Assert.Equal(plan.Entries.Count, plan.Entries.Distinct().Count());
        Assert.True(plan.Entries.Count >= 2);
        Assert.Equal(plan.Headings[1], plan.Headings[1]);
    }
}
