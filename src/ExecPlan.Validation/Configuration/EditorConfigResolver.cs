// One job over 300 lines: the precedence of every key, half of it the remarks below that the Roslyn oracle tests (RoslynParityTests) hold it to; discovery lives in EditorConfigResolver.Discovery.cs.
namespace ExecPlan.Validation.Configuration;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Rules;

/// <summary>
/// Resolves per-rule severities and other options for plan files (<c>*.md</c>) from .editorconfig and
/// global config files, with the C# compiler's semantics, so that the MSBuild task, the CLI and the
/// analyzer agree. Roslyn does not apply .editorconfig severities to diagnostics reported on
/// additional files, which is why this exists. Thread-safe; parsed files are cached by path and last
/// write time (and length). Never throws for a missing, unreadable or malformed config file: such a
/// file is ignored.
/// </summary>
/// <remarks>
/// <para><b>Discovery.</b> .editorconfig files are looked for in the plan file's own directory and every
/// ancestor; the walk stops after a file whose preamble says <c>root = true</c>. A discovered
/// .editorconfig that is itself a global config (<c>is_global</c>) is treated as a global config, as the
/// compiler treats every config it is given. <c>.globalconfig</c> files are not discovered: the caller
/// passes them (the build's <c>GlobalAnalyzerConfigFiles</c> and <c>EditorConfigFiles</c>). A passed file that
/// is not global is used as an ordinary .editorconfig when its directory contains the plan file (and, as in Roslyn, a
/// nearer <c>root = true</c> file hides it). An unreadable .editorconfig is skipped and the walk goes on; a global
/// .editorconfig never stops the walk (Roslyn does not treat global configs as roots).</para>
/// <para><b>Paths.</b> The plan path is made absolute (<c>.</c> and <c>..</c> resolved) and compared with '/' separators;
/// section globs and global-config section paths are case-sensitive on every OS, as in Roslyn. Deliberate small
/// differences from csc: on Windows the drive letter of the plan path is upper-cased like the drive letter of
/// global-config section names (Roslyn only normalizes the section names), and a passed .editorconfig applies only to
/// files under its directory (Roslyn's plain prefix test would also let <c>/a/b</c> reach <c>/a/bc/x.md</c>).
/// .editorconfig files above the nearest root file are not read, so an <c>is_global</c> .editorconfig up there is not
/// seen, whereas the SDK would pass it to csc.</para>
/// <para><b>Per-file options</b> are built like <c>AnalyzerConfigSet.GetOptionsForSourcePath</c>: first the
/// merged global config's section whose name is the file's full path, then the matching sections of each
/// .editorconfig from the outermost (after the nearest <c>root = true</c>) to the nearest, each file's sections
/// in file order; a later assignment overwrites an earlier one. For <c>dotnet_diagnostic.ID.severity</c> an
/// unknown severity word is ignored (it does not overwrite). The unnamed top section of the global configs
/// supplies ID severities at a lower precedence than any of the above, and plain options that everything above
/// overwrites.</para>
/// <para><b>Severity words</b> (case-insensitive): <c>none</c>, <c>silent</c>, <c>refactoring</c> (= silent),
/// <c>suggestion</c>, <c>warning</c>, <c>error</c>, and <c>default</c>, which means the rule's default severity
/// (and, for an ID key, still counts as configured, so category and bulk keys no longer apply). Roslyn does
/// <i>not</i> accept <c>info</c> or <c>hidden</c> in config files (it reports InvalidSeverityInAnalyzerConfig and
/// ignores the entry), and neither does this class.</para>
/// <para><b>Precedence</b> per rule, as the compiler's diagnostic filter and analyzer driver apply it: an ID key
/// from the per-file options; else an ID key from the global configs' top section; else (only for rules that are
/// enabled by default, i.e. whose default severity is not <see cref="RuleSeverity.None"/>)
/// <c>dotnet_analyzer_diagnostic.category-ExecPlan.severity</c> from the per-file options (global top section
/// included); else <c>dotnet_analyzer_diagnostic.severity</c>. An invalid category value falls through to the bulk
/// key, as in Roslyn.</para>
/// <para>Finding and reading the files is in <c>EditorConfigResolver.Discovery.cs</c>; this file merges them.</para>
/// </remarks>
public sealed partial class EditorConfigResolver
{
    private const string EditorConfigFileName = ".editorconfig";
    private const string DiagnosticPrefix = "dotnet_diagnostic.";
    private const string SeveritySuffix = ".severity";
    private const string BulkKey = "dotnet_analyzer_diagnostic.severity";
    private const int MaxMergedGlobals = 64;

    /// <summary>Config files larger than this are ignored (the plan limit: far above any real one).</summary>
    private const long MaxConfigFileBytes = Settings.ValidationSettings.DefaultMaxFileSizeBytes;

    private readonly string[] _globalConfigFiles;
    private readonly ConcurrentDictionary<string, CachedFile> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GlobalConfigSet> _mergedGlobals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FolderConfigs>? _folders;
    private readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, RuleSeverity>, IReadOnlyDictionary<string, string>)>? _resolved;

    /// <summary>Creates a resolver.</summary>
    /// <param name="globalConfigFiles">Paths of <c>.globalconfig</c> files and other files with <c>is_global = true</c>
    /// that the build passes (may be empty). Relative paths are made absolute against the current directory.</param>
    public EditorConfigResolver(IEnumerable<string>? globalConfigFiles = null)
        : this(globalConfigFiles, snapshot: false)
    {
    }

    /// <summary>Creates a resolver; with <paramref name="snapshot"/> the files that apply to a folder are found
    /// and read once for the life of the resolver (one build or one CLI run), not checked again on every call.</summary>
    public EditorConfigResolver(IEnumerable<string>? globalConfigFiles, bool snapshot)
    {
        this._folders = snapshot ? new ConcurrentDictionary<string, FolderConfigs>(StringComparer.Ordinal) : null;
        this._resolved = snapshot ? new(StringComparer.Ordinal) : null;
        this._globalConfigFiles = (globalConfigFiles ?? Enumerable.Empty<string>())
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(TryGetFullPath)
            .Where(p => p is not null)
            .Select(p => p!)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// Effective severities of the EXP rules for one file (full path). Only rules whose severity is configured
    /// (by ID, by the ExecPlan category key, or by the bulk key) appear; keys are rule IDs, compared
    /// case-insensitively.
    /// </summary>
    public IReadOnlyDictionary<string, RuleSeverity> ResolveSeverities(string fileFullPath) => Severities(this.Build(fileFullPath));

    /// <summary>Severities and options in one resolution (what <see cref="Settings.SettingsResolver"/> needs per plan).</summary>
    /// <remarks>A snapshot resolver answers once per folder and set of matching sections: the plans
    /// of one folder share the (read-only) dictionaries.</remarks>
    internal (IReadOnlyDictionary<string, RuleSeverity> Severities, IReadOnlyDictionary<string, string> Options) Resolve(string fileFullPath)
    {
        if (this.Match(fileFullPath) is not { } matched)
        {
            return (Severities(null), new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
        }

        if (this._resolved is not null && this._resolved.TryGetValue(matched.Key, out var known))
        {
            return known;
        }

        var context = Apply(matched);
        (IReadOnlyDictionary<string, RuleSeverity>, IReadOnlyDictionary<string, string>) answer =
            (Severities(context), new Dictionary<string, string>(context.Options, StringComparer.OrdinalIgnoreCase));
        this._resolved?.TryAdd(matched.Key, answer);
        return answer;
    }

    private static Dictionary<string, RuleSeverity> Severities(ResolutionContext? context)
    {
        var result = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);
        if (context is null)
        {
            return result;
        }

        string categoryKey = "dotnet_analyzer_diagnostic.category-" + RuleCatalog.Category + SeveritySuffix;
        foreach (var rule in RuleCatalog.All)
        {
            if (context.IdSeverities.TryGetValue(rule.Id, out var configured)
                || context.GlobalIdSeverities.TryGetValue(rule.Id, out configured))
            {
                result[rule.Id] = configured ?? rule.DefaultSeverity;
                continue;
            }

            if (rule.DefaultSeverity == RuleSeverity.None)
            {
                // Bulk configuration never enables a rule that is disabled by default.
                continue;
            }

            if ((context.Options.TryGetValue(categoryKey, out string? value) && TryParseSeverity(value, out configured))
                || (context.Options.TryGetValue(BulkKey, out value) && TryParseSeverity(value, out configured)))
            {
                result[rule.Id] = configured ?? rule.DefaultSeverity;
            }
        }

        return result;
    }

    /// <summary>
    /// The other options that apply to the file (every key except <c>dotnet_diagnostic.ID.severity</c>), with the
    /// same precedence as severities; keys are lower-case and compared case-insensitively; values are as written
    /// (trimmed).
    /// </summary>
    public IReadOnlyDictionary<string, string> ResolveOptions(string fileFullPath)
    {
        var context = this.Build(fileFullPath);
        return context is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(context.Options, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Every .editorconfig consulted for this file (from its own directory upward, up to and including the first
    /// one with <c>root = true</c>; existing files only, readable or not), followed by the global config files given
    /// to the constructor; for MSBuild incremental inputs.
    /// </summary>
    public IReadOnlyList<string> ConfigFilesFor(string fileFullPath)
    {
        var files = new List<string>();
        string? full = TryGetFullPath(fileFullPath);
        if (full is not null)
        {
            this.Walk(full, files, editorConfigs: null, globals: null, absent: null);
        }

        foreach (string g in this._globalConfigFiles)
        {
            if (!files.Contains(g, StringComparer.Ordinal))
            {
                files.Add(g);
            }
        }

        return files;
    }

    /// <summary>
    /// What a file's configuration depends on, for a build that skips work when nothing changed:
    /// every existing .editorconfig consulted for it (as <see cref="ConfigFilesFor"/>, global
    /// configs included) into <paramref name="existing"/>, and every place an .editorconfig was
    /// looked for and not found into <paramref name="absent"/> (one appearing there changes the answer).
    /// </summary>
    public void CollectInputs(string fileFullPath, ICollection<string> existing, ICollection<string> absent)
    {
        if (existing is null)
        {
            throw new ArgumentNullException(nameof(existing));
        }

        string? full = fileFullPath is null ? null : TryGetFullPath(fileFullPath);
        var consulted = new List<string>();
        if (full is not null)
        {
            this.Walk(full, consulted, editorConfigs: null, globals: null, absent);
        }

        consulted.AddRange(this._globalConfigFiles);
        foreach (string file in consulted)
        {
            existing.Add(file);
        }
    }

    /// <summary>Parses a severity word as Roslyn does; <paramref name="severity"/> is null for <c>default</c>.</summary>
    internal static bool TryParseSeverity(string? value, out RuleSeverity? severity)
    {
        severity = null;
        switch (value?.ToUpperInvariant())
        {
            case "DEFAULT":
                return true;
            case "ERROR":
                severity = RuleSeverity.Error;
                return true;
            case "WARNING":
                severity = RuleSeverity.Warning;
                return true;
            case "SUGGESTION":
                severity = RuleSeverity.Suggestion;
                return true;
            case "SILENT":
            case "REFACTORING":
                severity = RuleSeverity.Silent;
                return true;
            case "NONE":
                severity = RuleSeverity.None;
                return true;
            default:
                return false;
        }
    }

    private ResolutionContext? Build(string fileFullPath) => this.Match(fileFullPath) is { } matched ? Apply(matched) : null;

    /// <summary>The configuration that applies to a file: its folder's files and, in order, the
    /// sections whose globs match it. What follows depends only on these, which many files share.</summary>
    private MatchedSections? Match(string fileFullPath)
    {
        string? full = fileFullPath is null ? null : TryGetFullPath(fileFullPath);
        if (full is null)
        {
            return null;
        }

        string normalizedPath = Paths.Normalize(full);
        FolderConfigs configs;
        string folder = Path.GetDirectoryName(full) ?? string.Empty;
        if (this._folders is null)
        {
            configs = this.CollectFor(full, normalizedPath);
        }
        else
        {
            configs = this._folders.GetOrAdd(folder, _ => this.CollectFor(full, normalizedPath));
        }

        var global = configs.Global;
        var globalSection = global.SectionFor(normalizedPath);
        var key = new StringBuilder(folder.Length + 32).Append(folder).Append('\n');
        if (globalSection is not null)
        {
            // Global sections are named by full path: this file's answer is its own.
            key.Append(normalizedPath);
        }

        key.Append('\n');
        var sections = new List<IReadOnlyDictionary<string, string>>();
        for (int c = 0; c < configs.EditorConfigs.Count; c++)
        {
            var config = configs.EditorConfigs[c];
            int length = config.DirectoryPath.Length;
            if (length > 0 && config.DirectoryPath[length - 1] == '/')
            {
                length--;
            }

            string relative = normalizedPath.Substring(length);
            foreach (var section in config.Sections)
            {
                var glob = config.GlobFor(section);
                if (glob is not null && glob.IsMatch(relative))
                {
                    sections.Add(section.Properties);
                    key.Append(c).Append('.').Append(section.Index).Append(',');
                }
            }
        }

        return new MatchedSections(global, globalSection, sections, key.ToString());
    }

    private static ResolutionContext Apply(MatchedSections matched)
    {
        var context = new ResolutionContext();
        foreach (var pair in matched.Global.Preamble)
        {
            if (TryGetDiagnosticId(pair.Key, out string? id))
            {
                if (TryParseSeverity(pair.Value, out var severity))
                {
                    context.GlobalIdSeverities[id!] = severity;
                }
            }
            else
            {
                context.Options[pair.Key] = pair.Value;
            }
        }

        if (matched.GlobalSection is not null)
        {
            Apply(matched.GlobalSection, context);
        }

        foreach (var properties in matched.Sections)
        {
            Apply(properties, context);
        }

        return context;
    }

    private static void Apply(IReadOnlyDictionary<string, string> properties, ResolutionContext context)
    {
        foreach (var pair in properties)
        {
            if (TryGetDiagnosticId(pair.Key, out string? id))
            {
                if (TryParseSeverity(pair.Value, out var severity))
                {
                    context.IdSeverities[id!] = severity;
                }
            }
            else
            {
                context.Options[pair.Key] = pair.Value;
            }
        }
    }

    private static bool TryGetDiagnosticId(string key, out string? id)
    {
        id = null;
        int idLength = key.Length - DiagnosticPrefix.Length - SeveritySuffix.Length;
        if (idLength < 0
            || !key.StartsWith(DiagnosticPrefix, StringComparison.OrdinalIgnoreCase)
            || !key.EndsWith(SeveritySuffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        id = key.Substring(DiagnosticPrefix.Length, idLength);
        return true;
    }

    private sealed class MatchedSections
    {
        public MatchedSections(GlobalConfigSet global, IReadOnlyDictionary<string, string>? globalSection, List<IReadOnlyDictionary<string, string>> sections, string key)
        {
            this.Global = global;
            this.GlobalSection = globalSection;
            this.Sections = sections;
            this.Key = key;
        }

        public GlobalConfigSet Global { get; }

        public IReadOnlyDictionary<string, string>? GlobalSection { get; }

        /// <summary>The matching sections' properties, in the order they apply.</summary>
        public List<IReadOnlyDictionary<string, string>> Sections { get; }

        /// <summary>The folder, the global section (when one names the file) and the matching sections: equal keys, equal answers.</summary>
        public string Key { get; }
    }

    private sealed class ResolutionContext
    {
        /// <summary>ID severities from the file's sections; a null value means <c>default</c>.</summary>
        public Dictionary<string, RuleSeverity?> IdSeverities { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>ID severities from the global configs' top section.</summary>
        public Dictionary<string, RuleSeverity?> GlobalIdSeverities { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, string> Options { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
