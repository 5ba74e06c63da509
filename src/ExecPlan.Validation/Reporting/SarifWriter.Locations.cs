namespace ExecPlan.Validation.Reporting;

using System;
using System.IO;

/// <summary>Where a result's file is in the log: <c>%SRCROOT%</c>-relative or <c>file:</c> URIs, percent-encoded.</summary>
public static partial class SarifWriter
{
    /// <summary>A file's URI: relative to the repository root with forward slashes (and the
    /// <c>%SRCROOT%</c> base) when below it, else an absolute <c>file:</c> URI.</summary>
    internal static (string Uri, string? BaseId) ArtifactUri(string filePath, string baseDirectory, string? root)
    {
        var location = Locate(filePath, baseDirectory, root);
        return (location.Uri, location.BaseId);
    }

    /// <summary>Where a diagnostic's file is: its URI and base, its full path (null when the path
    /// is not one) and the path the fingerprint hashes (root-relative with '/', else as full).</summary>
    private static ArtifactLocation Locate(string filePath, string baseDirectory, string? root)
    {
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(baseDirectory, filePath));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            var plain = filePath.Replace('\\', '/');
            return new ArtifactLocation(EscapePath(plain), null, null, plain);
        }

        if (root is not null)
        {
            var rootWithSlash = root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? root : root + Path.DirectorySeparatorChar;
            if (full.StartsWith(rootWithSlash, PathComparison))
            {
                var relative = full.Substring(rootWithSlash.Length).Replace('\\', '/');
                return new ArtifactLocation(EscapePath(relative), SourceRootId, full, relative);
            }
        }

        return new ArtifactLocation(FileUri(full, directory: false), null, full, full.Replace('\\', '/'));
    }

    private static StringComparison PathComparison =>
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static bool SamePath(string a, string b) =>
        string.Equals(a.TrimEnd('/', '\\'), b.TrimEnd('/', '\\'), PathComparison);

    private static string FileUri(string fullPath, bool directory)
    {
        var path = fullPath.Replace('\\', '/');
        if (directory && !path.EndsWith("/", StringComparison.Ordinal))
        {
            path += "/";
        }

        return "file://" + (path.StartsWith("/", StringComparison.Ordinal) ? string.Empty : "/") + EscapePath(path);
    }

    /// <summary>Percent-encodes the characters a URI path cannot hold; '/' and ':' stay.</summary>
    private static string EscapePath(string path)
    {
        var builder = new System.Text.StringBuilder(path.Length + 8);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsLetterOrDigit(c) || c is '/' or ':' or '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or '@'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}

/// <summary>A result's file as the log writes it.</summary>
internal sealed class ArtifactLocation
{
    public ArtifactLocation(string uri, string? baseId, string? fullPath, string fingerprintPath)
    {
        Uri = uri;
        BaseId = baseId;
        FullPath = fullPath;
        FingerprintPath = fingerprintPath;
    }

    public string Uri { get; }

    public string? BaseId { get; }

    public string? FullPath { get; }

    public string FingerprintPath { get; }
}
