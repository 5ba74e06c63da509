namespace ExecPlan.Build.Tests;

using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ExecPlan.Build.Tasks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// The task in process against hostile files: a FIFO plan used to block the build in open(2)
/// forever, a link to /dev/zero was read for 30 s and 4 GB, a truncated cache made the next
/// builds report nothing. Each run is under a watchdog so a regression fails instead of hanging.
/// </summary>
public sealed class HostileInputTaskTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("execplan-task-hostile-").FullName;

    public HostileInputTaskTests() => MSBuildRegistration.Ensure();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_FIFO_and_a_device_each_get_one_EXP000_and_the_good_plan_is_still_validated()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // FIFOs and /dev are not files there.
        }

        var good = Write("good.md", "# Title only\n");
        var fifo = Path.Combine(_dir, "p.md");
        using (var mk = Process.Start("mkfifo", fifo))
        {
            mk.WaitForExit();
        }

        var device = Path.Combine(_dir, "z.md");
        File.CreateSymbolicLink(device, "/dev/zero");
        MakeFifoEditorConfig();

        var (ok, engine, elapsed) = RunTask(null, good, fifo, device);

        Assert.False(ok);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), "took " + elapsed);
        Assert.Single(engine.Errors, e => e.File == fifo && e.Code == "EXP000" && (e.Message ?? string.Empty).Contains("not a regular file", StringComparison.Ordinal));
        Assert.Single(engine.Errors, e => e.File == device && e.Code == "EXP000" && (e.Message ?? string.Empty).Contains("device", StringComparison.Ordinal));
        Assert.Contains(engine.Errors, e => e.File == good && e.Code == "EXP001");
        Assert.DoesNotContain(engine.Errors, e => (e.Message ?? string.Empty).Contains("unexpectedly", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)] // the header only
    [InlineData(1)] // half the body: the plan's entry, part of its findings
    [InlineData(2)] // all but the last byte
    public void A_cache_cut_short_is_ignored_and_the_findings_still_come(int cutAt)
    {
        var plan = Write("plan.md", "# Title only\n");
        var cache = Path.Combine(_dir, "obj", "execplan.cache");
        var first = RunTask(cache, plan);
        Assert.False(first.Ok);
        var expected = first.Engine.Errors.Select(e => e.Code + " " + e.LineNumber + " " + e.Message).ToList();
        Assert.NotEmpty(expected);

        var bytes = File.ReadAllBytes(cache);
        const int header = 48;
        Assert.True(bytes.Length > header + 2);
        var keep = cutAt switch { 0 => header, 1 => header + ((bytes.Length - header) / 2), _ => bytes.Length - 1 };
        File.WriteAllBytes(cache, bytes[..keep]);

        var second = RunTask(cache, plan);
        Assert.False(second.Ok); // before: "Build succeeded", with nothing reported
        Assert.Equal(expected, second.Engine.Errors.Select(e => e.Code + " " + e.LineNumber + " " + e.Message).ToList());

        // The rewritten cache verifies and serves the next build.
        var third = RunTask(cache, plan);
        Assert.Equal(expected, third.Engine.Errors.Select(e => e.Code + " " + e.LineNumber + " " + e.Message).ToList());
        Assert.Contains(third.Engine.Messages, m => m.Contains("1 reused from cache", StringComparison.Ordinal));
    }

    [Fact]
    public void An_altered_cache_body_is_ignored()
    {
        var plan = Write("plan.md", "# Title only\n");
        var cache = Path.Combine(_dir, "execplan.cache");
        var expected = RunTask(cache, plan).Engine.Errors.Count;
        var bytes = File.ReadAllBytes(cache);
        var at = System.Text.Encoding.ASCII.GetString(bytes).LastIndexOf("EXP001", StringComparison.Ordinal);
        Assert.True(at > 0);
        bytes[at + 5] = (byte)'9';
        File.WriteAllBytes(cache, bytes);

        Assert.Equal(expected, RunTask(cache, plan).Engine.Errors.Count(e => e.Code == "EXP001"));
    }

    [Fact]
    public void A_cache_that_cannot_be_written_leaves_no_tmp_files()
    {
        var plan = Write("plan.md", "# Title only\n");
        var cache = Path.Combine(_dir, "cache-is-a-folder");
        Directory.CreateDirectory(cache);

        var result = RunTask(cache, plan);

        Assert.Contains(result.Engine.Errors, e => e.Code == "EXP001");
        Assert.Contains(result.Engine.Messages, m => m.Contains("could not write the cache file", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    private void MakeFifoEditorConfig()
    {
        using var mk = Process.Start("mkfifo", Path.Combine(_dir, ".editorconfig"));
        mk.WaitForExit();
    }

    internal string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Under_auto_the_task_follows_the_PLANS_md_and_its_cache_key_holds_the_derived_profile()
    {
        Directory.CreateDirectory(Path.Combine(_dir, ".agent"));
        var plansMd = Write(Path.Combine(".agent", "PLANS.md"), "# Plans\n\n## Skeleton\n\n    # <Title>\n\n    ## Goal\n\n    ## Milestones\n");
        var plan = Write("plan.md", "# Export\n\nAn ExecPlan.\n\n## Goal\n\nShip it.\n");
        var cache = Path.Combine(_dir, "execplan.cache");
        (bool, FakeEngine) Run()
        {
            var engine = new FakeEngine();
            var task = new ValidateExecPlans
            {
                BuildEngine = engine,
                Files = [new TaskItem(plan, new Dictionary<string, string> { ["ExecPlan"] = "true" })],
                RepositoryRoot = _dir,
                PlansFile = plansMd,
                CacheFile = cache,
            };
            return (task.Execute(), engine);
        }

        var (_, first) = Run();
        var missing = Assert.Single(first.Errors, e => e.Code == "EXP001");
        Assert.StartsWith("Mandatory living section is missing: `Milestones` is required by `.agent/PLANS.md` (line 9)", missing.Message, StringComparison.Ordinal);

        // Editing PLANS.md changes the derived profile: the cached result is not reused.
        File.WriteAllText(plansMd, "# Plans\n\n## Skeleton\n\n    # <Title>\n\n    ## Goal\n\n    ## Rollout\n");
        var (_, second) = Run();
        Assert.Contains("`Rollout`", Assert.Single(second.Errors, e => e.Code == "EXP001").Message, StringComparison.Ordinal);

        // A PLANS.md without a skeleton: one EXP060 at it, plans checked as skill.
        File.WriteAllText(plansMd, "# Plans\n\nBe brief.\n");
        var (_, third) = Run();
        Assert.Single(third.Messages, m => m.Contains("cannot be read as a plan skeleton", StringComparison.Ordinal));
        Assert.Contains(third.Errors, e => e.Code == "EXP001" && (e.Message ?? string.Empty).Contains("Constraints", StringComparison.Ordinal));
    }

    internal (bool Ok, FakeEngine Engine, TimeSpan Elapsed) RunTask(string? cacheFile, params string[] plans)
    {
        var engine = new FakeEngine();
        var task = new ValidateExecPlans
        {
            BuildEngine = engine,
            Files = plans.Select(p => (ITaskItem)new TaskItem(p, new Dictionary<string, string> { ["ExecPlan"] = "true" })).ToArray(),
            CacheFile = cacheFile,
        };
        var watch = Stopwatch.StartNew();
        var run = System.Threading.Tasks.Task.Run(task.Execute);
        Assert.True(run.Wait(TimeSpan.FromSeconds(60)), "the task blocked for 60 s");
        return (run.Result, engine, watch.Elapsed);
    }
}

/// <summary>A build engine that records what the task logs.</summary>
internal sealed class FakeEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = new();

    public List<BuildWarningEventArgs> Warnings { get; } = new();

    public List<string> Messages { get; } = new();

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.proj";

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message ?? string.Empty);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
}
