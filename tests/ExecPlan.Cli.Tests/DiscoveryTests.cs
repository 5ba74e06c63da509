namespace ExecPlan.Cli.Tests;

using System;
using System.IO;
using System.Linq;

/// <summary>
/// <c>execplan check</c> in a repository that is not .NET: which Markdown files are plans (the
/// build's rule: declares itself, or an <c>execplan_plan</c> .editorconfig key), <c>--list</c>,
/// no PATH, <c>--only-plans</c> for hooks, and the repository root found per file.
/// </summary>
public sealed class DiscoveryTests : IDisposable
{
    private readonly TempDir _dir = new();

    public DiscoveryTests()
    {
        // A throwaway Node repository: README, CHANGELOG, notes, one good and one broken plan.
        _dir.Write(".git/HEAD", "ref: refs/heads/main\n");
        _dir.Write("package.json", "{ \"name\": \"demo\" }\n");
        _dir.Write("README.md", "# Demo\n\nSee the ExecPlan in docs/plans.\n");
        _dir.Write("CHANGELOG.md", "# Changelog\n\n- first living document release\n");
        _dir.Write("notes.md", "# Notes\n\nThings to remember.\n");
        _dir.Write("docs/plans/good.md", Plans.Complete);
        _dir.Write("docs/plans/broken.md", Plans.Declared);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Check_with_no_path_and_check_dot_report_only_the_broken_plan()
    {
        foreach (var args in new[] { new[] { "check" }, new[] { "check", "." } })
        {
            var result = _dir.Run(args);

            Assert.Equal(1, result.ExitCode);
            Assert.NotEmpty(result.OutLines);
            Assert.All(result.OutLines, l => Assert.StartsWith(Path.Combine("docs", "plans", "broken.md") + "(", l, StringComparison.Ordinal));
            Assert.StartsWith("2 files checked: ", result.StdErr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void List_explains_which_files_are_plans_and_validates_nothing()
    {
        var result = _dir.Run("check", "--list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.StartsWith("plan     " + Path.Combine("docs", "plans", "good.md") + "  (declares itself", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("skipped  README.md  (README.md is a well-known repository document", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("skipped  notes.md  (does not declare itself", StringComparison.Ordinal));
        Assert.DoesNotContain(result.OutLines, l => l.Contains("EXP0", StringComparison.Ordinal));
        Assert.StartsWith("2 plans among 5 candidates", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_editorconfig_key_marks_and_unmarks_plans_like_in_the_build()
    {
        _dir.Write(".editorconfig", "root = true\n\n[notes.md]\nexecplan_plan = true\n\n[docs/plans/broken.md]\nexecplan_plan = false\n");

        var result = _dir.Run("check", "--list");

        Assert.Contains(result.OutLines, l => l.StartsWith("plan     notes.md  (marked by .editorconfig", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("skipped  " + Path.Combine("docs", "plans", "broken.md") + "  (opted out by .editorconfig", StringComparison.Ordinal));
    }

    [Fact]
    public void Explicit_files_are_always_checked_unless_only_plans_is_given()
    {
        Assert.Contains(_dir.Run("check", "README.md").OutLines, l => l.StartsWith("README.md(", StringComparison.Ordinal));

        var hook = _dir.Run("check", "--only-plans", "README.md", "notes.md", "docs/plans/good.md");
        Assert.Equal(0, hook.ExitCode);
        Assert.StartsWith("1 file checked: 0 errors", hook.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_from_outside_the_repository_the_root_is_found_from_the_file()
    {
        // EXP008 (a PLANS.md at the root) and EXP044 (paths in the repository) need the
        // repository root, found from the plan's folder even when run from the filesystem root.
        _dir.Write("PLANS.md", "# How we write plans\n");
        _dir.Write("src/real.cs", "class C { }\n");
        _dir.Write("docs/plans/broken.md", Plans.Declared + "\nEdit `src/missing/file.cs` beside `src/real.cs`.\n");

        var result = CliRunner.Run("/", "check", Path.Combine(_dir.Path, "docs", "plans", "broken.md"));

        Assert.Contains(result.OutLines, l => l.Contains(" EXP008: ", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.Contains(" EXP044: Referenced path does not exist: 'src/missing/file.cs'", StringComparison.Ordinal));
        Assert.DoesNotContain(result.OutLines, l => l.Contains("'src/real.cs'", StringComparison.Ordinal));
    }
}
