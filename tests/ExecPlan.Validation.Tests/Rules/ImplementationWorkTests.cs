namespace ExecPlan.Validation.Tests.Rules;

using ExecPlan.Validation.Rules;

/// <summary>EXP012's reading of a checked item: implementation work, or planning, research and
/// history (and anything it cannot read), which stay silent.</summary>
public class ImplementationWorkTests
{
    [Theory]
    [InlineData("Implemented the retry loop.")]
    [InlineData("Added the tenant header middleware.")]
    [InlineData("added code for the exporter")]
    [InlineData("Wrote tests for the parser.")]
    [InlineData("Migrated the schema.")]
    [InlineData("Fixed the flaky upload test.")]
    [InlineData("Refactored `QueueClient` into two classes.")]
    [InlineData("Merged PR #42.")]
    [InlineData("Merged-in the upstream fix (no label is read into 'Merged-').")]
    [InlineData("Milestone 1: implemented the API mapping.")]
    [InlineData("M2 - added the worker.")]
    [InlineData("**Step 3:** wired the handler into `Program.cs`.")]
    [InlineData("Added the middleware described in the plan's first milestone.")]
    [InlineData("实现了新的队列消费者。")]
    [InlineData("里程碑 2：迁移了配置文件。")]
    public void Implementation_is_recognised(string text)
    {
        Assert.True(EXP012DraftWithCompletedWork.RecordsImplementation(text));
    }

    [Theory]
    [InlineData("Researched the queue options.")]
    [InlineData("Reviewed the ADR with the owner.")]
    [InlineData("Original implementation landed in 2024.")]
    [InlineData("Drafted this plan.")]
    [InlineData("Gathered context from the issue tracker.")]
    [InlineData("Wrote the plan.")]
    [InlineData("Created this ExecPlan.")]
    [InlineData("Create ExecPlan for removing the orchestrator.")]
    [InlineData("Updated the Decision Log with the queue choice.")]
    [InlineData("Added notes to the design doc.")]
    [InlineData("Inspected the API and repository layers.")]
    [InlineData("Milestone 3: both jobs green on the pull request.")]
    [InlineData("The importer already handles empty files.")]
    [InlineData("调研了队列方案。")]
    [InlineData("キューの選択肢を調査した。")]
    [InlineData("설정을 구현했다.")]
    public void Planning_history_and_unreadable_items_are_not(string text)
    {
        Assert.False(EXP012DraftWithCompletedWork.RecordsImplementation(text));
    }
}
