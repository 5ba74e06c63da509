namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using System.Linq;
using ExecPlan.Validation.Settings;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Runs before the compiler's analyzer config is generated when the analyzer reports (IDE live
/// analysis): marks each additional file with the build's verdicts, <c>ExecPlanIsPlan</c> and the
/// severities resolved from .editorconfig/.globalconfig (<c>ExecPlanSeverities</c>), which the
/// analyzer reads through CompilerVisibleItemMetadata. Roslyn does not apply .editorconfig
/// severities to additional-file diagnostics itself, so this is how one configuration rules both
/// the task and the analyzer. NoWarn and WarningsAsErrors are left to the compiler, which applies
/// them to analyzer diagnostics.
/// </summary>
public sealed class PrepareExecPlanAnalyzerInputs : PlanSelectingTask
{
    public ITaskItem[] GlobalConfigFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The input files with <c>ExecPlanIsPlan</c> and <c>ExecPlanSeverities</c> set.</summary>
    [Output]
    public ITaskItem[] AnnotatedFiles { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        try
        {
            // Only the configuration files' severities: the analyzer composes them with its own
            // build properties through the same SettingsResolver.Compose.
            var configuration = new SettingsResolver(new SettingsRequest { GlobalConfigFiles = ExistingPaths(GlobalConfigFiles) });
            var plans = new HashSet<string>(SelectPlans(configuration), StringComparer.Ordinal);
            var annotated = new List<ITaskItem>(Files.Length);
            foreach (var file in Files)
            {
                var copy = new TaskItem(file);
                var full = file.GetMetadata("FullPath");
                var isPlan = plans.Contains(full);
                copy.SetMetadata("ExecPlanIsPlan", isPlan ? "true" : "false");
                copy.SetMetadata("ExecPlanSeverities", isPlan ? SeverityOverrideText.Format(configuration.SettingsFor(full).Validation.SeverityOverrides) : string.Empty);
                annotated.Add(copy);
            }

            AnnotatedFiles = annotated.ToArray();
        }
#pragma warning disable CA1031 // Never MSB4018: without annotations the analyzer falls back to its own sniff.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.LogMessage(MessageImportance.Low, "ExecPlan: could not prepare analyzer inputs: " + ex.Message);
            AnnotatedFiles = Files;
        }

        return true;
    }
}
