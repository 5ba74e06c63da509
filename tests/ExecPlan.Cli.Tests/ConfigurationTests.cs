namespace ExecPlan.Cli.Tests;

using System;
using System.Linq;

/// <summary>The CLI reads the same configuration as the MSBuild task: .editorconfig severities
/// above each plan, an execplan_profile key, and in-plan suppression comments.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static int Count(CliResult result, string fragment) => result.OutLines.Count(l => l.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public void EditorConfig_severity_applies_to_the_plan_and_the_command_line_wins()
    {
        _dir.Write("plans/plan.md", Plans.TitleOnly);
        _dir.Write(".editorconfig", "root = true\n\n[*.md]\ndotnet_diagnostic.EXP001.severity = warning\n");

        var configured = _dir.Run("check", "plans/plan.md");
        Assert.Equal(7, Count(configured, ": warning EXP001: "));

        var overridden = _dir.Run("check", "--severity", "EXP001=none", "plans/plan.md");
        Assert.Equal(0, Count(overridden, "EXP001"));

        var ignored = _dir.Run("check", "--no-editorconfig", "plans/plan.md");
        Assert.Equal(7, Count(ignored, ": error EXP001: "));
    }

    [Fact]
    public void EditorConfig_can_choose_the_profile_per_folder()
    {
        _dir.Write("old/plan.md", Plans.TitleOnly);
        _dir.Write("new/plan.md", Plans.TitleOnly);
        _dir.Write("old/.editorconfig", "[*.md]\nexecplan_profile = classic\n");

        var result = _dir.Run("check", "old/plan.md", "new/plan.md");

        Assert.Equal(4, result.OutLines.Count(l => l.StartsWith("old/plan.md", StringComparison.Ordinal) && l.Contains(" EXP001: ", StringComparison.Ordinal)));
        Assert.Equal(7, result.OutLines.Count(l => l.StartsWith("new/plan.md", StringComparison.Ordinal) && l.Contains(" EXP001: ", StringComparison.Ordinal)));
        var forced = _dir.Run("check", "--profile", "skill", "old/plan.md");
        Assert.Equal(7, Count(forced, " EXP001: "));
    }

    [Fact]
    public void Suppression_comments_apply_unless_inline_config_is_off()
    {
        _dir.Write("plan.md", "<!-- execplan-disable-file EXP001 EXP002 -->\n" + Plans.TitleOnly);

        Assert.Equal(0, Count(_dir.Run("check", "plan.md"), " EXP001: "));
        Assert.Equal(7, Count(_dir.Run("check", "--no-inline-config", "plan.md"), " EXP001: "));
    }
}
