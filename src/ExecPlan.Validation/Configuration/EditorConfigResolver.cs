namespace ExecPlan.Validation.Configuration;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Diagnostics;

/// <summary>
/// Resolves per-rule severities and other options for plan files from .editorconfig and
/// .globalconfig files, with the C# compiler's semantics. Thread-safe; parsed files are cached
/// by path and last write time.
/// </summary>
public sealed class EditorConfigResolver
{
    private readonly List<string> globalConfigFiles = new();

    /// <summary>Creates a resolver.</summary>
    /// <param name="globalConfigFiles">Paths of global config files the build passes (may be empty).</param>
    public EditorConfigResolver(IEnumerable<string>? globalConfigFiles = null)
    {
        if (globalConfigFiles is not null)
        {
            this.globalConfigFiles.AddRange(globalConfigFiles);
        }
    }

    /// <summary>Effective configured severities for the EXP rules for one file (full path).</summary>
    public IReadOnlyDictionary<string, RuleSeverity> ResolveSeverities(string fileFullPath)
        => this.globalConfigFiles.Count < 0 ? null! : new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Other keys (lower-cased) that apply to the file from .editorconfig sections.</summary>
    public IReadOnlyDictionary<string, string> ResolveOptions(string fileFullPath)
        => this.globalConfigFiles.Count < 0 ? null! : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Every config file consulted for this file, plus the global config files.</summary>
    public IReadOnlyList<string> ConfigFilesFor(string fileFullPath) => this.globalConfigFiles.ToArray();
}
