namespace ExecPlan.Validation.Tests.Settings;

using System;
using System.Collections.Generic;
using System.IO;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Settings;
using Xunit;

public sealed class SettingsResolverTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("execplan-settings-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Plan(string relative = "docs/plan.md")
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "# P\n");
        return path;
    }

    [Theory]
    [InlineData(PlanProfile.Auto, "classic", PlanProfile.Classic)]
    [InlineData(PlanProfile.Auto, null, PlanProfile.Auto)]
    [InlineData(PlanProfile.Skill, "classic", PlanProfile.Skill)]
    [InlineData(PlanProfile.Classic, "skill", PlanProfile.Classic)]
    public void A_named_profile_beats_execplan_profile_and_auto_defers_to_it(PlanProfile asked, string? key, PlanProfile expected)
    {
        var plan = Plan();
        if (key is not null)
        {
            File.WriteAllText(Path.Combine(_root, ".editorconfig"), "root = true\n[*.md]\nexecplan_profile = " + key + "\n");
        }

        var settings = new SettingsResolver(new SettingsRequest { Profile = asked }).SettingsFor(plan);

        Assert.Equal(expected, settings.Validation.Profile);
    }

    [Fact]
    public void Command_line_overrides_beat_editorconfig_which_beats_globalconfig()
    {
        var plan = Plan();
        File.WriteAllText(Path.Combine(_root, ".globalconfig"), "is_global = true\ndotnet_diagnostic.EXP010.severity = error\ndotnet_diagnostic.EXP052.severity = error\ndotnet_diagnostic.EXP021.severity = error\n");
        File.WriteAllText(Path.Combine(_root, ".editorconfig"), "root = true\n[*.md]\ndotnet_diagnostic.EXP010.severity = none\ndotnet_diagnostic.EXP052.severity = suggestion\n");
        var request = new SettingsRequest
        {
            DiscoverGlobalConfigs = true,
            Overrides = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase) { ["EXP052"] = RuleSeverity.Warning },
        };

        var severities = new SettingsResolver(request).SettingsFor(plan).Validation.SeverityOverrides;

        Assert.Equal(RuleSeverity.None, severities["EXP010"]);
        Assert.Equal(RuleSeverity.Warning, severities["EXP052"]);
        Assert.Equal(RuleSeverity.Error, severities["EXP021"]);
    }

    [Fact]
    public void Globalconfigs_are_found_above_the_plan_only_when_asked()
    {
        var plan = Plan("a/b/plan.md");
        File.WriteAllText(Path.Combine(_root, ".globalconfig"), "is_global = true\ndotnet_diagnostic.EXP010.severity = error\n");

        Assert.False(new SettingsResolver(new SettingsRequest()).SettingsFor(plan).Validation.SeverityOverrides.ContainsKey("EXP010"));
        Assert.Equal(RuleSeverity.Error, new SettingsResolver(new SettingsRequest { DiscoverGlobalConfigs = true }).SettingsFor(plan).Validation.SeverityOverrides["EXP010"]);
        Assert.Equal(RuleSeverity.Error, new SettingsResolver(new SettingsRequest { GlobalConfigFiles = [Path.Combine(_root, ".globalconfig")] }).SettingsFor(plan).Validation.SeverityOverrides["EXP010"]);
    }

    [Fact]
    public void The_fingerprint_changes_with_every_input_that_changes_a_verdict()
    {
        var plan = Plan();
        string Fingerprint(SettingsRequest request) => new SettingsResolver(request).SettingsFor(plan).Fingerprint;
        var baseline = Fingerprint(new SettingsRequest());

        Assert.Equal(baseline, Fingerprint(new SettingsRequest()));
        var variants = new[]
        {
            Fingerprint(new SettingsRequest { Profile = PlanProfile.Classic }),
            Fingerprint(new SettingsRequest { MaxFileSizeBytes = 10 }),
            Fingerprint(new SettingsRequest { UseInlineSuppressions = false }),
            Fingerprint(new SettingsRequest { RepositoryRoot = _root }),
            Fingerprint(new SettingsRequest { Overrides = new Dictionary<string, RuleSeverity> { ["EXP010"] = RuleSeverity.None } }),
        };
        Assert.Equal(variants.Length, new HashSet<string>(variants) { baseline }.Count - 1);

        File.WriteAllText(Path.Combine(_root, ".editorconfig"), "root = true\n[*.md]\ndotnet_diagnostic.EXP010.severity = none\n");
        Assert.NotEqual(baseline, Fingerprint(new SettingsRequest()));
    }

    [Fact]
    public void The_analyzer_path_composes_with_the_same_precedence()
    {
        var composed = SettingsResolver.Compose(
            new SettingsRequest { Overrides = new Dictionary<string, RuleSeverity> { ["EXP052"] = RuleSeverity.Error } },
            new Dictionary<string, RuleSeverity> { ["EXP010"] = RuleSeverity.None, ["EXP052"] = RuleSeverity.Suggestion },
            new Dictionary<string, string> { ["execplan_profile"] = "classic", ["execplan_plan"] = "false" },
            repository: null,
            plansProfile: null);

        Assert.Equal(PlanProfile.Classic, composed.Validation.Profile);
        Assert.Equal(RuleSeverity.None, composed.Validation.SeverityOverrides["EXP010"]);
        Assert.Equal(RuleSeverity.Error, composed.Validation.SeverityOverrides["EXP052"]);
        Assert.False(composed.PlanFlag);
        Assert.Null(composed.Validation.Repository);
    }
}
