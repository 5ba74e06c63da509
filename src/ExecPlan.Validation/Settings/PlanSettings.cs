namespace ExecPlan.Validation.Settings;

/// <summary>What <see cref="SettingsResolver"/> decided for one plan.</summary>
public sealed class PlanSettings
{
    public PlanSettings(ValidationSettings validation, bool? planFlag, FileSystemRepositoryView? repository, string fingerprint)
    {
        Validation = validation;
        PlanFlag = planFlag;
        Repository = repository;
        Fingerprint = fingerprint;
    }

    /// <summary>The settings the validator runs with.</summary>
    public ValidationSettings Validation { get; }

    /// <summary>The file's <c>execplan_plan</c> key: true, false, or null when not set.</summary>
    public bool? PlanFlag { get; }

    /// <summary>The repository view on disk (task and CLI), or null.</summary>
    public FileSystemRepositoryView? Repository { get; }

    /// <summary>A stable text of everything in <see cref="Validation"/> that can change a verdict
    /// (see <see cref="SettingsFingerprint"/>): every result cache keys on it.</summary>
    public string Fingerprint { get; }
}
