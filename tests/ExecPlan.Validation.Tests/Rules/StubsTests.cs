namespace ExecPlan.Validation.Tests.Rules;

using System.Linq;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Rules.Support;

/// <summary>The shared placeholder test behind EXP014, EXP016 and EXP010: which Outcomes count
/// as not written.</summary>
public class StubsTests
{
    [Theory]
    [InlineData("Pending completion.")]
    [InlineData("TBD")]
    [InlineData("**TBD** once milestone 2 lands.")]
    [InlineData("To be written.")]
    [InlineData("To be filled in at completion.")]
    [InlineData("_To be completed when the rollout finishes._")]
    [InlineData("Will be written at the end.")]
    [InlineData("(empty)")]
    [InlineData("N/A")]
    [InlineData("None yet.")]
    [InlineData("Nothing to report yet; the first milestone is still in progress.")]
    [InlineData("Not yet written.")]
    [InlineData("...")]
    [InlineData("- TBD")]
    [InlineData("待定")]
    [InlineData("未定。")]
    [InlineData("尚未完成，待项目结束后填写。")]
    [InlineData("미정")]
    [InlineData("### Milestone 1\n\nTBD\n\n<!-- fill in at the end -->")]
    public void Placeholders_are_not_written(string body)
    {
        var plan = Parse(body);
        var outcomes = plan.Section(SectionKind.Outcomes)!;
        Assert.NotNull(Stubs.Placeholder(plan, outcomes));
        Assert.False(Stubs.OutcomesWritten(plan));
    }

    [Theory]
    [InlineData("Tenants are isolated; the cross-tenant test passes.")]
    [InlineData("Nothing to report: everything shipped as planned and the error rate fell to zero.")]
    [InlineData("None of the risks materialised; the migration finished in two hours.")]
    [InlineData("Pending items were moved to the follow-up plan, and the exporter now runs on the new queue with 40% lower latency. The retry policy needed a second pass after load testing showed duplicate deliveries.")]
    [InlineData("迁移已完成，延迟降低了 40%。")]
    [InlineData("- Shipped the exporter.\n- Lesson: benchmark before choosing a queue.")]
    public void Real_outcomes_are_written(string body)
    {
        var plan = Parse(body);
        Assert.Null(Stubs.Placeholder(plan, plan.Section(SectionKind.Outcomes)!));
        Assert.True(Stubs.OutcomesWritten(plan));
    }

    [Fact]
    public void Empty_or_missing_outcomes_are_not_written_and_not_a_placeholder()
    {
        var empty = Parse("<!-- later -->");
        Assert.Null(Stubs.Placeholder(empty, empty.Section(SectionKind.Outcomes)!));
        Assert.False(Stubs.OutcomesWritten(empty));
        Assert.False(Stubs.OutcomesWritten(PlanParser.Parse("# Plan\n\n## Progress\n\n- [x] (2025-10-01) Done.\n", "p.md")));
    }

    private static PlanDocument Parse(string outcomes) =>
        PlanParser.Parse("# Plan\n\n## Progress\n\n- [x] (2025-10-01) Done.\n\n## Outcomes & Retrospective\n\n" + outcomes + "\n\n## Context and Orientation\n\nText.\n", "p.md");
}
