namespace ExecPlan.Validation.Configuration;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

/// <summary>The resolver's discovery half: which .editorconfig and global config files apply to a
/// folder, read once per stamp (and, in snapshot mode, once per folder).</summary>
public sealed partial class EditorConfigResolver
{
    /// <summary>The .editorconfig files (outermost first, from the innermost root on) and the merged global
    /// configs for a file; the answer depends only on the file's folder.</summary>
    private FolderConfigs CollectFor(string full, string normalizedPath)
    {
        var editorConfigs = new List<ConfigFile>();
        var globals = new List<ConfigFile>();
        this.Walk(full, consulted: null, editorConfigs, globals, absent: null);

        foreach (string path in this._globalConfigFiles)
        {
            var file = this.Load(path);
            if (file is null || globals.Any(g => string.Equals(g.Path, file.Path, StringComparison.Ordinal))
                || editorConfigs.Any(e => string.Equals(e.Path, file.Path, StringComparison.Ordinal)))
            {
                continue;
            }

            if (file.IsGlobal)
            {
                globals.Add(file);
            }
            else if (IsAncestorDirectory(file.DirectoryPath, normalizedPath))
            {
                editorConfigs.Add(file);
            }
        }

        // Outermost first; then only what follows the innermost root file counts.
        var ordered = editorConfigs
            .Select((file, index) => (file, index))
            .OrderBy(x => x.file.DirectoryPath.Length)
            .ThenByDescending(x => x.index)
            .Select(x => x.file)
            .ToList();
        int lastRoot = ordered.FindLastIndex(f => f.IsRoot);
        if (lastRoot > 0)
        {
            ordered.RemoveRange(0, lastRoot);
        }

        return new FolderConfigs(ordered, this.MergeGlobals(globals));
    }

    /// <summary>Walks from the file's directory upward, collecting existing .editorconfig files
    /// (and, into <paramref name="absent"/>, the places looked at where there was none).</summary>
    private void Walk(string fileFullPath, List<string>? consulted, List<ConfigFile>? editorConfigs, List<ConfigFile>? globals, ICollection<string>? absent)
    {
        string? directory;
        try
        {
            directory = Path.GetDirectoryName(fileFullPath);
        }
        catch (Exception e) when (e is ArgumentException or PathTooLongException)
        {
            return;
        }

        while (!string.IsNullOrEmpty(directory))
        {
            string candidate = Path.Combine(directory, EditorConfigFileName);
            if (File.Exists(candidate))
            {
                consulted?.Add(candidate);
                var file = this.Load(candidate);
                if (file is not null)
                {
                    if (file.IsGlobal)
                    {
                        globals?.Add(file);
                    }
                    else
                    {
                        editorConfigs?.Add(file);
                        if (file.IsRoot)
                        {
                            return;
                        }
                    }
                }
            }
            else
            {
                absent?.Add(candidate);
            }

            try
            {
                directory = Path.GetDirectoryName(directory);
            }
            catch (Exception e) when (e is ArgumentException or PathTooLongException)
            {
                return;
            }
        }
    }

    private GlobalConfigSet MergeGlobals(List<ConfigFile> globals)
    {
        if (globals.Count == 0)
        {
            return GlobalConfigSet.Empty;
        }

        var key = new StringBuilder();
        foreach (var g in globals)
        {
            key.Append(g.Path).Append('\n').Append(g.Stamp).Append('\n');
        }

        string cacheKey = key.ToString();
        if (this._mergedGlobals.TryGetValue(cacheKey, out var merged))
        {
            return merged;
        }

        if (this._mergedGlobals.Count >= MaxMergedGlobals)
        {
            // Edited global configs leave stale entries behind; a long-lived resolver must not grow without bound.
            this._mergedGlobals.Clear();
        }

        return this._mergedGlobals.GetOrAdd(cacheKey, _ => GlobalConfigSet.Merge(globals));
    }

    /// <summary>The parsed file, from the cache when its time stamp and length are unchanged; null when unreadable.</summary>
    private ConfigFile? Load(string path)
    {
        string stamp;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                this._cache.TryRemove(path, out _);
                return null;
            }

            stamp = info.LastWriteTimeUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":"
                + info.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return null;
        }

        if (this._cache.TryGetValue(path, out var cached) && cached.Stamp == stamp)
        {
            return cached.File;
        }

        // A FIFO or device named .editorconfig must not block or flood the build: only regular
        // files up to the limit are read; anything else counts as absent.
        ConfigFile? parsed = null;
        var read = Io.SafeFileReader.Read(path, MaxConfigFileBytes);
        if (read.Bytes is { } bytes)
        {
            var preamble = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            parsed = ConfigFile.Parse(new UTF8Encoding(false).GetString(bytes, preamble, bytes.Length - preamble), path, stamp);
        }

        this._cache[path] = new CachedFile(stamp, parsed);
        return parsed;
    }

    private sealed class CachedFile
    {
        public CachedFile(string stamp, ConfigFile? file)
        {
            this.Stamp = stamp;
            this.File = file;
        }

        public string Stamp { get; }

        public ConfigFile? File { get; }
    }

    private sealed class FolderConfigs
    {
        public FolderConfigs(List<ConfigFile> editorConfigs, GlobalConfigSet global)
        {
            this.EditorConfigs = editorConfigs;
            this.Global = global;
        }

        public List<ConfigFile> EditorConfigs { get; }

        public GlobalConfigSet Global { get; }
    }

    private static string? TryGetFullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return null;
        }
    }

    private static bool IsAncestorDirectory(string normalizedDirectory, string normalizedPath)
    {
        string prefix = normalizedDirectory.EndsWith("/", StringComparison.Ordinal) ? normalizedDirectory : normalizedDirectory + "/";
        return normalizedPath.StartsWith(prefix, StringComparison.Ordinal);
    }
}
