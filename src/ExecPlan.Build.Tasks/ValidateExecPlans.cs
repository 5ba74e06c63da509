namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ExecPlan.Validation;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Settings;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Validates the ExecPlan Markdown files among a project's additional files and logs every
/// diagnostic in the canonical compiler form. Never throws: a file that cannot be validated gets
/// EXP000 and the others are still validated. Results are cached in obj/ by content and settings,
/// so an unchanged plan is not parsed again, yet its diagnostics are reported on every build.
/// </summary>
public sealed class ValidateExecPlans : PlanSelectingTask
{
    /// <summary><c>skill</c> (default) or <c>classic</c>.</summary>
    public string? Profile { get; set; }

    /// <summary>The repository root used by repository-aware rules; empty disables them.</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>The PLANS.md the auto profile derives from (<c>ExecPlanPlansFile</c>; the targets
    /// resolve it to a full path, found in root, .agent/, .agents/ or docs/ when not set).</summary>
    public string? PlansFile { get; set; }

    /// <summary>Size limit in bytes; empty means the library default.</summary>
    public string? MaxFileSize { get; set; }

    public string? NoWarn { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>Global analyzer config files (<c>is_global = true</c>) that apply to every plan.</summary>
    public ITaskItem[] GlobalConfigFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Whether <c>execplan-disable</c> comments in plans are honoured (default true).</summary>
    public bool InlineSuppressions { get; set; } = true;

    /// <summary>When set, every reported diagnostic is also written there as SARIF 2.1.0
    /// (<c>ExecPlanSarifPath</c>), for code-scanning dashboards.</summary>
    public string? SarifPath { get; set; }

    /// <summary><c>ExecPlanHelpUriBase</c>: where help links point; empty: the project's rule pages.</summary>
    public string? HelpUriBase { get; set; }

    /// <summary>Where the incremental cache lives; empty disables caching.</summary>
    public string? CacheFile { get; set; }

    /// <summary>The plans that were validated.</summary>
    [Output]
    public ITaskItem[] Plans { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>Configuration factory; replaced by tests.</summary>
    internal Func<IEnumerable<string>, ISeverityConfiguration> ConfigurationFactory { get; set; } = SeverityConfiguration.Create;

    public override bool Execute()
    {
        try
        {
            Run();
        }
#pragma warning disable CA1031 // The task must never fail with MSB4018: report instead.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.LogError(null, "EXP000", null, null, null, 0, 0, 0, 0,
                "ExecPlan validation failed unexpectedly (" + ex.GetType().Name + ": " + ex.Message + "); please report it.");
        }

        return !Log.HasLoggedErrors;
    }

    private void Run()
    {
        if (!PlanProfileText.TryParse(string.IsNullOrWhiteSpace(Profile) ? "auto" : Profile, out var profile))
        {
            Log.LogError(null, "EXP000", null, null, null, 0, 0, 0, 0,
                "ExecPlanProfile '" + Profile + "' is not valid; use 'auto', 'skill' or 'classic'.");
            return;
        }

        var maxSize = ValidationSettings.DefaultMaxFileSizeBytes;
        if (!string.IsNullOrWhiteSpace(MaxFileSize))
        {
            if (!long.TryParse(MaxFileSize!.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out maxSize) || maxSize <= 0)
            {
                Log.LogError(null, "EXP000", null, null, null, 0, 0, 0, 0,
                    "ExecPlanMaxFileSize '" + MaxFileSize + "' is not a positive number of bytes.");
                return;
            }
        }

        string? repositoryRoot = null;
        FileSystemRepositoryView? repository = null;
        if (!string.IsNullOrWhiteSpace(RepositoryRoot) && Directory.Exists(RepositoryRoot))
        {
            repositoryRoot = Path.GetFullPath(RepositoryRoot!.Trim());
            repository = new FileSystemRepositoryView(repositoryRoot, string.IsNullOrWhiteSpace(PlansFile) ? null : PlansFile!.Trim());
        }

        // The auto profile: derived from the repository's PLANS.md, read once per build.
        var derivation = profile == PlanProfile.Auto ? repository?.PlansDerivation : null;
        var derived = derivation?.Profile;

        var globalConfigs = SeverityConfiguration.ExistingPaths(GlobalConfigFiles);
        var configuration = ConfigurationFactory(globalConfigs);
        var plans = SelectPlans(configuration);
        Plans = plans.Select(p => (ITaskItem)new TaskItem(p)).ToArray();
        if (plans.Count == 0)
        {
            Log.LogMessage(MessageImportance.Low, "ExecPlan: no plans to validate.");
            return;
        }

        var policy = new SeverityPolicy(NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);
        var cache = ValidationCache.Load(CacheFile);
        var toolVersion = ToolVersion();
        var validated = 0;
        var reported = new List<PlanDiagnostic>();

        foreach (var plan in plans)
        {
            IReadOnlyList<PlanDiagnostic> diagnostics;
            try
            {
                diagnostics = ValidateOne(plan, profile, derived, maxSize, InlineSuppressions, repositoryRoot, repository, configuration, cache, toolVersion, ref validated);
            }
#pragma warning disable CA1031 // One bad file must not stop the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                diagnostics = new[]
                {
                    new PlanDiagnostic("EXP000", RuleSeverity.Error, plan, SourceSpan.FileStart,
                        Validation.Rules.RuleCatalog.EXP000.FormatMessage("the plan could not be validated (" + ex.GetType().Name + ": " + ex.Message + ")."),
                        Validation.Rules.RuleCatalog.EXP000.HelpUri),
                };
            }

            foreach (var diagnostic in diagnostics)
            {
                var severity = Report(diagnostic, policy);
                if (severity != RuleSeverity.None)
                {
                    reported.Add(new PlanDiagnostic(diagnostic.Id, severity, diagnostic.FilePath, diagnostic.Span, diagnostic.Message, diagnostic.HelpUri));
                }
            }
        }

        // EXP060: the PLANS.md has no skeleton to derive from; reported once, at PLANS.md.
        if (derivation is { Profile: null } && repository?.PlansFileFullPath is { } plansPath)
        {
            var plansSettings = new ValidationSettings { Profile = profile, SeverityOverrides = configuration.ResolveSeverities(plansPath) };
            foreach (var diagnostic in new PlanValidator(plansSettings).ValidatePlansFile(derivation, plansPath))
            {
                var severity = Report(diagnostic, policy);
                if (severity != RuleSeverity.None)
                {
                    reported.Add(new PlanDiagnostic(diagnostic.Id, severity, diagnostic.FilePath, diagnostic.Span, diagnostic.Message, diagnostic.HelpUri));
                }
            }
        }

        WriteSarif(reported, repositoryRoot);

        try
        {
            cache.Save(CacheFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogMessage(MessageImportance.Low, "ExecPlan: could not write the cache file '" + CacheFile + "': " + ex.Message);
        }

        Log.LogMessage(MessageImportance.Normal, string.Format(CultureInfo.InvariantCulture,
            "ExecPlan: {0} plan(s) checked, {1} validated, {2} reused from cache ({3}).",
            plans.Count, validated, cache.Hits, CacheFile));
    }

    private static IReadOnlyList<PlanDiagnostic> ValidateOne(
        string plan, PlanProfile profile, Validation.Profiles.DerivedProfile? derived, long maxSize, bool inlineSuppressions, string? repositoryRoot, IRepositoryView? repository,
        ISeverityConfiguration configuration, ValidationCache cache, string toolVersion, ref int validated)
    {
        var overrides = configuration.ResolveSeverities(plan);
        var settings = new ValidationSettings
        {
            Profile = profile,
            PlansProfile = derived,
            SeverityOverrides = overrides,
            Repository = repository,
            MaxFileSizeBytes = maxSize,
            UseInlineSuppressions = inlineSuppressions,
        };
        var validator = new PlanValidator(settings);

        // Only regular files, never more than the limit (+1 byte): a FIFO, device or oversized
        // file gets its EXP000 at once and is not cached.
        var read = Validation.Io.SafeFileReader.Read(plan, maxSize);
        if (read.Bytes is null)
        {
            validated++;
            return validator.ReadFailure(plan, read);
        }

        var bytes = read.Bytes;

        // EXP008 depends on whether the repository has a PLANS.md: part of the key. (EXP044's
        // path checks are not: a plan is re-validated when it or the settings change.)
        var key = Key(bytes, profile, maxSize, inlineSuppressions, repositoryRoot + "|" + repository?.PlansFile + "|" + derived?.Fingerprint, overrides, toolVersion);
        var cached = cache.TryGet(plan, key);
        if (cached is not null)
        {
            return cached;
        }

        validated++;
        var fresh = validator.ValidateBytes(bytes, plan);
        cache.Put(plan, key, fresh);
        return fresh;
    }

    private static string Key(byte[] bytes, PlanProfile profile, long maxSize, bool inlineSuppressions, string? repositoryRoot,
        IReadOnlyDictionary<string, RuleSeverity> overrides, string toolVersion)
    {
        var text = new StringBuilder();
        text.Append("content=").Append(ValidationCache.Hash(bytes))
            .Append(";profile=").Append(profile.ToText())
            .Append(";max=").Append(maxSize.ToString(CultureInfo.InvariantCulture))
            .Append(";inline=").Append(inlineSuppressions ? "1" : "0")
            .Append(";repo=").Append(repositoryRoot ?? string.Empty)
            .Append(";tool=").Append(toolVersion)
            .Append(";severities=");
        foreach (var pair in overrides.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(pair.Key.ToUpperInvariant()).Append('=').Append(pair.Value.ToText()).Append(',');
        }

        return ValidationCache.Hash(text.ToString());
    }

    private static string ToolVersion() =>
        typeof(PlanValidator).Assembly.ManifestModule.ModuleVersionId.ToString("N") + "+" +
        typeof(ValidateExecPlans).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private void WriteSarif(List<PlanDiagnostic> diagnostics, string? repositoryRoot)
    {
        if (string.IsNullOrWhiteSpace(SarifPath))
        {
            return;
        }

        try
        {
            var path = Path.GetFullPath(SarifPath!.Trim());
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            // Name and version stay the writer's defaults, so this log and the CLI's agree.
            Validation.Reporting.SarifWriter.Write(writer, diagnostics, new Validation.Reporting.SarifOptions
            {
                RepositoryRoot = repositoryRoot,
                BaseDirectory = repositoryRoot,
                HelpUriBase = HelpUriBase,
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Log.LogWarning(null, "EXP000", null, null, SarifPath, 0, 0, 0, 0, "The SARIF report could not be written: " + ex.Message);
        }
    }

    private RuleSeverity Report(PlanDiagnostic diagnostic, SeverityPolicy policy)
    {
        var severity = policy.Apply(diagnostic.Id, diagnostic.Severity);
        var span = diagnostic.Span;
        switch (severity)
        {
            case RuleSeverity.Error:
                Log.LogError(null, diagnostic.Id, null, Validation.Rules.HelpLinks.Rebase(diagnostic.HelpUri, HelpUriBase), diagnostic.FilePath,
                    span.StartLine, span.StartColumn, span.EndLine, span.EndColumn, diagnostic.Message);
                break;
            case RuleSeverity.Warning:
                Log.LogWarning(null, diagnostic.Id, null, Validation.Rules.HelpLinks.Rebase(diagnostic.HelpUri, HelpUriBase), diagnostic.FilePath,
                    span.StartLine, span.StartColumn, span.EndLine, span.EndColumn, diagnostic.Message);
                break;
            case RuleSeverity.Suggestion:
                Log.LogMessage(null, diagnostic.Id, null, diagnostic.FilePath,
                    span.StartLine, span.StartColumn, span.EndLine, span.EndColumn, MessageImportance.Normal, diagnostic.Message);
                break;
            default:
                break;
        }

        return severity;
    }
}
