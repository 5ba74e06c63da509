namespace ExecPlan.Cli.Tests;

using System;
using System.IO;
using System.Linq;

public sealed class NewCommandTests : IDisposable
{
    private static readonly string[] PlaceholderRules = ["EXP040", "EXP042", "EXP043"];

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("skill")]
    [InlineData("classic")]
    public void New_plan_checks_with_only_placeholder_findings(string profile)
    {
        var result = _dir.Run("new", "Add a /health probe!", "--profile", profile);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("add-a-health-probe.md", result.StdOut.Trim());
        var text = File.ReadAllText(Path.Combine(_dir.Path, "add-a-health-probe.md"));
        Assert.StartsWith("# Add a /health probe!\n\nThis ExecPlan is a living document.", text, StringComparison.Ordinal);
        Assert.Contains("\nStatus: DRAFT\n", text, StringComparison.Ordinal);

        var check = _dir.Run("check", "--profile", profile, "--format", "json", "add-a-health-probe.md");
        var ids = System.Text.Json.JsonDocument.Parse(check.StdOut).RootElement.GetProperty("diagnostics")
            .EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();
        Assert.Contains("EXP040", ids);
        Assert.All(ids, id => Assert.Contains(id, PlaceholderRules));
    }

    [Fact]
    public void New_plan_in_a_repository_with_PLANS_md_references_it()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, ".git"));
        _dir.Write(".agent/PLANS.md", "# How we write plans\n");
        var result = _dir.Run("new", "Health", "--output", "docs/plans/health.md");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("`.agent/PLANS.md`", File.ReadAllText(Path.Combine(_dir.Path, "docs", "plans", "health.md")), StringComparison.Ordinal);
        var check = _dir.Run("check", "docs/plans/health.md");
        // That PLANS.md has no skeleton: one EXP060 at it (the plan falls back to skill), and the
        // plan itself has only what the author must still write.
        Assert.Single(check.OutLines, line => line.StartsWith(Path.Combine(".agent", "PLANS.md") + "(", StringComparison.Ordinal) && line.Contains(" EXP060: ", StringComparison.Ordinal));
        Assert.All(check.OutLines.Where(l => !l.Contains(" EXP060: ", StringComparison.Ordinal)),
            line => Assert.Contains(PlaceholderRules, id => line.Contains(" " + id + ": ", StringComparison.Ordinal)));
    }

    [Fact]
    public void New_refuses_to_overwrite_without_force()
    {
        var path = _dir.Write("plan.md", "mine\n");

        var refused = _dir.Run("new", "T", "-o", "plan.md");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.StdErr, StringComparison.Ordinal);
        Assert.Equal("mine\n", File.ReadAllText(path));

        var forced = _dir.Run("new", "T", "-o", "plan.md", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.StartsWith("# T\n", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void New_writes_into_a_folder_or_to_stdout()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "plans"));
        Assert.Equal(0, _dir.Run("new", "Ünïcode  title", "-o", "plans").ExitCode);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "plans", "ünïcode-title.md")));

        var printed = _dir.Run("new", "T", "--output=-");
        Assert.Equal(0, printed.ExitCode);
        Assert.StartsWith("# T\n", printed.StdOut, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir.Path)); // "-" wrote nothing to disk
    }

    [Theory]
    [InlineData("new")]
    [InlineData("new|A|B")]
    [InlineData("new|T|--profile|odd")]
    [InlineData("new|T|--bogus")]
    public void New_usage_errors_exit_with_2(string commandLine)
    {
        var result = _dir.Run(commandLine.Split('|'));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("execplan new --help", result.StdErr, StringComparison.Ordinal);
    }
}
