namespace ExecPlan.Analyzers;

using System;
using System.Globalization;
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

    private AnalyzerSettings(bool enabled, bool? isPlan, ValidationSettings validation, string key)
    {
        Enabled = enabled;
        IsPlan = isPlan;
        Validation = validation;
        Key = key;
    }

    /// <summary>False in command-line builds, where the MSBuild task reports instead (no duplicates).</summary>
    public bool Enabled { get; }

    /// <summary>The build's discovery verdict for this file, or null when the build said nothing.</summary>
    public bool? IsPlan { get; }

    public ValidationSettings Validation { get; }

    /// <summary>Identifies the settings for the result cache.</summary>
    public string Key { get; }

    /// <summary>The settings with the PLANS.md-derived profile (used only under auto).</summary>
    public AnalyzerSettings WithPlansProfile(ExecPlan.Validation.Profiles.DerivedProfile? derived) =>
        derived is null || Validation.Profile != PlanProfile.Auto
            ? this
            : new AnalyzerSettings(Enabled, IsPlan, new ValidationSettings
            {
                Profile = Validation.Profile,
                PlansProfile = derived,
                SeverityOverrides = Validation.SeverityOverrides,
                UseInlineSuppressions = Validation.UseInlineSuppressions,
                MaxFileSizeBytes = Validation.MaxFileSizeBytes,
            }, Key + "|" + derived.Fingerprint);

    public static AnalyzerSettings Read(AnalyzerConfigOptions global, AnalyzerConfigOptions file)
    {
        var enabled = IsTrue(global, EnabledKey) ?? true;
        // The build's verdict, else the same .editorconfig key the build and the CLI read (live in the IDE).
        var isPlan = IsTrue(file, IsPlanKey) ?? IsTrue(file, ExecPlan.Validation.PlanDiscovery.PlanKey);
        global.TryGetValue(ProfileKey, out var profileText);
        var profile = PlanProfileText.TryParse(profileText, out var parsedProfile) ? parsedProfile : PlanProfile.Auto;
        var inline = IsTrue(global, InlineKey) ?? true;
        var maxSize = global.TryGetValue(MaxSizeKey, out var sizeText) &&
            long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : ValidationSettings.DefaultMaxFileSizeBytes;
        file.TryGetValue(SeveritiesKey, out var severityText);
        var overrides = SeverityOverrideText.Parse(severityText);
        var validation = new ValidationSettings
        {
            Profile = profile,
            SeverityOverrides = overrides,
            UseInlineSuppressions = inline,
            MaxFileSizeBytes = maxSize,
            Repository = null, // no file IO in an analyzer: EXP008 and EXP044 stay with the task and CLI
        };
        var key = string.Join("|", profile.ToText(), inline ? "1" : "0", maxSize.ToString(CultureInfo.InvariantCulture), SeverityOverrideText.Format(overrides));
        return new AnalyzerSettings(enabled, isPlan, validation, key);
    }

    private static bool? IsTrue(AnalyzerConfigOptions options, string key)
    {
        if (!options.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
