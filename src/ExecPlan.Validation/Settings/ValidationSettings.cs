namespace ExecPlan.Validation.Settings;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Diagnostics;

/// <summary>
/// Everything the library takes from its caller. Nothing is read from global state, so two
/// builds with different settings in one process never interfere.
/// </summary>
public sealed class ValidationSettings
{
    /// <summary>The default size limit: far above any real plan, low enough to keep memory bounded.</summary>
    public const long DefaultMaxFileSizeBytes = 16L * 1024 * 1024;

    /// <summary>Settings with every default: skill profile, no overrides, no repository.</summary>
    public static ValidationSettings Default { get; } = new();

    /// <summary>The profile asked for; <see cref="PlanProfile.Auto"/> (the default) uses
    /// <see cref="PlansProfile"/> when there is one, else behaves exactly as <see cref="PlanProfile.Skill"/>.</summary>
    public PlanProfile Profile { get; init; } = PlanProfile.Auto;

    /// <summary>The profile derived from the repository's PLANS.md (front ends derive it with
    /// <see cref="Profiles.PlansFileDeriver"/>); used only under <see cref="PlanProfile.Auto"/>.</summary>
    public Profiles.DerivedProfile? PlansProfile { get; init; }

    /// <summary>The fixed profile the rules fall back to: <see cref="PlanProfile.Auto"/> is <see cref="PlanProfile.Skill"/>.</summary>
    public PlanProfile BaseProfile => Profile == PlanProfile.Classic ? PlanProfile.Classic : PlanProfile.Skill;

    /// <summary>The derived profile in force: <see cref="PlansProfile"/> under <see cref="PlanProfile.Auto"/>, else null.</summary>
    public Profiles.DerivedProfile? Derived => Profile == PlanProfile.Auto ? PlansProfile : null;

    /// <summary>Per-ID severities that replace the defaults (none turns a rule off).</summary>
    public IReadOnlyDictionary<string, RuleSeverity> SeverityOverrides { get; init; } =
        new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The repository around the plans; when null, EXP008 and EXP044 are skipped.</summary>
    public IRepositoryView? Repository { get; init; }

    /// <summary>Files larger than this are refused with EXP000 instead of being parsed.</summary>
    public long MaxFileSizeBytes { get; init; } = DefaultMaxFileSizeBytes;

    /// <summary>Whether <c>&lt;!-- execplan-disable ... --&gt;</c> comments in plans are honoured.
    /// Strict CI can turn them off (CLI <c>--no-inline-config</c>, MSBuild
    /// <c>ExecPlanInlineSuppressions=false</c>).</summary>
    public bool UseInlineSuppressions { get; init; } = true;

    /// <summary>The effective severity of a rule under these settings.</summary>
    public RuleSeverity SeverityOf(Rules.RuleDescriptor descriptor) =>
        SeverityOverrides.TryGetValue(descriptor.Id, out var severity) ? severity : descriptor.DefaultSeverity;
}
