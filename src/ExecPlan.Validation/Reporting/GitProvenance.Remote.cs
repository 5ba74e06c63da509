namespace ExecPlan.Validation.Reporting;

using System;
using System.Linq;
using System.Text;

/// <summary>The <c>origin</c> remote: its <c>url</c> found in a git config file and made fit for a report.</summary>
internal sealed partial class GitProvenance
{
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
}
