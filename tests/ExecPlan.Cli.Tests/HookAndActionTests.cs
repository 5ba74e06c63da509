namespace ExecPlan.Cli.Tests;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

/// <summary>
/// The two ways non-.NET teams wire a linter in, run for real in a throwaway git repository: the
/// repository's pre-commit hook (the real <c>pre-commit</c>, which packs this repository and
/// installs the tool), and the GitHub Action's script (<c>build/action/run.sh</c>).
/// </summary>
public sealed class HookAndActionTests : IDisposable
{
    private const string Broken = "# Fix the importer\n\nThis ExecPlan is a living document.\n\nStatus: WIP\n";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Repository => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Metadata("ExecPlanCliProject"))!, "..", ".."));

    [SkippableFact]
    public void Pre_commit_hook_fails_on_the_broken_plan_and_passes_once_it_is_mended()
    {
        Skip.If(Which("pre-commit") is null, "pre-commit is not installed (Debian package 'pre-commit'; .ci/run installs it)");
        Skip.If(Which("git") is null, "git is not installed");
        var head = Run("git", ["rev-parse", "HEAD"], Repository);
        Skip.If(head.ExitCode != 0, "the repository has no commit to use as the hook's rev");

        var repo = Path.Combine(_dir.Path, "repo");
        Directory.CreateDirectory(repo);
        File.WriteAllText(Path.Combine(repo, "README.md"), "# Demo\n\nThis repository keeps its ExecPlans in docs/plans.\n");
        File.WriteAllText(Path.Combine(repo, "notes.md"), "# Notes\n");
        Directory.CreateDirectory(Path.Combine(repo, "docs", "plans"));
        File.WriteAllText(Path.Combine(repo, "docs", "plans", "good.md"), Plans.Complete);
        File.WriteAllText(Path.Combine(repo, "docs", "plans", "broken.md"), Broken);
        File.WriteAllText(Path.Combine(repo, ".pre-commit-config.yaml"),
            $"repos:\n  - repo: {Repository}\n    rev: {head.StdOut.Trim()}\n    hooks:\n      - id: execplan\n");
        Assert.Equal(0, Run("git", ["init", "-q"], repo).ExitCode);
        Assert.Equal(0, Run("git", ["add", "-A"], repo).ExitCode);

        var failing = Run("pre-commit", ["run", "--all-files"], repo);
        Assert.True(failing.ExitCode != 0, failing.ToString());
        Assert.Contains("broken.md(5,9,5,12): error EXP011", failing.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("README.md(", failing.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("good.md(", failing.StdOut, StringComparison.Ordinal);

        // The manual edit: the broken plan is rewritten in full.
        File.WriteAllText(Path.Combine(repo, "docs", "plans", "broken.md"), Plans.Complete);
        Assert.Equal(0, Run("git", ["add", "-A"], repo).ExitCode);
        var passing = Run("pre-commit", ["run", "--all-files"], repo);
        Assert.True(passing.ExitCode == 0, passing.ToString());
    }

    [SkippableFact]
    public void Action_script_annotates_writes_sarif_and_exits_with_the_checks_code()
    {
        Skip.If(Which("bash") is null, "bash is not installed");
        var feed = Path.Combine(_dir.Path, "feed");
        var pack = Run(CliRunner.DotnetHost(), ["pack", Metadata("ExecPlanCliProject"), "--no-build", "-c", Metadata("ExecPlanConfiguration"), "-o", feed,
            "-p:NuspecOutputPath=" + Path.Combine(_dir.Path, "nuspec")], _dir.Path);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var repo = Path.Combine(_dir.Path, "repo");
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        Directory.CreateDirectory(Path.Combine(repo, "docs", "plans"));
        File.WriteAllText(Path.Combine(repo, "README.md"), "# Demo\n");
        File.WriteAllText(Path.Combine(repo, "docs", "plans", "broken.md"), Broken);

        var result = Run("bash", [Path.Combine(Repository, "build", "action", "run.sh")], repo, new Dictionary<string, string>
        {
            ["EXECPLAN_FEED"] = feed,
            ["EXECPLAN_ACTION_PATH"] = Repository,
            ["GITHUB_OUTPUT"] = Path.Combine(_dir.Path, "github-output"),
            ["NUGET_PACKAGES"] = Path.Combine(_dir.Path, "packages"),
        });

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(result.OutLines, l => l.StartsWith("::error file=docs/plans/broken.md,line=5,", StringComparison.Ordinal) && l.Contains("EXP011", StringComparison.Ordinal));
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(Path.Combine(repo, "execplan.sarif")), StringComparison.Ordinal);
        Assert.Equal("exit-code=1\n", File.ReadAllText(Path.Combine(_dir.Path, "github-output")));
    }

    private static string Metadata(string key) =>
        typeof(HookAndActionTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static string? Which(string program) => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, program))
        .FirstOrDefault(File.Exists);

    // Pre-commit's cache stays inside the test folder; nested builds use the test run's dotnet.
    private CliResult Run(string fileName, IEnumerable<string> args, string directory, IDictionary<string, string>? environment = null) =>
        CliRunner.RunProcess(fileName, args, directory,
            new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["PRE_COMMIT_HOME"] = Path.Combine(_dir.Path, "pre-commit-home") },
            TimeSpan.FromMinutes(10), isolated: true);
}
