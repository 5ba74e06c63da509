namespace ExecPlan.Analyzers;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using ExecPlan.Validation;
using ExecPlan.Validation.Profiles;
using ExecPlan.Validation.Settings;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// What the package's targets hand the analyzer: global properties (CompilerVisibleProperty) and
/// per-plan metadata (CompilerVisibleItemMetadata), read from analyzer config options. Composed
/// once per distinct set of option values: every plan of a project, and every re-analysis of a
/// plan, normally has the same values, so the same instance serves them all.
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

    private const int MaxComposed = 64;

    private static readonly ConcurrentDictionary<SettingsInputs, AnalyzerSettings> Composed = new();

    private readonly SettingsInputs _inputs;
    private readonly SettingsRequest _request;
    private readonly IReadOnlyDictionary<string, Validation.Diagnostics.RuleSeverity> _configured;
    private readonly IReadOnlyDictionary<string, string> _options;

    // The last PLANS.md-derived variant: the derivation is cached by content, so while PLANS.md is
    // unchanged every plan gets the same instance back.
    private WithDerived? _withDerived;

    private AnalyzerSettings(SettingsInputs inputs, SettingsRequest request, IReadOnlyDictionary<string, Validation.Diagnostics.RuleSeverity> configured, IReadOnlyDictionary<string, string> options, DerivedProfile? derived)
    {
        _inputs = inputs;
        _request = request;
        _configured = configured;
        _options = options;
        var composed = SettingsResolver.Compose(request, configured, options, repository: null, derived); // no file IO: EXP008 and EXP044 stay with the task and CLI
        Validation = composed.Validation;
        Validator = new PlanValidator(Validation);
        IsPlan = IsTrue(inputs.IsPlan) ?? composed.PlanFlag;
        ResultKey = (IsPlan is null ? "?" : IsPlan.Value ? "1" : "0") + "|" + composed.Fingerprint;
    }

    /// <summary>The build's discovery verdict for this file, else the <c>execplan_plan</c> key
    /// (live in the IDE), or null when neither says anything.</summary>
    public bool? IsPlan { get; }

    public ValidationSettings Validation { get; }

    /// <summary>The validator for these settings (thread-safe, so shared by every plan that has them).</summary>
    public PlanValidator Validator { get; }

    /// <summary>Everything that can change a plan's diagnostics besides its text and path: the
    /// plan verdict and the settings' <see cref="SettingsFingerprint"/>.</summary>
    public string ResultKey { get; }

    /// <summary>False in command-line builds, where the MSBuild task reports instead (no duplicates).
    /// Read before anything else, so a disabled analyzer costs one lookup per file.</summary>
    public static bool IsEnabled(AnalyzerConfigOptions global) =>
        IsTrue(global.TryGetValue(EnabledKey, out var value) ? value : null) ?? true;

    /// <summary>The settings with the PLANS.md-derived profile (used only under auto).</summary>
    public AnalyzerSettings WithPlansProfile(DerivedProfile? derived)
    {
        if (derived is null || Validation.Profile != PlanProfile.Auto)
        {
            return this;
        }

        var last = _withDerived;
        if (last is not null && ReferenceEquals(last.Derived, derived))
        {
            return last.Settings;
        }

        var settings = new AnalyzerSettings(_inputs, _request, _configured, _options, derived);
        _withDerived = new WithDerived(derived, settings);
        return settings;
    }

    /// <summary>The front end's inputs, composed by the library's <see cref="SettingsResolver.Compose"/>: build
    /// properties as the request, the severities the build resolved from .editorconfig/.globalconfig (item
    /// metadata), and the file's own configuration keys as Roslyn resolves them.</summary>
    public static AnalyzerSettings Read(AnalyzerConfigOptions global, AnalyzerConfigOptions file)
    {
        var inputs = new SettingsInputs(global, file);
        if (Composed.TryGetValue(inputs, out var settings))
        {
            return settings;
        }

        settings = Compose(inputs);
        if (Composed.Count >= MaxComposed)
        {
            Composed.Clear();
        }

        return Composed.GetOrAdd(inputs, settings);
    }

    private static AnalyzerSettings Compose(SettingsInputs inputs)
    {
        var profile = PlanProfileText.TryParse(inputs.Profile, out var parsedProfile) ? parsedProfile : PlanProfile.Auto;
        var maxSize = long.TryParse(inputs.MaxSize, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : ValidationSettings.DefaultMaxFileSizeBytes;
        var request = new SettingsRequest
        {
            Profile = profile,
            UseInlineSuppressions = IsTrue(inputs.Inline) ?? true,
            MaxFileSizeBytes = maxSize,
        };
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (inputs.ConfiguredProfile is not null)
        {
            options[SettingsResolver.ProfileKey] = inputs.ConfiguredProfile;
        }

        if (inputs.ConfiguredPlan is not null)
        {
            options[PlanDiscovery.PlanKey] = inputs.ConfiguredPlan;
        }

        return new AnalyzerSettings(inputs, request, SeverityOverrideText.Parse(inputs.Severities), options, derived: null);
    }

    private static bool? IsTrue(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : string.Equals(value!.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private sealed class WithDerived(DerivedProfile derived, AnalyzerSettings settings)
    {
        public DerivedProfile Derived { get; } = derived;

        public AnalyzerSettings Settings { get; } = settings;
    }

    /// <summary>The raw option values the settings are composed from: equal values, equal settings.</summary>
    private sealed class SettingsInputs : IEquatable<SettingsInputs>
    {
        private readonly int _hash;

        public SettingsInputs(AnalyzerConfigOptions global, AnalyzerConfigOptions file)
        {
            Profile = Value(global, ProfileKey);
            Inline = Value(global, InlineKey);
            MaxSize = Value(global, MaxSizeKey);
            Severities = Value(file, SeveritiesKey);
            IsPlan = Value(file, IsPlanKey);
            ConfiguredProfile = Value(file, SettingsResolver.ProfileKey);
            ConfiguredPlan = Value(file, PlanDiscovery.PlanKey);
            _hash = Combine(Combine(Combine(Combine(Combine(Combine(Combine(17, Profile), Inline), MaxSize), Severities), IsPlan), ConfiguredProfile), ConfiguredPlan);
        }

        public readonly string? Profile;

        public readonly string? Inline;

        public readonly string? MaxSize;

        public readonly string? Severities;

        public readonly string? IsPlan;

        public readonly string? ConfiguredProfile;

        public readonly string? ConfiguredPlan;

        public bool Equals(SettingsInputs? other) => other is not null && _hash == other._hash &&
            string.Equals(Profile, other.Profile, StringComparison.Ordinal) &&
            string.Equals(Inline, other.Inline, StringComparison.Ordinal) &&
            string.Equals(MaxSize, other.MaxSize, StringComparison.Ordinal) &&
            string.Equals(Severities, other.Severities, StringComparison.Ordinal) &&
            string.Equals(IsPlan, other.IsPlan, StringComparison.Ordinal) &&
            string.Equals(ConfiguredProfile, other.ConfiguredProfile, StringComparison.Ordinal) &&
            string.Equals(ConfiguredPlan, other.ConfiguredPlan, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as SettingsInputs);

        public override int GetHashCode() => _hash;

        private static int Combine(int hash, string? value) => unchecked((hash * 31) + (value is null ? 0 : StringComparer.Ordinal.GetHashCode(value)));

        private static string? Value(AnalyzerConfigOptions options, string key) => options.TryGetValue(key, out var value) ? value : null;
    }
}
