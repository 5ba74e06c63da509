namespace ExecPlan.Validation.Settings;

/// <summary>
/// What rules may learn about the repository around a plan. Front ends that may touch the file
/// system (the MSBuild task, the CLI) pass <see cref="FileSystemRepositoryView"/>; the analyzer
/// passes nothing, and the rules that need it (EXP008, EXP044) are skipped.
/// </summary>
public interface IRepositoryView
{
    /// <summary>Repository-relative path of a PLANS.md the plan must follow, or null when there is none.</summary>
    string? PlansFile { get; }

    /// <summary>Whether a repository-relative path (forward slashes) names an existing file or folder.</summary>
    bool Exists(string relativePath);
}
