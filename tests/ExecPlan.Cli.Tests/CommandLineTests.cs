namespace ExecPlan.Cli.Tests;

using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempDir _dir = new();

    public CommandLineTests() => _dir.Write("plan.md", Plans.TitleOnly);

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("check|--bogus|plan.md")]
    [InlineData("check|--profile|fancy|plan.md")]
    [InlineData("check|plan.md|--profile")]
    [InlineData("check|--format|xml|plan.md")]
    [InlineData("check|--severity|EXP999=none|plan.md")]
    [InlineData("check|--severity|EXP001=loud|plan.md")]
    [InlineData("check|--severity|EXP001|plan.md")]
    [InlineData("check|--max-file-size|lots|plan.md")]
    [InlineData("check|--repo-root|no/such/dir|plan.md")]
    [InlineData("frobnicate")]
    [InlineData("--bogus")]
    [InlineData("rules|extra")]
    public void Usage_errors_exit_with_2_and_print_nothing_on_stdout(string commandLine)
    {
        var args = Split(commandLine);
        var result = _dir.Run(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.StdOut);
        Assert.False(string.IsNullOrWhiteSpace(result.StdErr));
        if (args.Length > 0)
        {
            Assert.StartsWith("execplan: error: ", result.StdErr, StringComparison.Ordinal);
            Assert.Equal(2, result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
    }

    [Theory]
    [InlineData("--help", "execplan check [options] PATH...")]
    [InlineData("-h", "execplan rules")]
    [InlineData("check|--help", "--profile auto|skill|classic")]
    [InlineData("check|-h|--format|json", "Exit codes:")]
    [InlineData("rules|--help", "Usage: execplan rules")]
    public void Help_exits_with_0_and_prints_usage(string commandLine, string expected)
    {
        var args = Split(commandLine);
        var result = _dir.Run(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.StdOut, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StdErr);
    }

    [Fact]
    public void Fix_help_lists_exactly_the_rules_that_carry_a_fix()
    {
        var result = _dir.Run("fix", "--help");
        var repairs = result.StdOut.Split("Options:")[0];
        var listed = Regex.Matches(repairs, @"(?m)^\s+(EXP\d{3})\b").Select(m => m.Groups[1].Value).OrderBy(id => id, StringComparer.Ordinal);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ExecPlan.Validation.Fixes.PlanFixer.FixableRules.OrderBy(id => id, StringComparer.Ordinal), listed);
    }

    [Fact]
    public void Version_prints_the_informational_version()
    {
        var result = _dir.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+\S*\n$"), result.StdOut);
    }

    [Fact]
    public void Rules_lists_every_rule_with_default_severity_and_title()
    {
        var result = _dir.Run("rules");

        Assert.Equal(0, result.ExitCode);
        var rows = result.OutLines.Where(l => l.StartsWith("EXP", StringComparison.Ordinal)).ToArray();
        Assert.Equal(ExecPlan.Validation.Rules.RuleCatalog.All.Count, rows.Length);
        Assert.Contains(rows, r => r.StartsWith("EXP009", StringComparison.Ordinal));
        Assert.Equal("EXP000", rows[0][..6]);
        Assert.Equal(ExecPlan.Validation.Rules.RuleCatalog.All[^1].Id, rows[^1][..6]);
        Assert.Matches(new Regex(@"^EXP001\s+error\s+\S.*$"), rows[1]);
        Assert.Matches(new Regex(@"^EXP006\s+suggestion\s+\S.*$"), rows.Single(r => r.StartsWith("EXP006", StringComparison.Ordinal)));
    }

    [Fact]
    public void Double_dash_ends_options()
    {
        _dir.Write("-odd.md", Plans.TitleOnly);

        var result = _dir.Run("check", "--", "-odd.md");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.StartsWith("-odd.md(1,3,1,10): error EXP001: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Repo_root_option_is_accepted()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "repo"));

        var result = _dir.Run("check", "--repo-root", "repo", "plan.md");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("1 file checked", result.StdErr, StringComparison.Ordinal);
    }

    /// <summary>Arguments are written '|'-separated in InlineData.</summary>
    private static string[] Split(string commandLine) => commandLine.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
