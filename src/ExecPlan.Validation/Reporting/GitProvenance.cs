namespace ExecPlan.Validation.Reporting;

using System;
using System.IO;
using System.Linq;
using System.Text;

/// <summary>
/// Which commit a folder is checked out at, read from the <c>.git</c> files alone (no git
/// process): the work tree's root, <c>HEAD</c>'s commit and branch, and the <c>origin</c> URL.
/// Anything missing or unreadable gives null values, never an exception.
/// </summary>
internal sealed partial class GitProvenance
{
    private const int MaxFileBytes = 1 << 20;

    private GitProvenance(string workTreeRoot, string? revisionId, string? branch, string? repositoryUri)
    {
        WorkTreeRoot = workTreeRoot;
        RevisionId = revisionId;
        Branch = branch;
        RepositoryUri = repositoryUri;
    }

    /// <summary>The folder that holds <c>.git</c>.</summary>
    public string WorkTreeRoot { get; }

    /// <summary>The commit <c>HEAD</c> points at (hex), or null.</summary>
    public string? RevisionId { get; }

    /// <summary>The branch <c>HEAD</c> names (<c>main</c>, not <c>refs/heads/main</c>), or null when detached.</summary>
    public string? Branch { get; }

    /// <summary>The <c>origin</c> remote as an absolute URI without credentials, or null.</summary>
    public string? RepositoryUri { get; }

    /// <summary>Reads the repository that holds <paramref name="startDirectory"/> (the nearest
    /// <c>.git</c> folder or file at or above it), or returns null.</summary>
    public static GitProvenance? TryRead(string? startDirectory)
    {
        if (string.IsNullOrEmpty(startDirectory))
        {
            return null;
        }

        try
        {
            for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
            {
                var dotGit = Path.Combine(dir.FullName, ".git");
                if (Directory.Exists(dotGit))
                {
                    return Read(dir.FullName, dotGit);
                }

                if (File.Exists(dotGit))
                {
                    var gitDir = GitDirFromFile(dir.FullName, dotGit);
                    return gitDir is null ? null : Read(dir.FullName, gitDir);
                }
            }
        }
#pragma warning disable CA1031 // Provenance is optional: any failure means "omit it".
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return null;
    }

    private static GitProvenance Read(string workTreeRoot, string gitDir)
    {
        var commonDir = gitDir;
        var common = ReadText(Path.Combine(gitDir, "commondir"))?.Trim();
        if (!string.IsNullOrEmpty(common))
        {
            commonDir = Path.GetFullPath(Path.Combine(gitDir, common!));
        }

        string? revision = null;
        string? branch = null;
        var head = ReadText(Path.Combine(gitDir, "HEAD"))?.Trim();
        if (head is not null)
        {
            if (head.StartsWith("ref:", StringComparison.Ordinal))
            {
                var reference = head.Substring(4).Trim();
                branch = reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference.Substring("refs/heads/".Length) : null;
                revision = ResolveRef(reference, gitDir, commonDir);
            }
            else if (IsObjectId(head))
            {
                revision = head.ToLowerInvariant();
            }
        }

        var origin = NormalizeRemote(OriginUrl(ReadText(Path.Combine(commonDir, "config"))));
        return new GitProvenance(workTreeRoot, revision, branch, origin);
    }

    private static string? GitDirFromFile(string workTreeRoot, string dotGitFile)
    {
        var text = ReadText(dotGitFile);
        if (text is null)
        {
            return null;
        }

        foreach (var line in Lines(text))
        {
            if (line.StartsWith("gitdir:", StringComparison.Ordinal))
            {
                var path = line.Substring("gitdir:".Length).Trim();
                if (path.Length == 0)
                {
                    return null;
                }

                var full = Path.GetFullPath(Path.Combine(workTreeRoot, path));
                return Directory.Exists(full) ? full : null;
            }
        }

        return null;
    }

    private static string? ResolveRef(string reference, string gitDir, string commonDir)
    {
        // Refuse anything that could leave the git folder.
        if (reference.Length == 0 || reference.Contains("..") || Path.IsPathRooted(reference))
        {
            return null;
        }

        foreach (var dir in new[] { gitDir, commonDir }.Distinct(StringComparer.Ordinal))
        {
            var loose = ReadText(Path.Combine(dir, reference.Replace('/', Path.DirectorySeparatorChar)))?.Trim();
            if (loose is not null && IsObjectId(loose))
            {
                return loose.ToLowerInvariant();
            }
        }

        var packed = ReadText(Path.Combine(commonDir, "packed-refs"));
        if (packed is not null)
        {
            foreach (var line in Lines(packed))
            {
                if (line.Length == 0 || line[0] is '#' or '^')
                {
                    continue;
                }

                var space = line.IndexOf(' ');
                if (space > 0 && string.Equals(line.Substring(space + 1).Trim(), reference, StringComparison.Ordinal) && IsObjectId(line.Substring(0, space)))
                {
                    return line.Substring(0, space).ToLowerInvariant();
                }
            }
        }

        return null;
    }

    private static bool IsObjectId(string text) =>
        (text.Length == 40 || text.Length == 64) && text.All(Uri.IsHexDigit);

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

    private static string? ReadText(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxFileBytes)
            {
                return null;
            }

            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return null;
        }
    }
}
