namespace ExecPlan.Build.Tests;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

/// <summary>
/// The analyzer half of the package, built for real: with ExecPlanAnalyzerEnabled=true (what
/// design-time builds get by default) the analyzer reports and the task stays quiet, each
/// violation appears once, and one configuration gives the task and the analyzer the same
/// effective severity for every finding.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class AnalyzerEndToEndTests
{
    private const string PlanItems = """<AdditionalFiles Include="plans/*.md" />""";

    private const string Broken = """
        # Fix the importer

        This ExecPlan is a living document.

        Status: WIP

        ## Progress
        - [x] Wrote the failing test.
        - [x] (2025-10-01 13:00Z) Fixed the parser.
        """;

    private static readonly Regex Normal = new(
        @"^(?<file>[^(]+)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\): (?<severity>error|warning) (?<id>EXP\d{3}): (?<message>.*?)(?: \(https?://\S+\))?(?: \[[^\]]+\])?$",
        RegexOptions.None, TimeSpan.FromSeconds(1));

    private readonly PackageFeedFixture _feed;

    public AnalyzerEndToEndTests(PackageFeedFixture feed)
    {
        _feed = feed;
    }

    public static TheoryData<string, string, string, string> Configurations() => new()
    {
        // name, project properties, file name, file content
        { "defaults", "", "", "" },
        { "editorconfig per id", "", ".editorconfig", "root = true\n\n[*.md]\ndotnet_diagnostic.EXP021.severity = error\ndotnet_diagnostic.EXP011.severity = none\n" },
        { "editorconfig category", "", ".editorconfig", "root = true\n\n[plans/**.md]\ndotnet_analyzer_diagnostic.category-ExecPlan.severity = warning\n" },
        { "globalconfig", "", ".globalconfig", "is_global = true\ndotnet_diagnostic.EXP001.severity = none\n" },
        { "nowarn and warnaserror", "<NoWarn>$(NoWarn);EXP052</NoWarn><WarningsAsErrors>$(WarningsAsErrors);EXP021</WarningsAsErrors>", "", "" },
        { "treat warnings as errors", "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", "", "" },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Task_and_analyzer_give_the_same_findings_and_severities(string name, string properties, string configFile, string configText)
    {
        var task = Consumer("parity-task-" + name, properties, configFile, configText).Build();
        var analyzer = Consumer("parity-analyzer-" + name, properties, configFile, configText).Build("-p:ExecPlanAnalyzerEnabled=true");

        var fromTask = Normalise(task.Diagnostics);
        var fromAnalyzer = Normalise(analyzer.Diagnostics);
        Assert.NotEmpty(fromTask);
        Assert.Equal(fromTask, fromAnalyzer);
        Assert.Equal(task.ExitCode, analyzer.ExitCode);
    }

    [Fact]
    public void Analyzer_mode_reports_each_violation_once_and_the_task_stays_quiet()
    {
        var result = Consumer("analyzer-once", "", "", "").Build("-p:ExecPlanAnalyzerEnabled=true", verbosity: "n");

        Assert.True(result.ExitCode == 1, result.ToString());
        var rows = Normalise(result.Diagnostics);
        Assert.Equal(rows.Distinct().Count(), rows.Count);
        Assert.Contains(rows, r => r.StartsWith("plans/x.md 5:9 error EXP011 ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("plans/x.md 8:1 warning EXP021 ", StringComparison.Ordinal));
        Assert.DoesNotContain("plan(s) checked", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_mode_is_the_default_in_command_line_builds()
    {
        var result = Consumer("task-default", "", "", "").Build(verbosity: "n");

        Assert.Contains("plan(s) checked", result.Output, StringComparison.Ordinal);
        var rows = Normalise(result.Diagnostics);
        Assert.Equal(rows.Distinct().Count(), rows.Count);
        Assert.Contains(rows, r => r.StartsWith("plans/x.md 5:9 error EXP011 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Task_writes_the_same_findings_as_SARIF_when_asked()
    {
        var consumer = Consumer("sarif", "", "", "");
        var result = consumer.Build("-p:ExecPlanSarifPath=reports/execplan.sarif");

        var path = System.IO.Path.Combine(consumer.Directory, "reports", "execplan.sarif");
        Assert.True(System.IO.File.Exists(path), result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(path));
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Equal(result.Diagnostics.Count, results.GetArrayLength());
        var status = results.EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "EXP011");
        Assert.Equal("error", status.GetProperty("level").GetString());
        Assert.Equal(5, status.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Visual_Basic_projects_get_the_same_findings_from_the_task_and_the_analyzer()
    {
        var task = Consumer("vb-task", "", "", "", visualBasic: true).Build();
        var analyzer = Consumer("vb-analyzer", "", "", "", visualBasic: true).Build("-p:ExecPlanAnalyzerEnabled=true", verbosity: "n");

        Assert.True(task.ExitCode == 1, task.ToString());
        Assert.True(analyzer.ExitCode == 1, analyzer.ToString());
        var fromTask = Normalise(task.Diagnostics);
        Assert.Contains(fromTask, r => r.StartsWith("plans/x.md 5:9 error EXP011 ", StringComparison.Ordinal));
        Assert.Equal(fromTask, Normalise(analyzer.Diagnostics));
        Assert.DoesNotContain("plan(s) checked", analyzer.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_PLANS_md_in_the_consumer_repository_task_and_analyzer_follow_its_skeleton_alike()
    {
        const string PlansMd = "# How we plan\n\n## Skeleton\n\n    # <Title>\n\n    ## Goal\n\n    ## Milestones\n\n    ## Progress\n";
        const string Plan = "# Export\n\nAn ExecPlan, maintained in accordance with .agent/PLANS.md.\n\n## Goal\n\nShip it.\n\n## Progress\n\n- [ ] Start.\n";
        Consumer Make(string name) => new Consumer(_feed, name).Project("", PlanItems).Write("plans/x.md", Plan).Write(".agent/PLANS.md", PlansMd);

        var task = Make("plansmd-task").Build();
        var analyzer = Make("plansmd-analyzer").Build("-p:ExecPlanAnalyzerEnabled=true");

        var fromTask = Normalise(task.Diagnostics);
        var missing = Assert.Single(fromTask);
        Assert.StartsWith("plans/x.md 1:3 error EXP001 Mandatory living section is missing: `Milestones` is required by `.agent/PLANS.md` (line 9)", missing, StringComparison.Ordinal);
        Assert.Equal(fromTask, Normalise(analyzer.Diagnostics));
        Assert.Equal(task.ExitCode, analyzer.ExitCode);
    }

    private Consumer Consumer(string name, string properties, string configFile, string configText, bool visualBasic = false)
    {
        var consumer = new Consumer(_feed, name.Replace(' ', '-'), visualBasic).Project(properties, PlanItems).Write("plans/x.md", Broken);
        return configFile.Length == 0 ? consumer : consumer.Write(configFile, configText);
    }

    private static List<string> Normalise(IEnumerable<string> diagnostics) => diagnostics
        .Select(d => Normal.Match(d))
        .Where(m => m.Success)
        .Select(m => $"{m.Groups["file"].Value.Trim()} {m.Groups["line"].Value}:{m.Groups["col"].Value} {m.Groups["severity"].Value} {m.Groups["id"].Value} {m.Groups["message"].Value}")
        .Order(StringComparer.Ordinal)
        .ToList();
}
