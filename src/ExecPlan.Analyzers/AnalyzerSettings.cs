namespace ExecPlan.Analyzers;

using System;
using System.Collections.Generic;
using System.Globalization;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Settings;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// What the package's targets hand the analyzer: global properties (CompilerVisibleProperty) and
/// per-plan metadata (CompilerVisibleItemMetadata), read from analyzer config options.
/// </summary>
internal sealed class AnalyzerSettings
{
    public const string EnabledKey = "build_property.ExecPlanAnalyzerEnabled";
    public const string ProfileKey = "build_property.ExecPlanProfile";
    public const string InlineKey = "build_property.ExecPlanInlineSuppressions";
    public const string MaxSizeKey = "build_property.ExecPlanMaxFileSize";
    public const string IsPlanKey = "build_metadata.AdditionalFiles.ExecPlanIsPlan";
    public const string SeveritiesKey = "build_metadata.AdditionalFiles.ExecPlanSeverities";

    /// <summary>On the repository's PLANS.md, which the targets add as an AdditionalFile: its
    /// repository-relative path, as messages cite it.</summary>
    public const string PlansFileKey = "build_metadata.AdditionalFiles.ExecPlanPlansFile";

    private readonly SettingsRequest _request;
    private readonly IReadOnlyDictionary<string, RuleSeverity> _configured;
    private readonly IReadOnlyDictionary<string, string> _options;

    private AnalyzerSettings(bool enabled, SettingsRequest request, IReadOnlyDictionary<string, RuleSeverity> configured, IReadOnlyDictionary<string, string> options, ExecPlan.Validation.Profiles.DerivedProfile? derived)
    {
        Enabled = enabled;
        _request = request;
        _configured = configured;
        _options = options;
        var composed = SettingsResolver.Compose(request, configured, options, repository: null, derived); // no file IO: EXP008 and EXP044 stay with the task and CLI
        Validation = composed.Validation;
        Key = composed.Fingerprint;
        IsPlanFromConfig = composed.PlanFlag;
    }

    /// <summary>False in command-line builds, where the MSBuild task reports instead (no duplicates).</summary>
    public bool Enabled { get; }

    /// <summary>The build's discovery verdict for this file, else the <c>execplan_plan</c> key
    /// (live in the IDE), or null when neither says anything.</summary>
    public bool? IsPlan => _isPlanFromBuild ?? IsPlanFromConfig;

    private bool? _isPlanFromBuild;

    private bool? IsPlanFromConfig { get; }

    public ValidationSettings Validation { get; }

    /// <summary>Identifies the settings for the result cache (<see cref="SettingsFingerprint"/>).</summary>
    public string Key { get; }

    /// <summary>The settings with the PLANS.md-derived profile (used only under auto).</summary>
    public AnalyzerSettings WithPlansProfile(ExecPlan.Validation.Profiles.DerivedProfile? derived) =>
        derived is null || Validation.Profile != PlanProfile.Auto
            ? this
            : new AnalyzerSettings(Enabled, _request, _configured, _options, derived) { _isPlanFromBuild = _isPlanFromBuild };

    /// <summary>The front end's inputs, composed by the library's <see cref="SettingsResolver.Compose"/>: build
    /// properties as the request, the severities the build resolved from .editorconfig/.globalconfig (item
    /// metadata), and the file's own configuration keys as Roslyn resolves them.</summary>
    public static AnalyzerSettings Read(AnalyzerConfigOptions global, AnalyzerConfigOptions file)
    {
        var enabled = IsTrue(global, EnabledKey) ?? true;
        global.TryGetValue(ProfileKey, out var profileText);
        var profile = PlanProfileText.TryParse(profileText, out var parsedProfile) ? parsedProfile : PlanProfile.Auto;
        var maxSize = global.TryGetValue(MaxSizeKey, out var sizeText) &&
            long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : ValidationSettings.DefaultMaxFileSizeBytes;
        var request = new SettingsRequest
        {
            Profile = profile,
            UseInlineSuppressions = IsTrue(global, InlineKey) ?? true,
            MaxFileSizeBytes = maxSize,
        };
        file.TryGetValue(SeveritiesKey, out var severityText);
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in ConfigKeys)
        {
            if (file.TryGetValue(key, out var value))
            {
                options[key] = value;
            }
        }

        return new AnalyzerSettings(enabled, request, SeverityOverrideText.Parse(severityText), options, derived: null)
        {
            _isPlanFromBuild = IsTrue(file, IsPlanKey),
        };
    }

    private static readonly string[] ConfigKeys = [SettingsResolver.ProfileKey, ExecPlan.Validation.PlanDiscovery.PlanKey];

    private static bool? IsTrue(AnalyzerConfigOptions options, string key)
    {
        if (!options.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
