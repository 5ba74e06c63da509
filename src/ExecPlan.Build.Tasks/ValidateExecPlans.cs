namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ExecPlan.Validation;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Settings;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Validates the ExecPlan Markdown files among a project's additional files and logs every
/// diagnostic in the canonical compiler form. Never throws: a file that cannot be validated gets
/// EXP000 and the others are still validated. Settings come from <see cref="SettingsResolver"/> (as for
/// the analyzer and the CLI); results are cached in obj/ by file stamp, content and settings
/// fingerprint, so an unchanged plan is not read again, yet its errors and warnings are reported on
/// every build. After a run that reported neither, it leaves an <see cref="IncrementalState"/> that
/// lets the targets skip it until something it reads changes.
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

    /// <summary>The fingerprint of this run's inputs (settings, files, write times) the targets
    /// computed; empty: no incremental state is kept (see <see cref="IncrementalState"/>).</summary>
    public string? InputsFingerprint { get; set; }

    /// <summary>The plans that were validated.</summary>
    [Output]
    public ITaskItem[] Plans { get; private set; } = Array.Empty<ITaskItem>();

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
        var timings = TaskTimings.FromEnvironment();
        var keepsState = !string.IsNullOrEmpty(CacheFile) && !string.IsNullOrEmpty(InputsFingerprint);
        if (keepsState)
        {
            IncrementalState.Invalidate(CacheFile!);
        }

        if (!PlanProfileText.TryParse(string.IsNullOrWhiteSpace(Profile) ? "auto" : Profile, out var profile))
        {
            Log.LogError(null, "EXP000", null, null, null, 0, 0, 0, 0,
                "ExecPlanProfile '" + Profile + "' is not valid; use 'auto', 'skill' or 'classic'.");
            return;
        }

        var maxSize = ValidationSettings.DefaultMaxFileSizeBytes;
        if (!string.IsNullOrWhiteSpace(MaxFileSize) &&
            (!long.TryParse(MaxFileSize!.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out maxSize) || maxSize <= 0))
        {
            Log.LogError(null, "EXP000", null, null, null, 0, 0, 0, 0,
                "ExecPlanMaxFileSize '" + MaxFileSize + "' is not a positive number of bytes.");
            return;
        }

        var repositoryRoot = !string.IsNullOrWhiteSpace(RepositoryRoot) && Directory.Exists(RepositoryRoot) ? Path.GetFullPath(RepositoryRoot!.Trim()) : null;
        var resolver = new SettingsResolver(new SettingsRequest
        {
            Profile = profile,
            MaxFileSizeBytes = maxSize,
            UseInlineSuppressions = InlineSuppressions,
            GlobalConfigFiles = ExistingPaths(GlobalConfigFiles),
            RepositoryRoot = repositoryRoot,
            PlansFile = string.IsNullOrWhiteSpace(PlansFile) ? null : PlansFile!.Trim(),
        });
        timings.Mark("start");
        var plans = SelectPlans(resolver);
        Plans = plans.Select(p => (ITaskItem)new TaskItem(p)).ToArray();
        timings.Mark("select");
        if (plans.Count == 0)
        {
            Log.LogMessage(MessageImportance.Low, "ExecPlan: no plans to validate.");
            if (keepsState)
            {
                SaveState(resolver, plans, clean: !Log.HasLoggedErrors);
            }

            return;
        }

        var log = new BuildDiagnosticLog(Log, new SeverityPolicy(NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors), HelpUriBase);
        var cache = ValidationCache.Load(CacheFile);
        var toolVersion = ToolVersion();
        timings.Mark("cache-load");
        var validated = 0;
        foreach (var plan in plans)
        {
            IReadOnlyList<PlanDiagnostic> diagnostics;
            try
            {
                var settings = resolver.SettingsFor(plan);
                timings.Mark("settings");
                diagnostics = ValidateOne(plan, settings, cache, toolVersion, ref validated);
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

            timings.Mark("validate");
            log.ReportAll(diagnostics);
            timings.Mark("log");
        }

        // EXP060: a PLANS.md with no skeleton to derive from; reported once, at the PLANS.md.
        foreach (var view in resolver.RepositoryViews.OrderBy(v => v.PlansFileFullPath, StringComparer.Ordinal))
        {
            if (view.PlansDerivation is { Profile: null } failed && view.PlansFileFullPath is { } plansPath)
            {
                var settings = resolver.SettingsFor(plansPath).Validation;
                if (settings.Profile == PlanProfile.Auto)
                {
                    log.ReportAll(new PlanValidator(settings).ValidatePlansFile(failed, plansPath));
                }
            }
        }

        log.WriteSarif(SarifPath, repositoryRoot);
        timings.Mark("exp060+sarif");

        try
        {
            cache.Save(CacheFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogMessage(MessageImportance.Low, "ExecPlan: could not write the cache file '" + CacheFile + "': " + ex.Message);
        }

        Log.LogMessage(MessageImportance.Normal, string.Format(CultureInfo.InvariantCulture,
            "ExecPlan: {0} plan(s) checked, {1} validated, {2} reused from cache ({3} unread, by length and write time) ({4}).",
            plans.Count, validated, cache.Hits, cache.StampHits, CacheFile));
        timings.Mark("cache-save");
        if (keepsState)
        {
            SaveState(resolver, plans, clean: log.ErrorsAndWarnings == 0 && !Log.HasLoggedErrors);
        }

        timings.Mark("state");
        timings.Report(Log);
    }

    // The configuration around every candidate (not only the plans: execplan_plan can make one a
    // plan), so the targets can tell next time whether anything this run read has changed.
    private void SaveState(SettingsResolver resolver, List<string> plans, bool clean)
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        var absent = new HashSet<string>(StringComparer.Ordinal);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var file in Files)
            {
                var full = file.GetMetadata("FullPath");
                if (full.Length > 0 && folders.Add(Path.GetDirectoryName(full) ?? string.Empty))
                {
                    resolver.CollectInputs(full, existing, absent);
                }
            }

            resolver.CollectRepositoryInputs(existing, absent);
            IncrementalState.Save(CacheFile!, InputsFingerprint!, clean, existing, absent, plans);
        }
#pragma warning disable CA1031 // The state only saves time: without it the next build runs the task.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.LogMessage(MessageImportance.Low, "ExecPlan: could not write the incremental state beside '" + CacheFile + "': " + ex.Message);
        }
    }

    private static IReadOnlyList<PlanDiagnostic> ValidateOne(string plan, PlanSettings settings, ValidationCache cache, string toolVersion, ref int validated)
    {
        // The settings key: everything that changes a verdict, and the tool itself. EXP044's
        // path checks are not in it: a plan is re-validated when it or the settings change.
        var key = settings.Fingerprint + ";tool=" + toolVersion;

        // First the stamp: an unchanged plan is not even read.
        long length = -1, ticks = 0;
        try
        {
            var info = new FileInfo(plan);
            if (info.Exists)
            {
                length = info.Length;
                ticks = info.LastWriteTimeUtc.Ticks;
                if (cache.TryGetByStamp(plan, length, ticks, key) is { } unchanged)
                {
                    return unchanged;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The read below reports what is wrong with the file.
        }

        // Only regular files, never more than the limit (+1 byte): a FIFO, device or oversized
        // file gets its EXP000 at once and is not cached.
        var validator = new PlanValidator(settings.Validation);
        var read = Validation.Io.SafeFileReader.Read(plan, settings.Validation.MaxFileSizeBytes);
        if (read.Bytes is not { } bytes)
        {
            validated++;
            return validator.ReadFailure(plan, read);
        }

        var hash = CacheFileFormat.Hash(bytes);
        if (cache.TryGet(plan, hash, key, length, ticks) is { } same)
        {
            return same;
        }

        validated++;
        var fresh = validator.ValidateBytes(bytes, plan);
        cache.Put(plan, hash, key, length == bytes.Length ? length : -1, ticks, fresh);
        return fresh;
    }

    private static string ToolVersion() =>
        typeof(PlanValidator).Assembly.ManifestModule.ModuleVersionId.ToString("N") + "+" +
        typeof(ValidateExecPlans).Assembly.ManifestModule.ModuleVersionId.ToString("N");
}
