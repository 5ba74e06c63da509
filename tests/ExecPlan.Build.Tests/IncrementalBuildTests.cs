namespace ExecPlan.Build.Tests;

using System.Linq;

/// <summary>
/// The no-op build: the targets skip the task when nothing it reads changed since a run that
/// reported no error and no warning, and run it (from the cache) whenever the last run reported
/// either, so errors fail and warnings show on every build. The first build after a change runs
/// the task; so does the next one when the configuration files it consulted changed.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class IncrementalBuildTests
{
    private const string PlanItems = """<AdditionalFiles Include="plans/*.md" />""";
    private const string Skipped = "plan(s) unchanged since their last validation";
    private const string Exp001Error = "plans/x.md(1,3,1,10): error EXP001: ";
    private const string Exp001Warning = "plans/x.md(1,3,1,10): warning EXP001: ";
    private const string Exp001AsSuggestion = "root = true\n\n[*.md]\ndotnet_diagnostic.EXP001.severity = suggestion\n";

    private readonly PackageFeedFixture _feed;

    public IncrementalBuildTests(PackageFeedFixture feed)
    {
        _feed = feed;
    }

    [Fact]
    public void A_clean_project_skips_the_task_until_a_plan_changes()
    {
        var consumer = New("skip").Project(items: PlanItems)
            .Write("plans/x.md", Plans.Clean)
            .Write("plans/y.md", Plans.Clean);

        var first = consumer.Build(verbosity: "n");
        var second = consumer.Build(verbosity: "n");
        var third = consumer.Build(verbosity: "n");
        Assert.True(first.ExitCode == 0 && second.ExitCode == 0 && third.ExitCode == 0, third.ToString());
        Assert.Contains("2 plan(s) checked, 2 validated, 0 reused from cache", first.Output, System.StringComparison.Ordinal);
        Assert.Contains("2 " + Skipped, third.Output, System.StringComparison.Ordinal);

        consumer.Write("plans/y.md", Plans.MissingSections);
        var edited = consumer.Build(verbosity: "n");
        Assert.True(edited.ExitCode == 1, edited.ToString());
        Assert.Contains("2 plan(s) checked, 1 validated, 1 reused from cache", edited.Output, System.StringComparison.Ordinal);
        Assert.Contains(edited.Diagnostics, d => d.StartsWith("plans/y.md(1,3,1,10): error EXP001: ", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("error", 1, Exp001Error)]
    [InlineData("warning", 0, Exp001Warning)]
    public void Errors_and_warnings_are_reported_by_every_noop_build(string severity, int exitCode, string expectedPrefix)
    {
        var consumer = New("replay-" + severity).Project(items: PlanItems)
            .Write("plans/x.md", Plans.MissingSections)
            .Write(".editorconfig", "root = true\n\n[*.md]\ndotnet_diagnostic.EXP001.severity = " + severity + "\n");

        for (var build = 0; build < 4; build++)
        {
            var result = consumer.Build(verbosity: "n");
            Assert.True(result.ExitCode == exitCode, result.ToString());
            Assert.Equal(6, result.Diagnostics.Distinct().Count(d => d.StartsWith(expectedPrefix, System.StringComparison.Ordinal)));
            Assert.DoesNotContain(Skipped, result.Output, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_new_editorconfig_beside_the_plans_is_read_by_the_next_build()
    {
        var consumer = New("new-editorconfig").Project(items: PlanItems)
            .Write("plans/x.md", Plans.MissingSections)
            .Write(".editorconfig", Exp001AsSuggestion);
        consumer.Build();
        consumer.Build();
        var skipped = consumer.Build(verbosity: "n");
        Assert.True(skipped.ExitCode == 0, skipped.ToString());
        Assert.Contains("1 " + Skipped, skipped.Output, System.StringComparison.Ordinal);

        // Not a root file: it refines the one above, in a folder where none was before.
        consumer.Write("plans/.editorconfig", "[*.md]\ndotnet_diagnostic.EXP001.severity = error\n");
        var result = consumer.Build();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(6, result.Diagnostics.Count(d => d.StartsWith(Exp001Error, System.StringComparison.Ordinal)));
    }

    [Fact]
    public void An_edited_editorconfig_and_a_changed_property_are_seen_by_the_next_build()
    {
        var consumer = New("changed-settings").Project(items: PlanItems)
            .Write("plans/x.md", Plans.MissingSections)
            .Write(".editorconfig", Exp001AsSuggestion);
        consumer.Build();
        consumer.Build();
        Assert.Contains("1 " + Skipped, consumer.Build(verbosity: "n").Output, System.StringComparison.Ordinal);

        consumer.Write(".editorconfig", Exp001AsSuggestion.Replace("suggestion", "warning", System.StringComparison.Ordinal));
        var warned = consumer.Build();
        Assert.True(warned.ExitCode == 0, warned.ToString());
        Assert.Equal(6, warned.Diagnostics.Count(d => d.StartsWith(Exp001Warning, System.StringComparison.Ordinal)));

        var promoted = consumer.Build("-p:TreatWarningsAsErrors=true");
        Assert.True(promoted.ExitCode == 1, promoted.ToString());
        Assert.Equal(6, promoted.Diagnostics.Count(d => d.StartsWith(Exp001Error, System.StringComparison.Ordinal)));

        consumer.Write(".editorconfig", Exp001AsSuggestion);
        consumer.Build();
        consumer.Build();
        Assert.Contains("1 " + Skipped, consumer.Build(verbosity: "n").Output, System.StringComparison.Ordinal);
        // A size limit of 1 byte turns the plan into EXP000, whatever the severities say.
        var limited = consumer.Build("-p:ExecPlanMaxFileSize=1");
        Assert.True(limited.ExitCode == 1, limited.ToString());
        Assert.StartsWith("plans/x.md(1,1,1,1): error EXP000: ", Assert.Single(limited.Diagnostics), System.StringComparison.Ordinal);
    }

    private Consumer New(string name) => new(_feed, name);
}
