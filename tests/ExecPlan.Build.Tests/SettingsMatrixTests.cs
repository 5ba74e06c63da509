namespace ExecPlan.Build.Tests;

using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using ExecPlan.Analyzers.Tests;
using ExecPlan.Build.Tasks;
using ExecPlan.Validation.Settings;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// Issue #12: the four front ends (the MSBuild task, the analyzer, <c>check</c>, <c>fix</c>) agree
/// on a matrix of configurations. Every row has a hand-written expectation for the probe plan, and
/// each front end is held to it where it calls the settings resolver: the task with a recording
/// build engine; the analyzer in a Roslyn compilation fed the way the targets and the compiler
/// feed it (the analyzer-preparing task's metadata, Roslyn's own <see cref="AnalyzerConfigSet"/>
/// for the file's keys); the CLI as a process (<c>check</c> over the folder, and <c>fix --dry-run</c>,
/// which must repair exactly the fixable rules <c>check</c> reports).
/// </summary>
public sealed class SettingsMatrixTests : IDisposable
{
    // The probe: a skill plan with no Status (EXP010, fixable), two headings without a blank line
    // after them (EXP052, fixable), one of them suppressed inline. Lines: EXP010 at 1, EXP052 at 12 (suppressed) and 47.
    private const string Probe = """
        # Probe the settings

        This ExecPlan is a living document. The sections `Constraints`, `Tolerances`,
        `Risks`, `Progress`, `Surprises & Discoveries`, `Decision Log`, and
        `Outcomes & Retrospective` must be kept up to date as work proceeds.

        ## Purpose / Big Picture

        Show that every front end reads the same settings.

        <!-- execplan-disable-next-line EXP052 -->
        ## Constraints
        - Nothing outside the sandbox changes.

        ## Tolerances (Exception Triggers)

        - Scope: if more than 3 files change, stop and escalate.

        ## Risks

        - Risk: the sandbox leaks.
          Severity: low
          Likelihood: low
          Mitigation: delete it afterwards.

        ## Progress

        - [ ] Write the probe.
        - [ ] Read the results.

        ## Surprises & Discoveries

        - Observation: none yet.
          Evidence: the first run.
          Impact: none.

        ## Decision Log

        - Decision: one probe plan.
          Rationale: small and enough.
          Date/Author: 2025-10-01 / Dana

        ## Outcomes & Retrospective

        Nothing to report yet.

        ## Context and Orientation
        The probe lives in a temporary folder.

        ## Plan of Work

        Write the configuration, run every front end, compare.

        ## Concrete Steps

        Run:

            dotnet test

        ## Validation and Acceptance

        Run `dotnet test` and expect `Passed!`.

        ## Idempotence and Recovery

        Every step can be repeated.

        ## Artifacts and Notes

            Passed!

        ## Interfaces and Dependencies

        None.

        """;

    private static readonly string[] ProbeIds = ["EXP000", "EXP010", "EXP052"];
    private static readonly string[] FixableProbeIds = ["EXP010", "EXP052"];

    private readonly string _root = Directory.CreateTempSubdirectory("execplan-matrix-").FullName;

    public SettingsMatrixTests() => MSBuildRegistration.Ensure();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A configuration and what every front end must report for the probe (ID severity line, sorted).</summary>
    public sealed record Row(
        string Name,
        string[] Expected,
        string? EditorConfig = null,
        string? RootGlobalConfig = null,
        string? FolderGlobalConfig = null,
        string? Preset = null,
        bool Inline = true,
        long? MaxSize = null)
    {
        public override string ToString() => Name;
    }

    private const string Md = "root = true\n\n[*.md]\n";

    public static TheoryData<Row> Rows() => new()
    {
        new Row("defaults", ["EXP010 warning 1", "EXP052 warning 47"]),
        new Row("editorconfig none", ["EXP052 warning 47"], EditorConfig: Md + "dotnet_diagnostic.EXP010.severity = none\n"),
        new Row("editorconfig suggestion", ["EXP010 suggestion 1", "EXP052 warning 47"], EditorConfig: Md + "dotnet_diagnostic.EXP010.severity = suggestion\n"),
        new Row("editorconfig error", ["EXP010 error 1", "EXP052 warning 47"], EditorConfig: Md + "dotnet_diagnostic.EXP010.severity = error\n"),
        new Row("globalconfig above", ["EXP010 error 1", "EXP052 none 47"],
            RootGlobalConfig: "is_global = true\ndotnet_diagnostic.EXP010.severity = error\ndotnet_diagnostic.EXP052.severity = none\n"),
        new Row("editorconfig beats globalconfig", ["EXP010 suggestion 1", "EXP052 none 47"],
            EditorConfig: Md + "dotnet_diagnostic.EXP010.severity = suggestion\n",
            RootGlobalConfig: "is_global = true\ndotnet_diagnostic.EXP010.severity = error\ndotnet_diagnostic.EXP052.severity = none\n"),
        new Row("higher global_level wins", ["EXP010 error 1", "EXP052 warning 47"],
            RootGlobalConfig: "is_global = true\nglobal_level = 200\ndotnet_diagnostic.EXP010.severity = error\n",
            FolderGlobalConfig: "is_global = true\ndotnet_diagnostic.EXP010.severity = none\n"),
        new Row("equal global_level drops the key", ["EXP010 warning 1", "EXP052 warning 47"],
            RootGlobalConfig: "is_global = true\ndotnet_diagnostic.EXP010.severity = error\n",
            FolderGlobalConfig: "is_global = true\ndotnet_diagnostic.EXP010.severity = none\n"),
        new Row("category key", ["EXP010 error 1", "EXP052 error 47"], EditorConfig: Md + "dotnet_analyzer_diagnostic.category-ExecPlan.severity = error\n"),
        new Row("preset strict", ["EXP010 error 1", "EXP052 error 47"], Preset: "strict"),
        new Row("preset strict under editorconfig", ["EXP052 error 47"], EditorConfig: Md + "dotnet_diagnostic.EXP010.severity = none\n", Preset: "strict"),
        new Row("preset minimal under a user's globalconfig", ["EXP010 suggestion 1", "EXP052 error 47"],
            RootGlobalConfig: "is_global = true\ndotnet_diagnostic.EXP052.severity = error\n", Preset: "minimal"),
        new Row("execplan_profile classic", ["EXP052 warning 47"], EditorConfig: Md + "execplan_profile = classic\n"),
        new Row("execplan_plan false", [], EditorConfig: Md + "execplan_plan = false\ndotnet_diagnostic.EXP010.severity = error\n"),
        new Row("inline suppressions off", ["EXP010 warning 1", "EXP052 warning 12", "EXP052 warning 47"], Inline: false),
        new Row("max size", ["EXP000 error 1"], MaxSize: 100),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Task_analyzer_check_and_fix_agree(Row row)
    {
        var plan = Arrange(row);
        var expected = row.Expected.Where(e => !e.Contains(" none ", StringComparison.Ordinal)).OrderBy(e => e, StringComparer.Ordinal).ToList();

        Assert.Equal(expected, RunTask(row, plan));
        Assert.Equal(expected, RunAnalyzer(row, plan));
        if (row.Preset is null)
        {
            // The CLI has no ExecPlanAnalysisMode: a preset is an MSBuild property.
            Assert.Equal(expected, RunCheck(row));
            if (row.Inline && row.MaxSize is null)
            {
                // fix has no --no-inline-config or --max-file-size; its rules are check's rules.
                var reported = expected.Select(e => e.Split(' ')[0]).Where(FixableProbeIds.Contains).Distinct().ToList();
                Assert.Equal(reported, RunFix());
            }
        }
    }

    private string Arrange(Row row)
    {
        var docs = Directory.CreateDirectory(Path.Combine(_root, "repo", "docs")).FullName;
        var plan = Path.Combine(docs, "plan.md");
        File.WriteAllText(plan, Probe);
        WriteIf(Path.Combine(_root, "repo", ".editorconfig"), row.EditorConfig);
        WriteIf(Path.Combine(_root, "repo", ".globalconfig"), row.RootGlobalConfig);
        WriteIf(Path.Combine(docs, ".globalconfig"), row.FolderGlobalConfig);
        if (row.Preset is not null)
        {
            // What the package ships (a test keeps build/config equal to this text).
            WriteIf(Path.Combine(_root, "ExecPlan." + row.Preset + ".globalconfig"), SeverityPresets.GlobalConfig(row.Preset));
        }

        return plan;
    }

    private static void WriteIf(string path, string? text)
    {
        if (text is not null)
        {
            File.WriteAllText(path, text);
        }
    }

    // What the targets pass: the preset (GlobalAnalyzerConfigFiles), then every .globalconfig above the project (repo/docs).
    private List<string> GlobalConfigs(Row row)
    {
        var list = new List<string>();
        if (row.Preset is not null)
        {
            list.Add(Path.Combine(_root, "ExecPlan." + row.Preset + ".globalconfig"));
        }

        list.AddRange(new[] { Path.Combine(_root, "repo", "docs", ".globalconfig"), Path.Combine(_root, "repo", ".globalconfig") }.Where(File.Exists));
        return list;
    }

    private List<string> RunTask(Row row, string plan)
    {
        var engine = new RecordingEngine();
        var task = new ValidateExecPlans
        {
            BuildEngine = engine,
            Files = [new TaskItem(plan)], // no metadata: the sniff and execplan_plan decide
            GlobalConfigFiles = GlobalConfigs(row).Select(p => (ITaskItem)new TaskItem(p)).ToArray(),
            InlineSuppressions = row.Inline,
            MaxFileSize = row.MaxSize?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CacheFile = Path.Combine(_root, "obj", "execplan.cache"),
        };
        task.Execute();
        return engine.Findings.Where(f => ProbeIds.Contains(f.Split(' ')[0])).OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    private List<string> RunAnalyzer(Row row, string plan)
    {
        // The analyzer-preparing task, as in a design-time build.
        var prepare = new PrepareExecPlanAnalyzerInputs
        {
            BuildEngine = new RecordingEngine(),
            Files = [new TaskItem(plan)],
            GlobalConfigFiles = GlobalConfigs(row).Select(p => (ITaskItem)new TaskItem(p)).ToArray(),
        };
        Assert.True(prepare.Execute());
        var item = Assert.Single(prepare.AnnotatedFiles);

        // Roslyn's own view of the file's configuration keys (the .editorconfig and the global configs).
        var configs = new List<AnalyzerConfig>();
        var editorConfig = Path.Combine(_root, "repo", ".editorconfig");
        if (File.Exists(editorConfig))
        {
            configs.Add(AnalyzerConfig.Parse(File.ReadAllText(editorConfig), editorConfig));
        }

        configs.AddRange(GlobalConfigs(row).Select(p => AnalyzerConfig.Parse(File.ReadAllText(p), p)));
        var fileOptions = new Dictionary<string, string>(AnalyzerConfigSet.Create(configs).GetOptionsForSourcePath(plan).AnalyzerOptions)
        {
            ["build_metadata.AdditionalFiles.ExecPlanIsPlan"] = item.GetMetadata("ExecPlanIsPlan"),
            ["build_metadata.AdditionalFiles.ExecPlanSeverities"] = item.GetMetadata("ExecPlanSeverities"),
        };
        var global = new Dictionary<string, string>
        {
            ["build_property.ExecPlanAnalyzerEnabled"] = "true",
            ["build_property.ExecPlanProfile"] = "auto",
            ["build_property.ExecPlanInlineSuppressions"] = row.Inline ? "true" : "false",
        };
        if (row.MaxSize is { } max)
        {
            global["build_property.ExecPlanMaxFileSize"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var diagnostics = AnalyzerHarness.RunAsync([(plan, Probe)], global, new Dictionary<string, IReadOnlyDictionary<string, string>> { [plan] = fileOptions })
            .GetAwaiter().GetResult();
        return diagnostics.Where(d => ProbeIds.Contains(d.Id))
            .Select(d => d.Id + " " + Severity(d.Severity) + " " + (d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "suggestion",
        _ => "silent",
    };

    private List<string> RunCheck(Row row)
    {
        var args = new List<string> { "check", "docs", "--format", "json" };
        if (!row.Inline)
        {
            args.Add("--no-inline-config");
        }

        if (row.MaxSize is { } max)
        {
            args.AddRange(["--max-file-size", max.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        var (_, stdout, _) = Cli(args);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        return json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => d.GetProperty("id").GetString() + " " + d.GetProperty("severity").GetString() + " " + d.GetProperty("line").GetInt32())
            .Where(f => ProbeIds.Contains(f.Split(' ')[0]))
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    private List<string> RunFix()
    {
        var (_, _, stderr) = Cli(["fix", "docs", "--dry-run"]);

        // "docs/plan.md: would fix EXP010 (1 edit), EXP052 (2 edits)"
        var line = stderr.Split('\n').FirstOrDefault(l => l.Contains(": would fix ", StringComparison.Ordinal));
        if (line is null)
        {
            return [];
        }

        return line.Substring(line.IndexOf(": would fix ", StringComparison.Ordinal) + 12).Split(", ")
            .Select(part => part.Split(' ')[0]).Where(FixableProbeIds.Contains).ToList();
    }

    private (int Exit, string StdOut, string StdErr) Cli(IEnumerable<string> args)
    {
        var testBin = Path.GetDirectoryName(typeof(SettingsMatrixTests).Assembly.Location)!;
        var configuration = new DirectoryInfo(testBin).Parent!.Name; // bin/<Configuration>/<tfm>
        var dll = Path.Combine(RepositoryRootAttribute.Get(), "src", "ExecPlan.Cli", "bin", configuration, "net10.0", "execplan.dll");
        Assert.True(File.Exists(dll), "build the CLI first: " + dll);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(_root, "repo"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(120)), "execplan did not finish");
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Records every finding the task logs as "ID severity line" (suggestions are messages with a code).</summary>
    private sealed class RecordingEngine : IBuildEngine
    {
        public List<string> Findings { get; } = new();

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "test.proj";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => Findings.Add(e.Code + " error " + e.LineNumber);

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
            if (!string.IsNullOrEmpty(e.Code))
            {
                Findings.Add(e.Code + " suggestion " + e.LineNumber);
            }
        }

        public void LogWarningEvent(BuildWarningEventArgs e) => Findings.Add(e.Code + " warning " + e.LineNumber);
    }
}
