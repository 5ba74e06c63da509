namespace ExecPlan.Validation.Tests.Settings;

using System;
using System.IO;
using ExecPlan.Validation.Configuration;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Rules;
using ExecPlan.Validation.Settings;

/// <summary>
/// The shipped presets (<c>build/config/ExecPlan.{mode}.globalconfig</c>) are exactly what the
/// catalogue generates, and the resolver reads them as intended. Set EXECPLAN_UPDATE_GENERATED=1
/// to rewrite the files after a catalogue change.
/// </summary>
public sealed class SeverityPresetTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "execplan-presets-" + Guid.NewGuid().ToString("N")[..8]);

    public SeverityPresetTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("strict")]
    [InlineData("minimal")]
    public void Shipped_preset_is_generated_from_the_catalogue(string mode)
    {
        var path = Path.Combine(RepositoryPaths.Root, "build", "config", $"ExecPlan.{mode}.globalconfig");
        var expected = SeverityPresets.GlobalConfig(mode);
        if (Environment.GetEnvironmentVariable("EXECPLAN_UPDATE_GENERATED") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), path + " is missing; run the tests with EXECPLAN_UPDATE_GENERATED=1");
        Assert.Equal(expected, File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Strict_makes_every_rule_an_error_and_minimal_keeps_only_the_errors()
    {
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Equal(RuleSeverity.Error, SeverityPresets.SeverityIn("strict", rule));
            var minimal = SeverityPresets.SeverityIn("minimal", rule);
            Assert.Equal(rule.DefaultSeverity == RuleSeverity.Error, minimal == RuleSeverity.Error);
            Assert.True(minimal <= rule.DefaultSeverity, rule.Id + " is louder under minimal");
        }
    }

    [Fact]
    public void A_preset_is_read_by_the_resolver_and_a_users_editorconfig_still_wins()
    {
        var preset = Path.Combine(_dir, "ExecPlan.strict.globalconfig");
        File.WriteAllText(preset, SeverityPresets.GlobalConfig("strict"));
        File.WriteAllText(Path.Combine(_dir, ".editorconfig"), "root = true\n\n[*.md]\ndotnet_diagnostic.EXP052.severity = none\n");
        var plan = Path.Combine(_dir, "plan.md");

        var severities = new EditorConfigResolver([preset]).ResolveSeverities(plan);

        Assert.Equal(RuleSeverity.Error, severities["EXP006"]);
        Assert.Equal(RuleSeverity.Error, severities["EXP021"]);
        Assert.Equal(RuleSeverity.None, severities["EXP052"]);
    }
}

/// <summary>The repository checkout the tests run from (the folder holding ExecPlan.Build.sln).</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ExecPlan.Build.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("ExecPlan.Build.sln was not found above " + AppContext.BaseDirectory);
        }
    }
}
