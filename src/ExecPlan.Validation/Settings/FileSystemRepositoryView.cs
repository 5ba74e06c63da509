namespace ExecPlan.Validation.Settings;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;

/// <summary>A repository on disk. Thread-safe; answers are cached for the life of the instance
/// (one build or one CLI run), so many plans naming the same paths cost one look-up each.</summary>
public sealed class FileSystemRepositoryView : IRepositoryView
{
    /// <summary>Where a repository keeps its PLANS.md, in the order they are looked for.</summary>
    public static IReadOnlyList<string> PlansFileCandidates { get; } = ["PLANS.md", ".agent/PLANS.md", ".agents/PLANS.md", "docs/PLANS.md"];

    /// <summary>PLANS.md files larger than this are not read for a skeleton.</summary>
    private const long MaxPlansFileBytes = 4L * 1024 * 1024;

    private readonly string? _configuredPlansFile;
    private readonly Lazy<Profiles.PlansFileDerivation?> _derivation;

    private readonly ConcurrentDictionary<string, bool> _exists = new(StringComparer.Ordinal);
    private readonly Lazy<string?> _plansFile;

    public FileSystemRepositoryView(string root)
        : this(root, null)
    {
    }

    /// <summary>A repository whose PLANS.md is <paramref name="plansFile"/> (absolute, or relative
    /// to <paramref name="root"/>; the <c>ExecPlanPlansFile</c> property, the
    /// <c>execplan_plans_file</c> key, <c>--plans-file</c>) instead of the first of
    /// <see cref="PlansFileCandidates"/>.</summary>
    public FileSystemRepositoryView(string root, string? plansFile)
    {
        Root = Path.GetFullPath(root);
        _configuredPlansFile = string.IsNullOrWhiteSpace(plansFile) ? null : Path.GetFullPath(Path.Combine(Root, plansFile));
        _plansFile = new Lazy<string?>(FindPlansFile);
        _derivation = new Lazy<Profiles.PlansFileDerivation?>(DerivePlansFile);
    }

    /// <summary>Every full path looked at for the PLANS.md, in order (the configured one, else the
    /// candidates): the one in use is the first that exists; one appearing earlier would replace it.</summary>
    public IReadOnlyList<string> PlansFileLookups => _configuredPlansFile is { } configured
        ? [configured]
        : [.. System.Linq.Enumerable.Select(PlansFileCandidates, c => Path.Combine(Root, c))];

    /// <summary>The PLANS.md as a full path, or null when there is none.</summary>
    public string? PlansFileFullPath => PlansFile is null ? null : _configuredPlansFile ?? Path.Combine(Root, PlansFile);

    /// <summary>The profile derived from the PLANS.md (read once, at most 4 MiB), or null when the
    /// repository has none or it cannot be read as UTF-8 text.</summary>
    public Profiles.PlansFileDerivation? PlansDerivation => _derivation.Value;

    private Profiles.PlansFileDerivation? DerivePlansFile()
    {
        if (PlansFileFullPath is not { } full || PlansFile is not { } cited)
        {
            return null;
        }

        var read = Io.SafeFileReader.Read(full, MaxPlansFileBytes);
        if (read.Bytes is null)
        {
            return null;
        }

        try
        {
            var text = new System.Text.UTF8Encoding(false, true).GetString(read.Bytes);
            return Profiles.PlansFileDeriver.Derive(text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text, cited);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The repository root, as a full path.</summary>
    public string Root { get; }

    public string? PlansFile => _plansFile.Value;

    public bool Exists(string relativePath) => _exists.GetOrAdd(relativePath, ExistsOnDisk);

    /// <summary>
    /// Whether the path exists inside the repository: symbolic links are followed only while they
    /// stay inside <see cref="Root"/>; a link that leads out (e.g. to <c>/</c>) counts as absent,
    /// so findings never depend on (or reveal) what exists outside the repository.
    /// </summary>
    private bool ExistsOnDisk(string relativePath)
    {
        try
        {
            var pending = new Stack<string>();
            foreach (var segment in Reverse(relativePath.Split(Separators, StringSplitOptions.RemoveEmptyEntries)))
            {
                pending.Push(segment);
            }

            var current = Root;
            var hops = 0;
            while (pending.Count > 0)
            {
                var segment = pending.Pop();
                if (segment == ".")
                {
                    continue;
                }

                if (segment == "..")
                {
                    return false;
                }

                var candidate = Path.Combine(current, segment);
                FileSystemInfo info = Directory.Exists(candidate) ? new DirectoryInfo(candidate) : new FileInfo(candidate);
                if ((info.Attributes & FileAttributes.ReparsePoint) == 0 || (int)info.Attributes == -1)
                {
                    if (!info.Exists)
                    {
                        return false;
                    }

                    current = candidate;
                    continue;
                }

                // A link: continue from its target, which must lie inside the repository.
                var target = LinkTarget(info);
                if (target is null || ++hops > MaxLinkHops)
                {
                    return false;
                }

                var resolved = Path.GetFullPath(Path.Combine(current, target));
                if (!IsInsideRoot(resolved))
                {
                    return false;
                }

                foreach (var part in Reverse(resolved.Substring(Root.Length).Split(Separators, StringSplitOptions.RemoveEmptyEntries)))
                {
                    pending.Push(part);
                }

                current = Root;
            }

            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            // A path with characters the OS refuses cannot exist.
            return false;
        }
    }

    private const int MaxLinkHops = 40;

    private static readonly char[] Separators = ['/', '\\'];

    // FileSystemInfo.LinkTarget exists from .NET 6; the netstandard2.0 library finds it at run time.
    private static readonly System.Reflection.PropertyInfo? LinkTargetProperty = typeof(FileSystemInfo).GetProperty("LinkTarget");

    private static string? LinkTarget(FileSystemInfo info) => LinkTargetProperty?.GetValue(info) as string;

    private static string[] Reverse(string[] parts)
    {
        Array.Reverse(parts);
        return parts;
    }

    private bool IsInsideRoot(string full)
    {
        var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var root = Root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? Root : Root + Path.DirectorySeparatorChar;
        return string.Equals(full, Root, comparison) || full.StartsWith(root, comparison);
    }

    private string? FindPlansFile()
    {
        if (_configuredPlansFile is not null)
        {
            if (!File.Exists(_configuredPlansFile))
            {
                return null;
            }

            var relative = IsInsideRoot(_configuredPlansFile) ? _configuredPlansFile.Substring(Root.Length).TrimStart(Separators) : _configuredPlansFile;
            return relative.Replace('\\', '/');
        }

        foreach (var candidate in PlansFileCandidates)
        {
            if (File.Exists(Path.Combine(Root, candidate)))
            {
                return candidate;
            }
        }

        return null;
    }
}
