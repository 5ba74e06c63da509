namespace ExecPlan.Cli;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using ExecPlan.Validation.Configuration;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Settings;

/// <summary>
/// Per-file settings the way the MSBuild task computes them: severities from the .editorconfig
/// files above each plan and the .globalconfig files in its folder and every folder above it, with
/// the same resolver; an <c>execplan_profile = classic</c> key may choose the profile, and an
/// <c>execplan_plan</c> key whether a found file is a plan. The repository (for EXP008 and
/// EXP044) is the nearest folder holding <c>.git</c> above each plan, unless --repo-root names
/// one. Command-line options win. Shared by <c>check</c> and <c>fix</c>.
/// </summary>
internal sealed class FileConfiguration
{
    private const string ProfileKey = "execplan_profile";

    /// <summary>The .editorconfig key naming the PLANS.md (relative to the repository root).</summary>
    private const string PlansFileKey = "execplan_plans_file";

    private static readonly IReadOnlyDictionary<string, string> NoOptions = new Dictionary<string, string>();

    private readonly ValidationSettings _baseSettings;
    private readonly bool _profileGiven;
    private readonly IReadOnlyDictionary<string, RuleSeverity> _overrides;
    private readonly bool _useEditorConfig;
    private readonly string? _repoRoot;
    private readonly ConcurrentDictionary<string, EditorConfigResolver> _resolvers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _roots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EditorConfigResolver> _resolverByFolder = new(StringComparer.Ordinal);
    private readonly string? _plansFile;

    /// <summary>One view per repository and PLANS.md, so each PLANS.md is read and derived once a run.</summary>
    private readonly ConcurrentDictionary<string, FileSystemRepositoryView> _views = new(StringComparer.Ordinal);

    public FileConfiguration(ValidationSettings baseSettings, bool profileGiven, IReadOnlyDictionary<string, RuleSeverity> overrides, bool useEditorConfig, string? repoRoot, string? plansFile = null)
    {
        _plansFile = plansFile;
        _baseSettings = baseSettings;
        _profileGiven = profileGiven;
        _overrides = overrides;
        _useEditorConfig = useEditorConfig;
        _repoRoot = repoRoot is null ? null : Path.GetFullPath(repoRoot);
    }

    public FileConfiguration(ValidationSettings baseSettings, CheckOptions options)
        : this(baseSettings, options.ProfileGiven, options.SeverityOverrides, options.UseEditorConfig, options.RepoRoot, options.PlansFile)
    {
    }

    /// <summary>The repository root for a file: --repo-root, else the nearest folder at or above it holding .git.</summary>
    public string? RepositoryRootFor(string path)
    {
        if (_repoRoot is not null)
        {
            return _repoRoot;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? string.Empty;
        return _roots.GetOrAdd(folder, f => CliApp.FindRepositoryRoot(f.Length == 0 ? Directory.GetCurrentDirectory() : f));
    }

    /// <summary>The .editorconfig keys other than severities that apply to a file (empty with --no-editorconfig).</summary>
    public IReadOnlyDictionary<string, string> OptionsFor(string path) =>
        _useEditorConfig ? ResolverFor(Path.GetFullPath(path)).ResolveOptions(Path.GetFullPath(path)) : NoOptions;

    // The .globalconfig walk up the folders is done once per folder, not for every call (the
    // plan check and the settings of each file both ask).
    private EditorConfigResolver ResolverFor(string fullPath) =>
        _resolverByFolder.GetOrAdd(Path.GetDirectoryName(fullPath) ?? ".", ResolverForFolder);

    public ValidationSettings SettingsFor(string path)
    {
        var full = Path.GetFullPath(path);
        var severities = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);
        var profile = _baseSettings.Profile;
        var plansFile = _plansFile;
        if (_useEditorConfig)
        {
            var resolver = ResolverFor(full);
            if (plansFile is null && resolver.ResolveOptions(full).TryGetValue(PlansFileKey, out var configuredPlans) && configuredPlans.Trim().Length > 0)
            {
                plansFile = configuredPlans.Trim();
            }

            foreach (var pair in resolver.ResolveSeverities(full))
            {
                severities[pair.Key] = pair.Value;
            }

            if (!_profileGiven && resolver.ResolveOptions(full).TryGetValue(ProfileKey, out var text) &&
                PlanProfileText.TryParse(text, out var configured))
            {
                profile = configured;
            }
        }

        foreach (var pair in _overrides)
        {
            severities[pair.Key] = pair.Value;
        }

        var root = RepositoryRootFor(full);
        var view = root is null ? null : _views.GetOrAdd(root + "\n" + plansFile, _ => new FileSystemRepositoryView(root, plansFile));
        return new ValidationSettings
        {
            Profile = profile,
            PlansProfile = profile == PlanProfile.Auto ? view?.PlansDerivation?.Profile : null,
            SeverityOverrides = severities,
            Repository = view,
            MaxFileSizeBytes = _baseSettings.MaxFileSizeBytes,
            UseInlineSuppressions = _baseSettings.UseInlineSuppressions,
        };
    }

    /// <summary>Every PLANS.md the run derived a profile from (or tried to): for EXP060, reported once each.</summary>
    public IEnumerable<FileSystemRepositoryView> RepositoryViews => _views.Values;

    // One resolver per distinct set of global configs (every .globalconfig from the plan's folder
    // up), so the parsed .editorconfig files are shared by the plans of one tree.
    private EditorConfigResolver ResolverForFolder(string folder)
    {
        var globals = new List<string>();
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".globalconfig");
            if (File.Exists(candidate))
            {
                globals.Add(candidate);
            }
        }

        return _resolvers.GetOrAdd(string.Join("\n", globals), _ => new EditorConfigResolver(globals));
    }
}
