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

    [Fact]
    public void Entries_and_fields_compare_their_text_by_content_before_and_after_it_is_read()
    {
        // Text and Value are cut from the plan when first read; equality must not depend on that.
        const string Text = "# T\n\n## Decision Log\n\n- Decision: use X\n  Rationale: simpler\n";
        var first = Assert.Single(PlanParser.Parse(Text, "plan.md").Entries);
        var second = Assert.Single(PlanParser.Parse("\uFEFF" + Text, "other.md").Entries);

        // Fields are compared by reference: entries of two parses differ, a copy equals its original.
        Assert.NotEqual(first, second);
        var copy = first with { };
        Assert.Equal(first, copy);
        Assert.Equal(first.GetHashCode(), copy.GetHashCode());
        Assert.Equal("- Decision: use X\n  Rationale: simpler", copy.Text);
        Assert.Equal(first, copy);

        // Fields are values: equal by content whether or not either value was read.
        Assert.Equal(first.Fields, second.Fields);
        Assert.Equal(first.Fields[1].GetHashCode(), second.Fields[1].GetHashCode());
        Assert.Equal("simpler", second.Fields[1].Value);
        Assert.True(first.Fields[1] == second.Fields[1]);
        Assert.NotEqual(first.Fields[0], first.Fields[1]);
        Assert.Equal(2, first.Fields.Concat(second.Fields).Distinct().Count());
        Assert.Contains("Value = simpler", first.Fields[1].ToString(), System.StringComparison.Ordinal);
    }
}
