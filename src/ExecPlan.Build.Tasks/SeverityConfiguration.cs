namespace ExecPlan.Build.Tasks;

using System.Collections.Generic;
using ExecPlan.Validation.Configuration;
using ExecPlan.Validation.Diagnostics;

/// <summary>Creates the per-file severity configuration used by the task: .editorconfig files
/// found from each plan's folder upward plus the project's global analyzer config files.</summary>
internal static class SeverityConfiguration
{
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

        public IReadOnlyList<string> ConfigFilesFor(string fileFullPath) => _resolver.ConfigFilesFor(fileFullPath);
    }
}
