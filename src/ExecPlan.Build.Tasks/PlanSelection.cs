namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;

/// <summary>Which additional files are plans: explicit <c>ExecPlan</c> metadata wins, then the
/// <c>ExecPlanFiles</c> globs, then an <c>execplan_plan</c> key in .editorconfig (the CLI reads the
/// same key), then (when enabled) the content sniff. Shared by the validating
/// task and the analyzer-preparing task so both front ends see the same plans.</summary>
internal static class PlanSelection
{
    /// <summary>The full paths of the plans among the files, sorted and without duplicates.</summary>
    public static List<string> Select(ITaskItem[] files, ITaskItem[] globMatches, bool autoDetect) =>
        Select(files, globMatches, autoDetect, configuredFlag: null, ownership: null, onReportedElsewhere: null);

    /// <summary>
    /// The plans this project reports: as above, less the shared plans another project of the
    /// solution owns (see <see cref="PlanOwnership"/>), each passed to <paramref name="onReportedElsewhere"/>.
    /// </summary>
    /// <param name="configuredFlag">The file's <c>execplan_plan</c> .editorconfig value (true, false or null), consulted after metadata and globs.</param>
    public static List<string> Select(
        ITaskItem[] files, ITaskItem[] globMatches, bool autoDetect, Func<string, bool?>? configuredFlag, PlanOwnership? ownership, Action<string, string>? onReportedElsewhere)
    {
        var globbed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in globMatches)
        {
            globbed.Add(item.GetMetadata("FullPath"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var plans = new List<string>();
        foreach (var item in files)
        {
            var full = item.GetMetadata("FullPath");
            if (string.IsNullOrEmpty(full) || !seen.Add(full))
            {
                continue;
            }

            if (!IsPlan(item, full, globbed, autoDetect, configuredFlag))
            {
                continue;
            }

            if (ownership?.OtherOwner(item) is { } owner)
            {
                onReportedElsewhere?.Invoke(full, owner);
                continue;
            }

            plans.Add(full);
        }

        plans.Sort(StringComparer.Ordinal);
        return plans;
    }

    private static bool IsPlan(ITaskItem item, string full, HashSet<string> globbed, bool autoDetect, Func<string, bool?>? configuredFlag) =>
        PlanDetection.ParseFlag(item.GetMetadata("ExecPlan")) ?? (globbed.Contains(full) ||
            (configuredFlag?.Invoke(full) ?? (autoDetect &&
                string.Equals(Path.GetExtension(full), ".md", StringComparison.OrdinalIgnoreCase) &&
                PlanDetection.LooksLikePlan(full))));
}
