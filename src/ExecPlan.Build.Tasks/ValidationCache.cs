namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using ExecPlan.Validation.Diagnostics;

/// <summary>
/// The incremental cache kept in obj/: for each plan, the key it was validated under (content hash,
/// profile, effective severities, size limit, repository root, tool version) and the library's
/// diagnostics. A plan whose key is unchanged is not parsed again, but its diagnostics are still
/// reported on every build. The file is a small line format with percent-escaped fields.
/// </summary>
internal sealed class ValidationCache
{
    // Version 2: the header carries the body's length and SHA-256, so a cut or altered file
    // is ignored whole instead of serving a plan with part (or none) of its findings.
    private const string Header = "ExecPlanValidationCache 2";

    /// <summary>A cache larger than this is not read (it is rebuilt).</summary>
    private const long MaxCacheBytes = 256L * 1024 * 1024;

    private readonly Dictionary<string, Entry> _old;
    private readonly Dictionary<string, Entry> _current = new(StringComparer.Ordinal);

    private ValidationCache(Dictionary<string, Entry> old)
    {
        _old = old;
    }

    /// <summary>How many lookups this build were served from the cache.</summary>
    public int Hits { get; private set; }

    /// <summary>Loads a cache file; a missing, corrupt or foreign file gives an empty cache.</summary>
    public static ValidationCache Load(string? path)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return new ValidationCache(entries);
        }

        try
        {
            var read = Validation.Io.SafeFileReader.Read(path!, MaxCacheBytes);
            if (read.Bytes is null)
            {
                return new ValidationCache(entries);
            }

            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(read.Bytes);
            var headerEnd = text.IndexOf('\n');
            if (headerEnd < 0)
            {
                return new ValidationCache(entries);
            }

            var header = text.Substring(0, headerEnd).Split(' ');
            var body = text.Substring(headerEnd + 1);
            if (header.Length != 4 || header[0] + " " + header[1] != Header ||
                header[2] != body.Length.ToString(CultureInfo.InvariantCulture) || header[3] != Hash(body))
            {
                return new ValidationCache(entries);
            }

            var lines = body.Split('\n');
            Entry? entry = null;
            for (var i = 0; i < lines.Length; i++)
            {
                if (i == lines.Length - 1 && lines[i].Length == 0)
                {
                    break; // after the last newline
                }

                var fields = lines[i].Split(' ');
                if (fields.Length == 3 && fields[0] == "F")
                {
                    entry = new Entry(Unescape(fields[2]));
                    entries[Unescape(fields[1])] = entry;
                }
                else if (fields.Length == 9 && fields[0] == "D" && entry is not null)
                {
                    entry.Diagnostics.Add(new CachedDiagnostic(
                        Unescape(fields[1]),
                        (RuleSeverity)Int(fields[2]),
                        new SourceSpan(Int(fields[3]), Int(fields[4]), Int(fields[5]), Int(fields[6])),
                        Unescape(fields[7]),
                        Unescape(fields[8])));
                }
                else
                {
                    return new ValidationCache(new Dictionary<string, Entry>(StringComparer.Ordinal));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or OverflowException or ArgumentException or DecoderFallbackException)
        {
            entries.Clear();
        }

        return new ValidationCache(entries);
    }

    /// <summary>The cached diagnostics for a plan validated under <paramref name="key"/>, if any.</summary>
    public IReadOnlyList<PlanDiagnostic>? TryGet(string fullPath, string key)
    {
        if (!_old.TryGetValue(fullPath, out var entry) || entry.Key != key)
        {
            return null;
        }

        Hits++;
        _current[fullPath] = entry;
        var result = new List<PlanDiagnostic>(entry.Diagnostics.Count);
        foreach (var d in entry.Diagnostics)
        {
            result.Add(new PlanDiagnostic(d.Id, d.Severity, fullPath, d.Span, d.Message, d.HelpUri));
        }

        return result;
    }

    /// <summary>Remembers a fresh result for this build.</summary>
    public void Put(string fullPath, string key, IReadOnlyList<PlanDiagnostic> diagnostics)
    {
        var entry = new Entry(key);
        foreach (var d in diagnostics)
        {
            entry.Diagnostics.Add(new CachedDiagnostic(d.Id, d.Severity, d.Span, d.Message, d.HelpUri));
        }

        _current[fullPath] = entry;
    }

    /// <summary>Writes this build's entries (plans no longer validated are dropped) when they changed.</summary>
    public void Save(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var text = new StringBuilder();
        var paths = new List<string>(_current.Keys);
        paths.Sort(StringComparer.Ordinal);
        foreach (var file in paths)
        {
            var entry = _current[file];
            text.Append("F ").Append(Escape(file)).Append(' ').Append(Escape(entry.Key)).Append('\n');
            foreach (var d in entry.Diagnostics)
            {
                text.Append("D ").Append(Escape(d.Id)).Append(' ')
                    .Append(((int)d.Severity).ToString(CultureInfo.InvariantCulture)).Append(' ')
                    .Append(d.Span.StartLine.ToString(CultureInfo.InvariantCulture)).Append(' ')
                    .Append(d.Span.StartColumn.ToString(CultureInfo.InvariantCulture)).Append(' ')
                    .Append(d.Span.EndLine.ToString(CultureInfo.InvariantCulture)).Append(' ')
                    .Append(d.Span.EndColumn.ToString(CultureInfo.InvariantCulture)).Append(' ')
                    .Append(Escape(d.Message)).Append(' ').Append(Escape(d.HelpUri)).Append('\n');
            }
        }

        var body = text.ToString();
        var content = Header + " " + body.Length.ToString(CultureInfo.InvariantCulture) + " " + Hash(body) + "\n" + body;
        var full = path!;
        if (File.Exists(full) && new FileInfo(full).Length == Encoding.UTF8.GetByteCount(content) && File.ReadAllText(full, Encoding.UTF8) == content)
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(full));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Written beside the cache and renamed over it; a failure at any step leaves no .tmp behind.
        var temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllText(temp, content, new UTF8Encoding(false));
#if NETFRAMEWORK
            if (File.Exists(full))
            {
                File.Delete(full);
            }

            File.Move(temp, full);
#else
            File.Move(temp, full, overwrite: true);
#endif
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort; the original failure is what the caller reports.
            }

            throw;
        }
    }

    /// <summary>Hex SHA-256 of some bytes.</summary>
    public static string Hash(byte[] bytes)
    {
#if NETFRAMEWORK
        using var sha = SHA256.Create();
        return ToHex(sha.ComputeHash(bytes));
#else
        return ToHex(SHA256.HashData(bytes));
#endif
    }

    /// <summary>Hex SHA-256 of a UTF-8 string.</summary>
    public static string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

    private static string ToHex(byte[] bytes)
    {
        var builder = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c == '%' || c == ' ' || c == '\r' || c == '\n' || c == '\t')
            {
                builder.Append('%').Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Length == 0 ? "%" : builder.ToString();
    }

    private static string Unescape(string text)
    {
        if (text == "%")
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length)
            {
                builder.Append((char)HexValue(text[i + 1], text[i + 2]));
                i += 2;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private static int HexValue(char high, char low) => (Nibble(high) << 4) | Nibble(low);

    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => throw new FormatException("Bad escape in the ExecPlan cache file."),
    };

    private sealed class Entry
    {
        public Entry(string key)
        {
            Key = key;
        }

        public string Key { get; }

        public List<CachedDiagnostic> Diagnostics { get; } = new();
    }

    private sealed class CachedDiagnostic
    {
        public CachedDiagnostic(string id, RuleSeverity severity, SourceSpan span, string message, string helpUri)
        {
            Id = id;
            Severity = severity;
            Span = span;
            Message = message;
            HelpUri = helpUri;
        }

        public string Id { get; }

        public RuleSeverity Severity { get; }

        public SourceSpan Span { get; }

        public string Message { get; }

        public string HelpUri { get; }
    }
}
