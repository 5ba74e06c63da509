namespace ExecPlan.Cli.Tests;

using System;
using System.IO;
using System.Linq;

/// <summary>
/// <c>execplan check</c> under the default <c>auto</c> profile in repositories with their own
/// PLANS.md: the derived skeleton decides which sections are required, messages cite PLANS.md's
/// lines, a PLANS.md without a skeleton gives one EXP060, and <c>--plans-file</c>,
/// <c>execplan_plans_file</c> and an explicit <c>--profile skill</c> override discovery.
/// </summary>
public sealed class PlansFileTests : IDisposable
{
    // Line 9 is "## Milestones"; line 6 the living-document sentence.
    private const string PlansMd = """
        # How this team plans

        ## Skeleton

            # <Short title>

            This ExecPlan is a living document. The sections `Progress` and `Decision Log` must be kept up to date as work proceeds.

            ## Why this matters

            ## Milestones

            ## Progress

            ## Decision Log

        Every plan must include these sections.

        """;

    private const string Plan = """
        # Add the export button

        This ExecPlan is a living document, maintained in accordance with `.agent/PLANS.md`. The sections `Progress` and `Decision Log` are kept up to date.

        ## Why this matters

        Users asked for it.

        ## Milestones

        One: the button exists.

        ## Progress

        - [ ] (2025-10-01 13:00Z) Add the button.

        ## Decision Log

        None yet.

        """;

    private readonly TempDir _dir = new();

    public PlansFileTests()
    {
        _dir.Write(".git/HEAD", "ref: refs/heads/main\n");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_plan_following_the_repositorys_PLANS_md_is_clean_under_auto()
    {
        _dir.Write(".agent/PLANS.md", PlansMd.Replace("\n            ", "\n    ", StringComparison.Ordinal));
        _dir.Write("docs/plans/export.md", Plan);

        var result = _dir.Run("check", "docs/plans/export.md");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(result.OutLines, l => l.Contains("EXP00", StringComparison.Ordinal));

        // The same plan under the skill profile is asked for the skill's sections.
        var skill = _dir.Run("check", "docs/plans/export.md", "--profile", "skill");
        Assert.Contains(skill.OutLines, l => l.Contains("EXP001", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(".agent/PLANS.md")]
    [InlineData(".agents/PLANS.md")]
    [InlineData("PLANS.md")]
    [InlineData("docs/PLANS.md")]
    public void Removing_a_section_PLANS_md_requires_names_it_and_the_line(string where)
    {
        _dir.Write(where, PlansMd);
        _dir.Write("docs/plans/export.md", Plan.Replace("## Milestones\n\nOne: the button exists.\n\n", string.Empty, StringComparison.Ordinal));

        var result = _dir.Run("check", "docs/plans/export.md");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.OutLines, l => l.Contains("EXP001", StringComparison.Ordinal));
        Assert.Contains($"`Milestones` is required by `{where}` (line 11)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PLANS_md_without_a_skeleton_gives_one_EXP060_and_plans_fall_back_to_skill()
    {
        _dir.Write(".agent/PLANS.md", "# Planning\n\nWrite a plan before large changes.\n");
        _dir.Write("docs/plans/a.md", Plan);
        _dir.Write("docs/plans/b.md", Plan);

        var result = _dir.Run("check", "docs/plans");

        var exp060 = Assert.Single(result.OutLines, l => l.Contains("EXP060", StringComparison.Ordinal));
        Assert.StartsWith(Path.Combine(".agent", "PLANS.md") + "(1,1,1,1): info EXP060:", exp060, StringComparison.Ordinal);
        Assert.Contains(result.OutLines, l => l.Contains("EXP001", StringComparison.Ordinal) && l.Contains("Constraints", StringComparison.Ordinal));
    }

    [Fact]
    public void Plans_file_option_and_editorconfig_key_name_a_PLANS_md_elsewhere()
    {
        _dir.Write("handbook/planning.md", PlansMd);
        _dir.Write("docs/plans/export.md", Plan.Replace("## Milestones\n\nOne: the button exists.\n\n", string.Empty, StringComparison.Ordinal));

        var option = _dir.Run("check", "docs/plans/export.md", "--plans-file", "handbook/planning.md");
        Assert.Contains(option.OutLines, l => l.Contains("`Milestones` is required by `handbook/planning.md` (line 11)", StringComparison.Ordinal));

        _dir.Write(".editorconfig", "root = true\n\n[*.md]\nexecplan_plans_file = handbook/planning.md\n");
        var key = _dir.Run("check", "docs/plans/export.md");
        Assert.Contains(key.OutLines, l => l.Contains("`Milestones` is required by `handbook/planning.md` (line 11)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_repository_without_PLANS_md_behaves_as_skill()
    {
        _dir.Write("docs/plans/export.md", Plan);
        var auto = _dir.Run("check", "docs/plans/export.md");
        var skill = _dir.Run("check", "docs/plans/export.md", "--profile", "skill");
        Assert.Equal(skill.StdOut, auto.StdOut);
        Assert.Equal(skill.ExitCode, auto.ExitCode);
    }

    [Fact]
    public void Profile_prints_each_fact_with_its_PLANS_md_line()
    {
        _dir.Write(".agent/PLANS.md", PlansMd);

        var result = _dir.Run("profile");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("profile: derived from .agent/PLANS.md (indented skeleton, line 5)", result.StdOut, StringComparison.Ordinal);
        Assert.Contains(result.OutLines, l => l.Contains("Milestones", StringComparison.Ordinal) && l.EndsWith("line 11", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.Contains("Progress", StringComparison.Ordinal) && l.Contains("living (line 7)", StringComparison.Ordinal));
        Assert.Contains("notice:  required (line 7)", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_without_PLANS_md_or_skeleton_says_skill_and_why()
    {
        Assert.StartsWith("profile: skill (no PLANS.md in", _dir.Run("profile").StdOut, StringComparison.Ordinal);
        _dir.Write("PLANS.md", "# Plans\n\nKeep them short.\n");
        Assert.Contains("has no readable plan skeleton, EXP060 line 1", _dir.Run("profile", ".").StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void New_in_a_repository_with_a_PLANS_md_skeleton_scaffolds_from_it()
    {
        _dir.Write(".agent/PLANS.md", PlansMd);

        var result = _dir.Run("new", "Export", "--output", "docs/plans/export.md");

        Assert.True(result.ExitCode == 0, result.ToString());
        var text = File.ReadAllText(Path.Combine(_dir.Path, "docs", "plans", "export.md"));
        Assert.Equal(["## Why this matters", "## Milestones", "## Progress", "## Decision Log"], text.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)));
        Assert.Contains("`.agent/PLANS.md`", text, StringComparison.Ordinal);
        var check = _dir.Run("check", "docs/plans/export.md");
        Assert.All(check.OutLines, l => Assert.Contains(" EXP040: ", l, StringComparison.Ordinal));
    }
}
