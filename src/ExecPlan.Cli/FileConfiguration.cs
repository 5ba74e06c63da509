namespace ExecPlan.Cli;

using System;
using System.Collections.Generic;
using System.IO;
using ExecPlan.Validation.Configuration;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Settings;

/// <summary>
/// Per-file settings the way the MSBuild task computes them: severities from the .editorconfig
/// files above each plan (and a .globalconfig at the repository root), with the same resolver;
/// an <c>execplan_profile = classic</c> key may choose the profile. Command-line options win.
/// </summary>
internal sealed class FileConfiguration
{
    private const string ProfileKey = "execplan_profile";

    private readonly ValidationSettings _baseSettings;
    private readonly CheckOptions _options;
    private readonly EditorConfigResolver _resolver;

    public FileConfiguration(ValidationSettings baseSettings, CheckOptions options, string? repoRoot)
    {
        _baseSettings = baseSettings;
        _options = options;
        var globalConfig = repoRoot is null ? null : Path.Combine(repoRoot, ".globalconfig");
        _resolver = new EditorConfigResolver(globalConfig is not null && File.Exists(globalConfig) ? [globalConfig] : null);
    }

    public ValidationSettings SettingsFor(string path)
    {
        var full = Path.GetFullPath(path);
        var severities = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in _resolver.ResolveSeverities(full))
        {
            severities[pair.Key] = pair.Value;
        }

        foreach (var pair in _options.SeverityOverrides)
        {
            severities[pair.Key] = pair.Value;
        }

        var profile = _baseSettings.Profile;
        if (!_options.ProfileGiven && _resolver.ResolveOptions(full).TryGetValue(ProfileKey, out var text) &&
            PlanProfileText.TryParse(text, out var configured))
        {
            profile = configured;
        }

        return new ValidationSettings
        {
            Profile = profile,
            SeverityOverrides = severities,
            Repository = _baseSettings.Repository,
            MaxFileSizeBytes = _baseSettings.MaxFileSizeBytes,
            UseInlineSuppressions = _baseSettings.UseInlineSuppressions,
        };
    }
}
