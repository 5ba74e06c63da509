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
internal sealed class GitProvenance
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

    /// <summary>An <c>origin</c> URL as an absolute URI fit for a report: credentials dropped,
    /// scp-like <c>git@host:owner/repo.git</c> written as <c>ssh://git@host/owner/repo.git</c>,
    /// absolute local paths as <c>file:</c> URIs; anything else null.</summary>
    internal static string? NormalizeRemote(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url!.Trim();
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                return null;
            }

            if (uri.IsFile)
            {
                return uri.AbsoluteUri;
            }

            // Keep a user name (ssh://git@host) but never a password or token.
            var user = uri.UserInfo;
            var colon = user.IndexOf(':');
            var builder = new UriBuilder(uri) { Password = string.Empty };
            if (colon >= 0 || uri.Scheme is "http" or "https")
            {
                builder.UserName = string.Empty;
            }

            return builder.Uri.AbsoluteUri;
        }

        var drive = url.Length >= 3 && char.IsLetter(url[0]) && url[1] == ':' && url[2] is '/' or '\\';
        if (url[0] == '/' || drive)
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var file) && file.IsFile ? file.AbsoluteUri : null;
        }

        // scp-like: [user@]host:path, with no slash before the colon.
        var scp = url.IndexOf(':');
        var slash = url.IndexOf('/');
        if (scp > 0 && (slash < 0 || slash > scp))
        {
            var hostPart = url.Substring(0, scp);
            var path = url.Substring(scp + 1).TrimStart('/');
            return Uri.TryCreate("ssh://" + hostPart + "/" + path, UriKind.Absolute, out var ssh) ? ssh.AbsoluteUri : null;
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

    /// <summary>The <c>url</c> of <c>[remote "origin"]</c> in a git config file, or null.</summary>
    internal static string? OriginUrl(string? config)
    {
        if (config is null)
        {
            return null;
        }

        var inOrigin = false;
        foreach (var raw in Lines(config))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                var close = line.IndexOf(']');
                var header = close > 0 ? line.Substring(1, close - 1).Trim() : string.Empty;
                inOrigin = IsOriginHeader(header);
                continue;
            }

            if (!inOrigin)
            {
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals > 0 && string.Equals(line.Substring(0, equals).Trim(), "url", StringComparison.OrdinalIgnoreCase))
            {
                return ConfigValue(line.Substring(equals + 1));
            }
        }

        return null;
    }

    private static bool IsOriginHeader(string header)
    {
        // [remote "origin"], or the old [remote.origin] form.
        if (header.StartsWith("remote", StringComparison.OrdinalIgnoreCase))
        {
            var rest = header.Substring("remote".Length);
            return string.Equals(rest.Trim(), "\"origin\"", StringComparison.Ordinal) ||
                   string.Equals(rest, ".origin", StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    private static string ConfigValue(string value)
    {
        var builder = new StringBuilder(value.Length);
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                builder.Append(next switch { 'n' => '\n', 't' => '\t', _ => next });
            }
            else if (!quoted && c is '#' or ';')
            {
                break;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
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
