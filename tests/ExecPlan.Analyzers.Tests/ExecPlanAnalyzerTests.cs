namespace ExecPlan.Analyzers.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ExecPlan.Validation;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Settings;
using Microsoft.CodeAnalysis;

public class ExecPlanAnalyzerTests
{
    private const string Broken = """
        # Fix the importer

        This ExecPlan is a living document.

        Status: WIP

        ## Progress

        - [x] Wrote the failing test.
        """;

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> MarkedPlan = new()
    {
        ["/repo/plans/fix.md"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ExecPlanIsPlan"] = "true" },
    };

    private static string Row(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"{d.Id} {d.Severity} {span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}-{span.EndLinePosition.Line + 1}:{span.EndLinePosition.Character + 1}";
    }

    [Fact]
    public async Task Reports_the_library_findings_with_ids_spans_and_severities()
    {
        var result = await AnalyzerHarness.RunAsync([("/repo/plans/fix.md", Broken)], fileOptions: MarkedPlan);
        var rows = result.Select(Row).ToList();
        Assert.Contains("EXP011 Error 5:9-5:12", rows);
        Assert.Contains("EXP021 Warning 9:1-9:6", rows);
        Assert.DoesNotContain(result, d => d.Id == "AD0001");
        Assert.Equal("/repo/plans/fix.md", result.First().Location.GetLineSpan().Path);
    }

    [Fact]
    public async Task Gives_the_same_findings_as_the_library()
    {
        var expected = new PlanValidator(new ValidationSettings()).Validate(Broken, "/repo/plans/fix.md")
            .Select(d => $"{d.Id} {ExecPlanAnalyzer.ToRoslyn(d.Severity)} {d.Span.StartLine}:{d.Span.StartColumn}-{d.Span.EndLine}:{d.Span.EndColumn}").ToList();
        var actual = (await AnalyzerHarness.RunAsync([("/repo/plans/fix.md", Broken)], fileOptions: MarkedPlan)).Select(Row).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Messages_are_the_librarys_text_formatted_through_the_descriptors_message_format()
    {
        var expected = new PlanValidator(new ValidationSettings()).Validate(Broken, "/repo/plans/fix.md")
            .Select(d => d.Id + " " + d.Message).Order(StringComparer.Ordinal).ToList();
        var result = await AnalyzerHarness.RunAsync([("/repo/plans/fix.md", Broken)], fileOptions: MarkedPlan);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, result.Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
        Assert.All(result, d => Assert.StartsWith(
            ExecPlan.Validation.Rules.RuleCatalog.All.Single(r => r.Id == d.Id).Title + ": ",
            d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Severities_resolved_by_the_build_are_applied()
    {
        var options = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/repo/plans/fix.md"] = new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.ExecPlanIsPlan"] = "true",
                ["build_metadata.AdditionalFiles.ExecPlanSeverities"] = "EXP011=none,EXP021=error,EXP001=suggestion",
            },
        };
        var rows = (await AnalyzerHarness.RunAsync([("/repo/plans/fix.md", Broken)], fileOptions: options)).Select(Row).ToList();
        Assert.DoesNotContain(rows, r => r.StartsWith("EXP011", StringComparison.Ordinal));
        Assert.Contains("EXP021 Error 9:1-9:6", rows);
        Assert.Contains(rows, r => r.StartsWith("EXP001 Info", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Profile_comes_from_the_build_property()
    {
        var global = new Dictionary<string, string> { ["build_property.ExecPlanProfile"] = "classic" };
        var skill = await AnalyzerHarness.RunAsync([("/repo/plans/fix.md", Broken)], fileOptions: MarkedPlan);
        var classic = await AnalyzerHarness.RunAsync([("/repo/plans/fix.md", Broken)], global, MarkedPlan);
        Assert.Equal(7 - 1, skill.Count(d => d.Id == "EXP001"));
        Assert.Equal(4 - 1, classic.Count(d => d.Id == "EXP001"));
    }

    [Fact]
    public async Task Disabled_analyzer_reports_nothing_so_the_task_alone_reports_in_builds()
    {
        var global = new Dictionary<string, string> { ["build_property.ExecPlanAnalyzerEnabled"] = "false" };
        Assert.Empty(await AnalyzerHarness.RunAsync([("/repo/plans/fix.md", Broken)], global, MarkedPlan));
    }

    [Fact]
    public async Task Only_plans_are_validated()
    {
        var options = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["/repo/README.md"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ExecPlanIsPlan"] = "false" },
        };
        var result = await AnalyzerHarness.RunAsync(
            [("/repo/README.md", Broken), ("/repo/notes.md", "# Notes\n\nNothing here.\n"), ("/repo/data.json", "{}"), ("/repo/self.md", Broken)],
            fileOptions: options);
        Assert.NotEmpty(result);
        Assert.All(result, d => Assert.Equal("/repo/self.md", d.Location.GetLineSpan().Path));
    }

    [Fact]
    public async Task Unreadable_file_gives_EXP000_not_AD0001()
    {
        var result = await AnalyzerHarness.RunAsync([("/repo/plans/fix.md", null!)], fileOptions: MarkedPlan);
        Assert.Equal("EXP000", Assert.Single(result).Id);
    }

    [Fact]
    public async Task Pathological_text_gives_EXP000_not_AD0001()
    {
        var deep = "# Deep ExecPlan\n\n" + string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i * 2) + "- x\n"));
        var result = await AnalyzerHarness.RunAsync([("/repo/plans/fix.md", deep)], fileOptions: MarkedPlan);
        Assert.DoesNotContain(result, d => d.Id == "AD0001");
        Assert.Contains(result, d => d.Id == "EXP000");
    }

    [Fact]
    public void Descriptors_come_from_the_one_catalogue()
    {
        var analyzer = new ExecPlanAnalyzer();
        Assert.Equal(ExecPlan.Validation.Rules.RuleCatalog.All.Select(r => r.Id), analyzer.SupportedDiagnostics.Select(d => d.Id));
        Assert.All(analyzer.SupportedDiagnostics, d =>
        {
            Assert.Equal("ExecPlan", d.Category);
            Assert.EndsWith(d.Id + ".md", d.HelpLinkUri, StringComparison.Ordinal);
            Assert.True(d.IsEnabledByDefault);
            Assert.Equal(ExecPlan.Validation.Rules.RuleCatalog.All.Single(r => r.Id == d.Id).MessageFormat, d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
    }
}
