namespace ExecPlan.Build.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Settings;

/// <summary>
/// The task resolves settings once per folder and set of matching .editorconfig sections: plans
/// that share them share one settings object, and a section naming one file (or a global-config
/// section naming its path) still gives that file its own answer. Also what the resolver reports
/// as the configuration a no-op build must watch.
/// </summary>
public sealed class SettingsPerFolderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "execplan-settings-" + Guid.NewGuid().ToString("N"));

    public SettingsPerFolderTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "plans"));
        File.WriteAllText(Path.Combine(_dir, ".editorconfig"),
            "root = true\n\n[*.md]\ndotnet_diagnostic.EXP001.severity = warning\n\n[plans/special.md]\ndotnet_diagnostic.EXP001.severity = none\n");
        File.WriteAllText(Path.Combine(_dir, "global.globalconfig"),
            "is_global = true\n\n[" + Path.Combine(_dir, "plans", "own.md").Replace('\\', '/') + "]\ndotnet_diagnostic.EXP002.severity = error\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Plans_of_one_folder_share_settings_unless_a_section_names_one_of_them()
    {
        var resolver = new SettingsResolver(new SettingsRequest { GlobalConfigFiles = [Path.Combine(_dir, "global.globalconfig")] });

        var a = resolver.SettingsFor(Plan("a.md"));
        var b = resolver.SettingsFor(Plan("b.md"));
        var special = resolver.SettingsFor(Plan("special.md"));
        var own = resolver.SettingsFor(Plan("own.md"));

        Assert.Same(a, b);
        Assert.Equal(RuleSeverity.Warning, a.Validation.SeverityOverrides["EXP001"]);
        Assert.Equal(RuleSeverity.None, special.Validation.SeverityOverrides["EXP001"]);
        // .editorconfig sections win over global ones; EXP002 is set only by the section naming own.md.
        Assert.Equal(RuleSeverity.Warning, own.Validation.SeverityOverrides["EXP001"]);
        Assert.Equal(RuleSeverity.Error, own.Validation.SeverityOverrides["EXP002"]);
        Assert.False(a.Validation.SeverityOverrides.ContainsKey("EXP002"));
        Assert.Equal(RuleSeverity.Warning, resolver.SettingsFor(Plan("c.md")).Validation.SeverityOverrides["EXP001"]);
    }

    [Fact]
    public void The_inputs_are_the_configs_read_and_the_places_where_none_was()
    {
        var resolver = new SettingsResolver(new SettingsRequest());
        var existing = new HashSet<string>(StringComparer.Ordinal);
        var absent = new HashSet<string>(StringComparer.Ordinal);

        resolver.CollectInputs(Plan("a.md"), existing, absent);

        Assert.Equal(new[] { Path.Combine(_dir, ".editorconfig") }, existing);
        // The walk stops at the root file: nothing above the folder is watched.
        Assert.Equal(new[] { Path.Combine(_dir, "plans", ".editorconfig") }, absent);
    }

    private string Plan(string name) => Path.Combine(_dir, "plans", name);
}
