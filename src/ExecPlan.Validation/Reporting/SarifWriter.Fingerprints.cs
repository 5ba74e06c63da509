namespace ExecPlan.Validation.Reporting;

using System;
using System.Collections.Generic;
using System.IO;
using ExecPlan.Validation.Diagnostics;

/// <summary>The results' <c>partialFingerprints</c>: each flagged file read once, its lines normalised.</summary>
public static partial class SarifWriter
{
    /// <summary>The largest file read to fingerprint a result's line.</summary>
    private const long MaxFingerprintFileBytes = 16L * 1024 * 1024;

    /// <summary>Each result's <see cref="SarifFingerprint"/>, reading each flagged file once.</summary>
    private static string[] Fingerprints(List<PlanDiagnostic> items, List<ArtifactLocation> locations)
    {
        var files = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var keys = new string[items.Count];
        var lines = new string[items.Count];
        var orders = new (int Line, int Column, string Message)[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var location = locations[i];
            var fileLines = location.FullPath is null ? [] : LinesOf(location.FullPath, files);
            var line = items[i].Span.StartLine;
            lines[i] = SarifFingerprint.NormalizeLine(line >= 1 && line <= fileLines.Length ? fileLines[line - 1] : null);
            keys[i] = items[i].Id.ToUpperInvariant() + "\n" + location.FingerprintPath + "\n" + lines[i];
            orders[i] = (line, items[i].Span.StartColumn, items[i].Message);
        }

        var occurrences = SarifFingerprint.Occurrences(keys, orders);
        var result = new string[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            result[i] = SarifFingerprint.Compute(items[i].Id, locations[i].FingerprintPath, lines[i], occurrences[i]);
        }

        return result;
    }

    private static string[] LinesOf(string fullPath, Dictionary<string, string[]> cache)
    {
        if (cache.TryGetValue(fullPath, out var cached))
        {
            return cached;
        }

        string[] lines;
        try
        {
            var info = new FileInfo(fullPath);
            lines = info.Exists && info.Length <= MaxFingerprintFileBytes
                ? SplitLines(File.ReadAllText(fullPath, System.Text.Encoding.UTF8))
                : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            lines = [];
        }

        cache[fullPath] = lines;
        return lines;
    }

    /// <summary>Lines as the parser counts them: split at \r\n, \n or a lone \r.</summary>
    private static string[] SplitLines(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
}
