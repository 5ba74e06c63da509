namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using System.IO;
using ExecPlan.Validation.Diagnostics;

/// <summary>
/// The incremental cache kept in obj/: for each plan, its length and last-write time, its content
/// hash, the settings key it was validated under (<see cref="Validation.Settings.SettingsFingerprint"/>
/// plus the tool's version) and the library's diagnostics. A plan whose stamp and key are
/// unchanged is not even read; one whose stamp changed but content did not is not parsed again;
/// either way its diagnostics are reported on every build. Stored by <see cref="CacheFileFormat"/>.
/// </summary>
internal sealed class ValidationCache
{
    private readonly Dictionary<string, CacheEntry> _old;
    private readonly Dictionary<string, CacheEntry> _current = new(StringComparer.Ordinal);
    private bool _changed;

    private ValidationCache(Dictionary<string, CacheEntry> old)
    {
        _old = old;
    }

    /// <summary>How many lookups this build were served from the cache.</summary>
    public int Hits { get; private set; }

    /// <summary>How many of the hits were decided by the file stamp alone (the plan was not read).</summary>
    public int StampHits { get; private set; }

    /// <summary>Loads a cache file; a missing, truncated, corrupt or foreign file gives an empty cache.</summary>
    public static ValidationCache Load(string? path) => new(CacheFileFormat.Read(path));

    /// <summary>The cached diagnostics for a plan whose length and write time are unchanged, without reading it.</summary>
    public IReadOnlyList<PlanDiagnostic>? TryGetByStamp(string fullPath, long length, long writeTicks, string settingsKey)
    {
        if (!_old.TryGetValue(fullPath, out var entry) || entry.Length != length || entry.WriteTicks != writeTicks ||
            entry.SettingsKey != settingsKey || writeTicks == 0)
        {
            return null;
        }

        StampHits++;
        return Hit(fullPath, entry);
    }

    /// <summary>The cached diagnostics for a plan with this content hash and settings key, if any
    /// (its stamp is updated, so the next build decides without hashing).</summary>
    public IReadOnlyList<PlanDiagnostic>? TryGet(string fullPath, string contentHash, string settingsKey, long length, long writeTicks)
    {
        if (!_old.TryGetValue(fullPath, out var entry) || entry.ContentHash != contentHash || entry.SettingsKey != settingsKey)
        {
            return null;
        }

        if (entry.Length != length || entry.WriteTicks != writeTicks)
        {
            entry = new CacheEntry(length, writeTicks, contentHash, settingsKey, entry.Diagnostics);
            _changed = true;
        }

        return Hit(fullPath, entry);
    }

    /// <summary>Remembers a fresh result for this build.</summary>
    public void Put(string fullPath, string contentHash, string settingsKey, long length, long writeTicks, IReadOnlyList<PlanDiagnostic> diagnostics)
    {
        var stored = new List<CachedDiagnostic>(diagnostics.Count);
        foreach (var d in diagnostics)
        {
            stored.Add(new CachedDiagnostic(d.Id, d.Severity, d.Span, d.Message, d.HelpUri));
        }

        _current[fullPath] = new CacheEntry(length, writeTicks, contentHash, settingsKey, stored);
        _changed = true;
    }

    /// <summary>Writes this build's entries (plans no longer validated are dropped) when anything changed.</summary>
    public void Save(string? path)
    {
        if (string.IsNullOrEmpty(path) || (!_changed && _current.Count == _old.Count && File.Exists(path)))
        {
            return;
        }

        CacheFileFormat.Write(path!, _current);
    }

    private List<PlanDiagnostic> Hit(string fullPath, CacheEntry entry)
    {
        Hits++;
        _current[fullPath] = entry;
        var result = new List<PlanDiagnostic>(entry.Diagnostics.Count);
        foreach (var d in entry.Diagnostics)
        {
            result.Add(new PlanDiagnostic(d.Id, d.Severity, fullPath, d.Span, d.Message, d.HelpUri));
        }

        return result;
    }
}

/// <summary>One plan's cache entry.</summary>
internal sealed class CacheEntry
{
    public CacheEntry(long length, long writeTicks, string contentHash, string settingsKey, IReadOnlyList<CachedDiagnostic> diagnostics)
    {
        Length = length;
        WriteTicks = writeTicks;
        ContentHash = contentHash;
        SettingsKey = settingsKey;
        Diagnostics = diagnostics;
    }

    public long Length { get; }

    public long WriteTicks { get; }

    public string ContentHash { get; }

    public string SettingsKey { get; }

    public IReadOnlyList<CachedDiagnostic> Diagnostics { get; }
}

/// <summary>A diagnostic as cached (the file path is the entry's).</summary>
internal sealed class CachedDiagnostic
{
    public CachedDiagnostic(string id, RuleSeverity severity, SourceSpan span, string message, string helpUri)
    {
        Id = id;
        Severity = severity;
        Span = span;
        Message = message;
        HelpUri = helpUri;
    }

    public string Id { get; }

    public RuleSeverity Severity { get; }

    public SourceSpan Span { get; }

    public string Message { get; }

    public string HelpUri { get; }
}
