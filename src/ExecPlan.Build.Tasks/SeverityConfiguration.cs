namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ExecPlan.Validation.Configuration;
using ExecPlan.Validation.Diagnostics;
using Microsoft.Build.Framework;

/// <summary>Creates the per-file severity configuration used by the task: .editorconfig files
/// found from each plan's folder upward plus the project's global analyzer config files.</summary>
internal static class SeverityConfiguration
{
    /// <summary>The existing files among the global config items, as distinct full paths.</summary>
    public static List<string> ExistingPaths(ITaskItem[] globalConfigFiles) => globalConfigFiles
        .Select(i => i.GetMetadata("FullPath"))
        .Where(p => !string.IsNullOrEmpty(p) && File.Exists(p))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    public static ISeverityConfiguration Create(IEnumerable<string> globalConfigFiles) =>
        new EditorConfigSeverityConfiguration(new EditorConfigResolver(globalConfigFiles));

    private sealed class EditorConfigSeverityConfiguration : ISeverityConfiguration
    {
        private readonly EditorConfigResolver _resolver;

        public EditorConfigSeverityConfiguration(EditorConfigResolver resolver)
        {
            _resolver = resolver;
        }

        public IReadOnlyDictionary<string, RuleSeverity> ResolveSeverities(string fileFullPath) => _resolver.ResolveSeverities(fileFullPath);

        public IReadOnlyDictionary<string, string> ResolveOptions(string fileFullPath) => _resolver.ResolveOptions(fileFullPath);

        public IReadOnlyList<string> ConfigFilesFor(string fileFullPath) => _resolver.ConfigFilesFor(fileFullPath);
    }
}
