namespace ExecPlan.Validation.Settings;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Diagnostics;

/// <summary>
/// What a front end knows before it looks at any plan: its own options (MSBuild properties,
/// command-line flags, the analyzer's build properties) and where configuration comes from.
/// <see cref="SettingsResolver"/> turns it, plus the configuration files around a plan, into the
/// plan's <see cref="ValidationSettings"/>; every front end goes through it, so they agree.
/// </summary>
public sealed class SettingsRequest
{
    /// <summary>The profile the front end asks for. <see cref="PlanProfile.Auto"/> (the default,
    /// also what <c>ExecPlanProfile</c> defaults to) defers to an <c>execplan_profile</c> key in
    /// .editorconfig/.globalconfig; <c>skill</c> or <c>classic</c> named here wins over the key.</summary>
    public PlanProfile Profile { get; init; } = PlanProfile.Auto;

    /// <summary>Severities from the command line (<c>--severity</c>); they win over every config file.</summary>
    public IReadOnlyDictionary<string, RuleSeverity> Overrides { get; init; } =
        new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The size limit in bytes.</summary>
    public long MaxFileSizeBytes { get; init; } = ValidationSettings.DefaultMaxFileSizeBytes;

    /// <summary>Whether <c>execplan-disable</c> comments are honoured.</summary>
    public bool UseInlineSuppressions { get; init; } = true;

    /// <summary>False with <c>--no-editorconfig</c>: no .editorconfig or .globalconfig is read.</summary>
    public bool UseEditorConfig { get; init; } = true;

    /// <summary>Global analyzer config files the build passes (the package's preset at level -100,
    /// <c>GlobalAnalyzerConfigFiles</c>, every <c>.globalconfig</c> above the project).</summary>
    public IReadOnlyList<string> GlobalConfigFiles { get; init; } = [];

    /// <summary>True for the CLI: every <c>.globalconfig</c> in the plan's folder and each folder
    /// above it is used too, as the SDK passes every one above the project.</summary>
    public bool DiscoverGlobalConfigs { get; init; }

    /// <summary>The repository root (full path); null: the nearest folder holding <c>.git</c>
    /// above each plan when <see cref="DiscoverRepositoryRoot"/>, else no repository (EXP008 and
    /// EXP044 are then skipped).</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Whether the repository root is looked for above each plan when none is given.</summary>
    public bool DiscoverRepositoryRoot { get; init; }

    /// <summary>The PLANS.md (<c>ExecPlanPlansFile</c>, <c>--plans-file</c>); null: an
    /// <c>execplan_plans_file</c> key, else the first of
    /// <see cref="FileSystemRepositoryView.PlansFileCandidates"/> in the repository.</summary>
    public string? PlansFile { get; init; }
}
