namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Diagnostics;

/// <summary>Creates the per-file severity configuration used by the task.</summary>
internal static class SeverityConfiguration
{
    public static ISeverityConfiguration Create(IEnumerable<string> globalConfigFiles) => new NoConfiguration();

    private sealed class NoConfiguration : ISeverityConfiguration
    {
        private static readonly IReadOnlyDictionary<string, RuleSeverity> Empty =
            new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);

        public IReadOnlyDictionary<string, RuleSeverity> ResolveSeverities(string fileFullPath) => Empty;

        public IReadOnlyList<string> ConfigFilesFor(string fileFullPath) => Array.Empty<string>();
    }
}
