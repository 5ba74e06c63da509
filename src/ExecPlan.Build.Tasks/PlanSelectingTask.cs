namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ExecPlan.Validation.Settings;
using Microsoft.Build.Framework;

/// <summary>
/// What both tasks know about a project's candidate plans, so the validating task and the
/// analyzer-preparing task always pick the same plans, and the same owner for shared ones.
/// </summary>
public abstract class PlanSelectingTask : Microsoft.Build.Utilities.Task
{
    /// <summary>Candidate files (the project's AdditionalFiles). Metadata <c>ExecPlan</c>
    /// true/false forces the decision; otherwise the file is sniffed.</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Files matched by the <c>ExecPlanFiles</c> globs: candidates among them are plans.</summary>
    public ITaskItem[] GlobMatches { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Whether candidates without metadata or glob match are sniffed (default true).</summary>
    public bool AutoDetect { get; set; } = true;

    /// <summary>This project's file (<c>$(MSBuildProjectFullPath)</c>).</summary>
    public string? ProjectFullPath { get; set; }

    /// <summary><c>$(CurrentSolutionConfigurationContents)</c>: the solution's projects, in a solution build.</summary>
    public string? SolutionConfiguration { get; set; }

    /// <summary>The <c>ExecPlan</c> items as declared, so the file declaring each is known.</summary>
    public ITaskItem[] DeclaredPlans { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>@(GlobalPackageReference)</c> then <c>@(PackageReference)</c>: where ExecPlan.Build is referenced
    /// (a global reference first: NuGet turns it into a PackageReference declared in its own targets).</summary>
    public ITaskItem[] PackageReferences { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The plans this project reports (shared plans another project owns are left out, with a message).</summary>
    internal List<string> SelectPlans(SettingsResolver settings) => PlanSelection.Select(
        Files,
        GlobMatches,
        AutoDetect,
        settings.PlanFlagFor,
        new PlanOwnership(ProjectFullPath, SolutionConfiguration, DeclaredPlans, PackageReferences),
        (plan, owner) => Log.LogMessage(MessageImportance.Normal, "ExecPlan: {0} is shared by several projects of the solution; {1} reports it.", plan, owner));

    /// <summary>The existing files among the global config items, as distinct full paths.</summary>
    internal static List<string> ExistingPaths(ITaskItem[] globalConfigFiles) => globalConfigFiles
        .Select(i => i.GetMetadata("FullPath"))
        .Where(p => !string.IsNullOrEmpty(p) && File.Exists(p))
        .Distinct(StringComparer.Ordinal)
        .ToList();
}
