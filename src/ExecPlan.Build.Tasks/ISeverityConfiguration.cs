namespace ExecPlan.Build.Tasks;

using System.Collections.Generic;
using ExecPlan.Validation.Diagnostics;

/// <summary>Per-file severity configuration (.editorconfig and global analyzer config files).</summary>
internal interface ISeverityConfiguration
{
    /// <summary>Severity overrides for one plan, keyed by rule ID (case-insensitive).</summary>
    IReadOnlyDictionary<string, RuleSeverity> ResolveSeverities(string fileFullPath);

    /// <summary>The other keys that apply to one file (e.g. <c>execplan_plan</c>), lower-cased.</summary>
    IReadOnlyDictionary<string, string> ResolveOptions(string fileFullPath);

    /// <summary>The configuration files consulted for one plan.</summary>
    IReadOnlyList<string> ConfigFilesFor(string fileFullPath);
}
