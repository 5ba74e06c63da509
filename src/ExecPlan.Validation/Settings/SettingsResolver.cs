namespace ExecPlan.Validation.Settings;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using ExecPlan.Validation.Configuration;
using ExecPlan.Validation.Diagnostics;

/// <summary>
/// The one place that decides a plan's settings, for the MSBuild task, the CLI's <c>check</c> and
/// <c>fix</c> (<see cref="SettingsFor"/>, which reads the configuration files around the plan) and
/// the analyzer (<see cref="Compose"/>, fed with what Roslyn and the targets hand it). Precedence:
/// <list type="bullet">
/// <item>severities: the front end's overrides (<c>--severity</c>) over .editorconfig sections over
/// every global config (highest <c>global_level</c> first; the package's presets are at -100) over
/// the catalogue's defaults, with the compiler's rules (<see cref="EditorConfigResolver"/>);
/// NoWarn/WarningsAsErrors are applied afterwards by the build (or the compiler), not here;</item>
/// <item>profile: <c>skill</c>/<c>classic</c> named by the front end, else <c>execplan_profile</c>
/// from the configuration, else <c>auto</c> (the PLANS.md-derived profile, else skill);</item>
/// <item>PLANS.md: the front end's, else <c>execplan_plans_file</c>, else the first candidate in the
/// repository;</item>
/// <item>whether a file is a plan: <c>execplan_plan</c> (<see cref="PlanSettings.PlanFlag"/>; the
/// front end's own metadata, globs and sniff come around it).</item>
/// </list>
/// Thread-safe; one instance per build or CLI run (configuration files are read once per folder).
/// </summary>
public sealed class SettingsResolver
{
    /// <summary>The configuration key that chooses the profile.</summary>
    public const string ProfileKey = "execplan_profile";

    /// <summary>The configuration key naming the PLANS.md (relative to the repository root).</summary>
    public const string PlansFileKey = "execplan_plans_file";

    private static readonly IReadOnlyDictionary<string, string> NoOptions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    private static readonly IReadOnlyDictionary<string, RuleSeverity> NoSeverities = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);

    private readonly SettingsRequest _request;
    private readonly EditorConfigResolver _fixedResolver;
    private readonly ConcurrentDictionary<string, EditorConfigResolver> _resolverByFolder = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EditorConfigResolver> _resolverByGlobals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _roots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FileSystemRepositoryView> _views = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ComposedKey, PlanSettings> _composed = new();
    private readonly string? _repositoryRoot;

    public SettingsResolver(SettingsRequest request)
    {
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _repositoryRoot = string.IsNullOrWhiteSpace(request.RepositoryRoot) ? null : Path.GetFullPath(request.RepositoryRoot!.Trim());
        _fixedResolver = new EditorConfigResolver(request.GlobalConfigFiles, snapshot: true);
    }

    /// <summary>Every repository view the run created (each PLANS.md derived once): for EXP060.</summary>
    public IEnumerable<FileSystemRepositoryView> RepositoryViews => _views.Values;

    /// <summary>The configuration keys other than severities that apply to a file (lower-cased keys).</summary>
    public IReadOnlyDictionary<string, string> OptionsFor(string path) =>
        _request.UseEditorConfig ? ResolverFor(Path.GetFullPath(path)).ResolveOptions(Path.GetFullPath(path)) : NoOptions;

    /// <summary>The file's <c>execplan_plan</c> value: true, false or null (not set).</summary>
    public bool? PlanFlagFor(string path) => PlanDiscovery.ConfiguredFlag(OptionsFor(path));

    /// <summary>The repository root for a file: the request's, else (when discovering) the nearest folder at or above it holding .git.</summary>
    public string? RepositoryRootFor(string path)
    {
        if (_repositoryRoot is not null || !_request.DiscoverRepositoryRoot)
        {
            return _repositoryRoot;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? string.Empty;
        return _roots.GetOrAdd(folder, f => FindRepositoryRoot(f.Length == 0 ? Directory.GetCurrentDirectory() : f));
    }

    /// <summary>
    /// What the settings of a file depend on, for a build that skips work when nothing changed: the
    /// configuration files consulted for it into <paramref name="existing"/>, and the places a
    /// configuration file was looked for and not found into <paramref name="absent"/>.
    /// </summary>
    public void CollectInputs(string path, ICollection<string> existing, ICollection<string> absent)
    {
        if (existing is null || absent is null)
        {
            throw new ArgumentNullException(existing is null ? nameof(existing) : nameof(absent));
        }

        if (!_request.UseEditorConfig)
        {
            return;
        }

        var full = Path.GetFullPath(path);
        ResolverFor(full).CollectInputs(full, existing, absent);
        if (_request.DiscoverGlobalConfigs)
        {
            for (var dir = new DirectoryInfo(Path.GetDirectoryName(full) ?? "."); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ".globalconfig");
                (File.Exists(candidate) ? existing : absent).Add(candidate);
            }
        }
    }

    /// <summary>The PLANS.md files the run's repository views read, and the places one was looked
    /// for before them (see <see cref="CollectInputs"/>).</summary>
    public void CollectRepositoryInputs(ICollection<string> existing, ICollection<string> absent)
    {
        if (existing is null || absent is null)
        {
            throw new ArgumentNullException(existing is null ? nameof(existing) : nameof(absent));
        }

        foreach (var view in _views.Values)
        {
            foreach (var lookup in view.PlansFileLookups)
            {
                if (File.Exists(lookup))
                {
                    existing.Add(lookup);
                    break;
                }

                absent.Add(lookup);
            }
        }
    }

    /// <summary>The effective settings of one plan (or of a PLANS.md, for EXP060).</summary>
    public PlanSettings SettingsFor(string planPath)
    {
        var full = Path.GetFullPath(planPath);
        IReadOnlyDictionary<string, RuleSeverity> configured = NoSeverities;
        var options = NoOptions;
        if (_request.UseEditorConfig)
        {
            (configured, options) = ResolverFor(full).Resolve(full);
        }

        FileSystemRepositoryView? view = null;
        if (RepositoryRootFor(full) is { } root)
        {
            var plansFile = _request.PlansFile ?? ConfiguredPlansFile(options);
            view = _views.GetOrAdd(root + "\n" + plansFile, _ => new FileSystemRepositoryView(root, plansFile));
        }

        // Plans that share their configuration (the resolver hands out the same dictionaries for
        // one folder and set of matching sections) and repository share one settings object.
        return _composed.GetOrAdd(
            new ComposedKey(configured, options, view),
            key => Compose(_request, key.Configured, key.Options, key.View, key.View?.PlansDerivation?.Profile));
    }

    /// <summary>
    /// The precedence itself, for a front end that gets its configuration from elsewhere (the
    /// analyzer: severities the build resolved, options from Roslyn's analyzer config): the same
    /// code <see cref="SettingsFor"/> runs.
    /// </summary>
    /// <param name="request">The front end's own options.</param>
    /// <param name="configured">Severities from the configuration files (without the request's overrides).</param>
    /// <param name="options">The other configuration keys of the file (<c>execplan_profile</c>, <c>execplan_plan</c>).</param>
    /// <param name="repository">The repository, or null (EXP008 and EXP044 are skipped).</param>
    /// <param name="plansProfile">The profile derived from the PLANS.md, used only under auto.</param>
    public static PlanSettings Compose(
        SettingsRequest request,
        IReadOnlyDictionary<string, RuleSeverity> configured,
        IReadOnlyDictionary<string, string> options,
        IRepositoryView? repository,
        Profiles.DerivedProfile? plansProfile)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        configured ??= NoSeverities;
        options ??= NoOptions;
        var severities = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in configured)
        {
            severities[pair.Key] = pair.Value;
        }

        foreach (var pair in request.Overrides)
        {
            severities[pair.Key] = pair.Value;
        }

        var profile = request.Profile;
        if (profile == PlanProfile.Auto && options.TryGetValue(ProfileKey, out var text) && PlanProfileText.TryParse(text, out var fromConfig))
        {
            profile = fromConfig;
        }

        var validation = new ValidationSettings
        {
            Profile = profile,
            PlansProfile = profile == PlanProfile.Auto ? plansProfile : null,
            SeverityOverrides = severities,
            Repository = repository,
            MaxFileSizeBytes = request.MaxFileSizeBytes,
            UseInlineSuppressions = request.UseInlineSuppressions,
        };
        return new PlanSettings(validation, PlanDiscovery.ConfiguredFlag(options), repository as FileSystemRepositoryView, SettingsFingerprint.Of(validation));
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <c>.git</c> (a folder, or a file in a worktree).</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string? ConfiguredPlansFile(IReadOnlyDictionary<string, string> options) =>
        options.TryGetValue(PlansFileKey, out var configured) && configured.Trim().Length > 0 ? configured.Trim() : null;

    private EditorConfigResolver ResolverFor(string fullPath) => _request.DiscoverGlobalConfigs
        ? _resolverByFolder.GetOrAdd(Path.GetDirectoryName(fullPath) ?? ".", ResolverForFolder)
        : _fixedResolver;

    // One resolver per distinct set of global configs (the request's plus every .globalconfig from
    // the plan's folder up), so the parsed .editorconfig files are shared by the plans of one tree.
    private EditorConfigResolver ResolverForFolder(string folder)
    {
        var globals = new List<string>(_request.GlobalConfigFiles);
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".globalconfig");
            if (File.Exists(candidate))
            {
                globals.Add(candidate);
            }
        }

        return globals.Count == _request.GlobalConfigFiles.Count
            ? _fixedResolver
            : _resolverByGlobals.GetOrAdd(string.Join("\n", globals), _ => new EditorConfigResolver(globals, snapshot: true));
    }

    /// <summary>Identity of the inputs of <see cref="Compose"/> (the dictionaries by reference).</summary>
    private readonly struct ComposedKey : IEquatable<ComposedKey>
    {
        public ComposedKey(IReadOnlyDictionary<string, RuleSeverity> configured, IReadOnlyDictionary<string, string> options, FileSystemRepositoryView? view)
        {
            Configured = configured;
            Options = options;
            View = view;
        }

        public IReadOnlyDictionary<string, RuleSeverity> Configured { get; }

        public IReadOnlyDictionary<string, string> Options { get; }

        public FileSystemRepositoryView? View { get; }

        public bool Equals(ComposedKey other) =>
            ReferenceEquals(Configured, other.Configured) && ReferenceEquals(Options, other.Options) && ReferenceEquals(View, other.View);

        public override bool Equals(object? obj) => obj is ComposedKey other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                var hash = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Configured);
                hash = (hash * 397) ^ System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Options);
                return (hash * 397) ^ (View is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(View));
            }
        }
    }
}
