namespace ExecPlan.Cli;

using System;
using System.IO;

/// <summary>
/// How <c>fix</c> writes a plan: never through a symbolic link that leads out of the tree, and
/// atomically (a temporary file beside the plan, flushed to disk, then renamed over it, with the
/// plan's permissions). Any failure (disk full, EFBIG, a read-only folder, a kill half-way)
/// leaves the original file exactly as it was.
/// </summary>
internal static class SafeFileWriter
{
    private const int MaxLinkHops = 40;

    /// <summary>The ending of every temporary file <c>fix</c> writes: <c>.NAME.&lt;12 hex&gt;.execplan-tmp</c>.</summary>
    public const string TempSuffix = ".execplan-tmp";

    private const int TempIdLength = 12;

    /// <summary>How old a temporary file left beside a plan must be before <c>fix</c> deletes it
    /// (younger ones may belong to a <c>fix</c> still running).</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    /// <summary>
    /// True for the name of a temporary file that <c>fix</c> writes beside a plan (left behind
    /// only when the process was killed mid-write, e.g. by SIGXFSZ). Discovery never takes one
    /// for a plan, not even through a glob.
    /// </summary>
    public static bool IsTempName(string fileName)
    {
        if (fileName.Length < 1 + 1 + 1 + TempIdLength + TempSuffix.Length || fileName[0] != '.'
            || !fileName.EndsWith(TempSuffix, StringComparison.Ordinal))
        {
            return false;
        }

        var idEnd = fileName.Length - TempSuffix.Length;
        var dot = idEnd - TempIdLength - 1;
        if (fileName[dot] != '.')
        {
            return false;
        }

        for (var i = dot + 1; i < idEnd; i++)
        {
            if (!char.IsAsciiHexDigitLower(fileName[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The file a write to <paramref name="path"/> would really change, with every symbolic link
    /// (in the file name and in its folders) resolved, or null with <paramref name="problem"/>
    /// when that file lies outside <paramref name="treeRoot"/> (itself resolved the same way).
    /// </summary>
    public static string? ResolveInsideTree(string path, string treeRoot, out string problem)
    {
        problem = string.Empty;
        var real = RealPath(Path.GetFullPath(path));
        var root = RealPath(Path.GetFullPath(treeRoot));
        if (real is null || root is null)
        {
            problem = "it is a symbolic link that cannot be resolved (a loop?); the file was not changed.";
            return null;
        }

        var rootWithSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!real.StartsWith(rootWithSeparator, comparison))
        {
            problem = $"it is a symbolic link to '{real}', outside '{root}'; fix refuses to write there (fix the target in its own tree).";
            return null;
        }

        return real;
    }

    /// <summary>Replaces the file's content atomically; false (original untouched) with the reason on failure.</summary>
    public static bool TryReplace(string realPath, byte[] content, out string problem)
    {
        problem = string.Empty;
        var directory = Path.GetDirectoryName(realPath)!;
        DeleteStaleTemps(directory, Path.GetFileName(realPath));
        var temp = Path.Combine(directory, "." + Path.GetFileName(realPath) + "." + Guid.NewGuid().ToString("N")[..TempIdLength] + TempSuffix);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = File.GetUnixFileMode(realPath);
            }

            using (var stream = new FileStream(temp, options))
            {
                stream.Write(content, 0, content.Length);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                // The umask may have narrowed the create mode.
                File.SetUnixFileMode(temp, File.GetUnixFileMode(realPath));
            }
            else
            {
                File.SetAttributes(temp, File.GetAttributes(realPath) & ~FileAttributes.ReadOnly);
            }

            File.Move(temp, realPath, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // EFBIG (a file-size limit) surfaces as ArgumentOutOfRangeException from the write.
            var reason = ex is ArgumentOutOfRangeException ? "the file system refused the write (file too large)" : ex.Message.TrimEnd('.');
            problem = reason + "; the file was not changed.";
            TryDelete(temp);
            return false;
        }
    }

    /// <summary>Deletes the temporary files of earlier, killed <c>fix</c> runs on this plan (older than <see cref="StaleAfter"/>).</summary>
    private static void DeleteStaleTemps(string directory, string fileName)
    {
        string[] leftovers;
        try
        {
            // The name is escaped for the pattern by matching on the fixed ending only, then checked exactly.
            leftovers = Directory.GetFiles(directory, "*" + TempSuffix);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return;
        }

        var prefix = "." + fileName + ".";
        var cutoff = DateTime.UtcNow - StaleAfter;
        foreach (var leftover in leftovers)
        {
            var name = Path.GetFileName(leftover);
            if (IsTempName(name) && name.StartsWith(prefix, StringComparison.Ordinal)
                && name.Length == prefix.Length + TempIdLength + TempSuffix.Length
                && File.GetLastWriteTimeUtc(leftover) < cutoff)
            {
                TryDelete(leftover);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the original is intact either way.
        }
    }

    /// <summary>The path with every symbolic link in it resolved; null on a loop.</summary>
    private static string? RealPath(string full)
    {
        var hops = 0;
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var pending = new System.Collections.Generic.Stack<string>();
        foreach (var segment in ReverseSegments(full[root.Length..]))
        {
            pending.Push(segment);
        }

        var current = root;
        while (pending.Count > 0)
        {
            var segment = pending.Pop();
            var candidate = Path.Join(current, segment);
            string? target = null;
            try
            {
                target = new FileInfo(candidate).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                target = null;
            }

            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            // Continue from the link's target: its segments come before the rest.
            var absolute = Path.GetFullPath(target, current.Length == 0 ? root : current);
            var targetRoot = Path.GetPathRoot(absolute) ?? string.Empty;
            foreach (var part in ReverseSegments(absolute[targetRoot.Length..]))
            {
                pending.Push(part);
            }

            current = targetRoot;
        }

        return current;
    }

    private static string[] ReverseSegments(string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        Array.Reverse(parts);
        return parts;
    }
}
