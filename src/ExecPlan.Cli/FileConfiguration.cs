namespace ExecPlan.Cli;

using System.Collections.Generic;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Settings;

/// <summary>
/// The CLI's side of <see cref="SettingsResolver"/>, shared by <c>check</c> and <c>fix</c>: the
/// command-line options become a <see cref="SettingsRequest"/> (every <c>.globalconfig</c> above a
/// plan is read, as the SDK passes every one above the project; the repository is the nearest
/// folder holding <c>.git</c> unless --repo-root names one), and the library decides the rest
/// exactly as for the build and the analyzer.
/// </summary>
internal sealed class FileConfiguration
{
    private readonly SettingsResolver _resolver;

    public FileConfiguration(ValidationSettings baseSettings, bool profileGiven, IReadOnlyDictionary<string, RuleSeverity> overrides, bool useEditorConfig, string? repoRoot, string? plansFile = null)
    {
        _ = profileGiven; // --profile auto defers to execplan_profile, as ExecPlanProfile=auto does in the build.
        _resolver = new SettingsResolver(new SettingsRequest
        {
            Profile = baseSettings.Profile,
            Overrides = overrides,
            MaxFileSizeBytes = baseSettings.MaxFileSizeBytes,
            UseInlineSuppressions = baseSettings.UseInlineSuppressions,
            UseEditorConfig = useEditorConfig,
            DiscoverGlobalConfigs = true,
            RepositoryRoot = repoRoot,
            DiscoverRepositoryRoot = true,
            PlansFile = plansFile,
        });
    }

    public FileConfiguration(ValidationSettings baseSettings, CheckOptions options)
        : this(baseSettings, options.ProfileGiven, options.SeverityOverrides, options.UseEditorConfig, options.RepoRoot, options.PlansFile)
    {
    }

    /// <summary>The configuration keys other than severities that apply to a file (empty with --no-editorconfig).</summary>
    public IReadOnlyDictionary<string, string> OptionsFor(string path) => _resolver.OptionsFor(path);

    public ValidationSettings SettingsFor(string path) => _resolver.SettingsFor(path).Validation;

    /// <summary>Every PLANS.md the run derived a profile from (or tried to): for EXP060, reported once each.</summary>
    public IEnumerable<FileSystemRepositoryView> RepositoryViews => _resolver.RepositoryViews;
}
