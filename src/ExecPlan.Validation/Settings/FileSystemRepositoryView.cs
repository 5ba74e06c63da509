namespace ExecPlan.Validation.Settings;

using System;
using System.Collections.Concurrent;
using System.IO;

/// <summary>A repository on disk. Thread-safe; answers are cached for the life of the instance
/// (one build or one CLI run), so many plans naming the same paths cost one look-up each.</summary>
public sealed class FileSystemRepositoryView : IRepositoryView
{
    private static readonly string[] PlansFileCandidates = ["PLANS.md", ".agent/PLANS.md", ".agents/PLANS.md"];

    private readonly ConcurrentDictionary<string, bool> _exists = new(StringComparer.Ordinal);
    private readonly Lazy<string?> _plansFile;

    public FileSystemRepositoryView(string root)
    {
        Root = Path.GetFullPath(root);
        _plansFile = new Lazy<string?>(FindPlansFile);
    }

    /// <summary>The repository root, as a full path.</summary>
    public string Root { get; }

    public string? PlansFile => _plansFile.Value;

    public bool Exists(string relativePath) => _exists.GetOrAdd(relativePath, ExistsOnDisk);

    private bool ExistsOnDisk(string relativePath)
    {
        try
        {
            var full = Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
            return File.Exists(full) || Directory.Exists(full);
        }
        catch (ArgumentException)
        {
            // A path with characters the OS refuses cannot exist.
            return false;
        }
    }

    private string? FindPlansFile()
    {
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
