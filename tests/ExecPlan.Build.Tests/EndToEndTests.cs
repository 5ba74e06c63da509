namespace ExecPlan.Build.Tests;

using System.Linq;

/// <summary>
/// The package as users meet it: packed once, referenced from throwaway consumer projects and
/// built with the real <c>dotnet build</c>. Diagnostics are asserted as printed, with the
/// consumer folder stripped from the path.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class EndToEndTests
{
    private const string PlanItems = """<AdditionalFiles Include="plans/*.md" />""";
    private const string Exp001AtTitle = "plans/x.md(1,3,1,10): error EXP001: ";
    private const string Exp001WarningAtTitle = "plans/x.md(1,3,1,10): warning EXP001: ";

    private readonly PackageFeedFixture _feed;

    public EndToEndTests(PackageFeedFixture feed)
    {
        _feed = feed;
    }

    [Fact]
    public void Clean_plan_builds_without_diagnostics()
    {
        var result = New("clean").Project(items: PlanItems).Write("plans/x.md", Plans.Clean).Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Broken_plan_fails_with_EXP001_at_the_title()
    {
        var result = New("broken").Project(items: PlanItems).Write("plans/x.md", Plans.MissingSections).Build();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(6, result.Diagnostics.Count(d => d.StartsWith(Exp001AtTitle, System.StringComparison.Ordinal)));
        Assert.Equal(6, result.Diagnostics.Count);
    }

    [Fact]
    public void Plan_without_title_fails_with_EXP004()
    {
        var result = New("notitle").Project(items: PlanItems).Write("plans/x.md", Plans.NoTitle).Build();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(result.Diagnostics, d => d.StartsWith("plans/x.md(", System.StringComparison.Ordinal) && d.Contains(": error EXP004: ", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[*.md]", "none", 0, "")]
    [InlineData("[plans/**.md]", "warning", 0, Exp001WarningAtTitle)]
    [InlineData("[*]", "none", 0, "")]
    [InlineData("[*.md]", "error", 1, Exp001AtTitle)]
    public void EditorConfig_sets_the_severity(string section, string severity, int exitCode, string expectedPrefix)
    {
        var result = New("editorconfig").Project(items: PlanItems)
            .Write("plans/x.md", Plans.MissingSections)
            .Write(".editorconfig", "root = true\n\n" + section + "\ndotnet_diagnostic.EXP001.severity = " + severity + "\n")
            .Build();

        Assert.True(result.ExitCode == exitCode, result.ToString());
        if (expectedPrefix.Length == 0)
        {
            Assert.Empty(result.Diagnostics);
        }
        else
        {
            Assert.Equal(6, result.Diagnostics.Count(d => d.StartsWith(expectedPrefix, System.StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void GlobalConfig_sets_the_severity()
    {
        var result = New("globalconfig").Project(items: PlanItems)
            .Write("plans/x.md", Plans.MissingSections)
            .Write(".globalconfig", "is_global = true\ndotnet_diagnostic.EXP001.severity = warning\n")
            .Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(6, result.Diagnostics.Count(d => d.StartsWith(Exp001WarningAtTitle, System.StringComparison.Ordinal)));
    }

    [Fact]
    public void NoWarn_drops_the_diagnostic()
    {
        var result = New("nowarn").Project("<NoWarn>$(NoWarn);EXP001</NoWarn>", PlanItems)
            .Write("plans/x.md", Plans.MissingSections).Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void WarningsAsErrors_promotes_an_EXP_warning()
    {
        var result = New("warnaserror").Project("<WarningsAsErrors>$(WarningsAsErrors);EXP001</WarningsAsErrors>", PlanItems)
            .Write("plans/x.md", Plans.MissingSections)
            .Write(".editorconfig", "root = true\n\n[*.md]\ndotnet_diagnostic.EXP001.severity = warning\n")
            .Build();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(6, result.Diagnostics.Count(d => d.StartsWith(Exp001AtTitle, System.StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("", 1, Exp001AtTitle)]
    [InlineData("<WarningsNotAsErrors>EXP001</WarningsNotAsErrors>", 0, Exp001WarningAtTitle)]
    public void TreatWarningsAsErrors_promotes_EXP_warnings(string extra, int exitCode, string expectedPrefix)
    {
        var result = New("twae").Project("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>" + extra, PlanItems)
            .Write("plans/x.md", Plans.MissingSections)
            .Write(".editorconfig", "root = true\n\n[*.md]\ndotnet_diagnostic.EXP001.severity = warning\n")
            .Build();

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Equal(6, result.Diagnostics.Count(d => d.StartsWith(expectedPrefix, System.StringComparison.Ordinal)));
    }

    [Fact]
    public void Readme_additional_file_is_not_validated()
    {
        // The size limit of 1 byte turns any validated file into EXP000, whatever rules exist.
        var result = New("readme").Project("<ExecPlanMaxFileSize>1</ExecPlanMaxFileSize>", """<AdditionalFiles Include="README.md" />""")
            .Write("README.md", Plans.Readme + "\nOur plans are ExecPlans; this README is not one.\n")
            .Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void ExecPlan_false_opts_out_and_the_ExecPlan_item_opts_in()
    {
        var result = New("optout").Project(
                "<ExecPlanMaxFileSize>1</ExecPlanMaxFileSize>",
                """<AdditionalFiles Include="plans/x.md" ExecPlan="false" /><ExecPlan Include="docs/notes.md" />""")
            .Write("plans/x.md", Plans.MissingSections)
            .Write("docs/notes.md", "# Notes\n\nNothing here says what this is.\n")
            .Build();

        Assert.True(result.ExitCode == 1, result.ToString());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.StartsWith("docs/notes.md(1,1,1,1): error EXP000: ", diagnostic, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ExecPlanFiles_glob_selects_plans()
    {
        var result = New("glob").Project(
                "<ExecPlanMaxFileSize>1</ExecPlanMaxFileSize><ExecPlanFiles>docs/*.md</ExecPlanFiles>",
                """<AdditionalFiles Include="docs/*.md" />""")
            .Write("docs/notes.md", "# Notes\n\nNothing here says what this is.\n")
            .Build();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(new[] { "docs/notes.md(1,1,1,1): error EXP000: " }, result.Diagnostics.Select(d => d[..(d.IndexOf("EXP000: ", System.StringComparison.Ordinal) + 8)]));
    }

    [Fact]
    public void Validation_can_be_disabled()
    {
        var result = New("disabled").Project("<ExecPlanValidationEnabled>false</ExecPlanValidationEnabled><ExecPlanMaxFileSize>1</ExecPlanMaxFileSize>", PlanItems)
            .Write("plans/x.md", Plans.MissingSections).Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Multi_targeted_project_reports_once()
    {
        var result = New("multi").Project("<ExecPlanMaxFileSize>1</ExecPlanMaxFileSize>", PlanItems, "net8.0;net10.0")
            .Write("plans/x.md", Plans.MissingSections).Build();

        Assert.True(result.ExitCode == 1, result.ToString());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.StartsWith("plans/x.md(1,1,1,1): error EXP000: ", diagnostic, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Noop_rebuild_reuses_the_cache_and_still_reports()
    {
        var consumer = New("incremental").Project(items: PlanItems)
            .Write("plans/x.md", Plans.MissingSections)
            .Write("plans/clean.md", Plans.Clean);

        var first = consumer.Build(verbosity: "n");
        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.Contains("2 plan(s) checked, 2 validated, 0 reused from cache", first.Output, System.StringComparison.Ordinal);

        var second = consumer.Build(verbosity: "n");
        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.Contains("2 plan(s) checked, 0 validated, 2 reused from cache", second.Output, System.StringComparison.Ordinal);
        Assert.Equal(first.Diagnostics.Distinct(), second.Diagnostics.Distinct());
        Assert.Equal(6, second.Diagnostics.Distinct().Count(d => d.StartsWith(Exp001AtTitle, System.StringComparison.Ordinal)));

        consumer.Write("plans/clean.md", Plans.Clean + "\nOne more line.\n");
        var third = consumer.Build(verbosity: "n");
        Assert.True(third.ExitCode == 1, third.ToString());
        Assert.Contains("2 plan(s) checked, 1 validated, 1 reused from cache", third.Output, System.StringComparison.Ordinal);

        consumer.Write(".editorconfig", "root = true\n\n[*.md]\ndotnet_diagnostic.EXP001.severity = warning\n");
        var fourth = consumer.Build(verbosity: "n");
        Assert.True(fourth.ExitCode == 0, fourth.ToString());
        Assert.Contains("2 plan(s) checked, 2 validated, 0 reused from cache", fourth.Output, System.StringComparison.Ordinal);
        Assert.Equal(6, fourth.Diagnostics.Distinct().Count(d => d.StartsWith(Exp001WarningAtTitle, System.StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(Plans.Classic, 0, 0)]
    [InlineData(Plans.MissingSections, 1, 3)]
    public void Classic_profile_needs_four_living_sections(string plan, int exitCode, int missing)
    {
        var result = New("classic").Project("<ExecPlanProfile>classic</ExecPlanProfile>", PlanItems)
            .Write("plans/x.md", plan).Build();

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Equal(missing, result.Diagnostics.Count(d => d.Contains(": error EXP001: ", System.StringComparison.Ordinal)));
        Assert.Equal(missing, result.Diagnostics.Count);
    }

    [Theory]
    [InlineData("net10.0")]
    [InlineData("net8.0;net10.0")]
    public void Compile_errors_and_plan_errors_are_reported_side_by_side(string targetFrameworks)
    {
        var result = New("compile-error").Project(items: PlanItems, targetFrameworks: targetFrameworks)
            .Write("plans/x.md", Plans.MissingSections)
            .Write("Broken.cs", "namespace Consumer; public static class Broken { public static int Value => undefinedName; }\n")
            .Build();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error CS0103", result.Output, System.StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.StartsWith(Exp001AtTitle, System.StringComparison.Ordinal));
    }

    private Consumer New(string name) => new(_feed, name);
}
