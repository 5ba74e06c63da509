namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using ExecPlan.Validation.Diagnostics;

/// <summary>
/// The cache file: a fixed header (magic <c>EXPC</c>, format version, body length, SHA-256 of the
/// body) and a body of length-prefixed fields (<see cref="BinaryWriter"/>'s strings: a 7-bit
/// encoded UTF-8 byte count, then the bytes; integers little-endian). A file that is missing,
/// of another version, truncated, altered or oversized reads as empty: never an error, the cache
/// is rebuilt. Writes go to a temporary file renamed over the old one.
/// </summary>
internal static class CacheFileFormat
{
    /// <summary>Version 3: the binary format (2 was the escaped line format).</summary>
    public const int Version = 3;

    private const int HeaderLength = 4 + 4 + 8 + 32;

    /// <summary>A cache larger than this is not read (it is rebuilt).</summary>
    private const long MaxCacheBytes = 256L * 1024 * 1024;

    private static readonly byte[] Magic = [(byte)'E', (byte)'X', (byte)'P', (byte)'C'];

    public static Dictionary<string, CacheEntry> Read(string? path)
    {
        var entries = new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(path))
        {
            return entries;
        }

        try
        {
            var read = Validation.Io.SafeFileReader.Read(path!, MaxCacheBytes);
            if (read.Bytes is not { Length: >= HeaderLength } bytes ||
                bytes[0] != Magic[0] || bytes[1] != Magic[1] || bytes[2] != Magic[2] || bytes[3] != Magic[3] ||
                BitConverter.ToInt32(bytes, 4) != Version || BitConverter.ToInt64(bytes, 8) != bytes.Length - HeaderLength)
            {
                return entries;
            }

            var hash = Sha256(bytes, HeaderLength, bytes.Length - HeaderLength);
            for (var i = 0; i < hash.Length; i++)
            {
                if (hash[i] != bytes[16 + i])
                {
                    return entries;
                }
            }

            using var reader = new BinaryReader(new MemoryStream(bytes, HeaderLength, bytes.Length - HeaderLength, writable: false), new UTF8Encoding(false, true));
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var file = reader.ReadString();
                var length = reader.ReadInt64();
                var ticks = reader.ReadInt64();
                var contentHash = reader.ReadString();
                var settingsKey = reader.ReadString();
                var diagnosticCount = reader.ReadInt32();
                if (diagnosticCount < 0 || diagnosticCount > bytes.Length)
                {
                    return new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
                }

                var diagnostics = new List<CachedDiagnostic>(diagnosticCount);
                for (var d = 0; d < diagnosticCount; d++)
                {
                    var id = reader.ReadString();
                    var severity = (RuleSeverity)reader.ReadByte();
                    var span = new SourceSpan(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
                    diagnostics.Add(new CachedDiagnostic(id, severity, span, reader.ReadString(), reader.ReadString()));
                }

                entries[file] = new CacheEntry(length, ticks, contentHash, settingsKey, diagnostics);
            }

            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                entries.Clear();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentException or DecoderFallbackException or OverflowException)
        {
            entries.Clear();
        }

        return entries;
    }

    public static void Write(string path, Dictionary<string, CacheEntry> entries)
    {
        var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, new UTF8Encoding(false), leaveOpen: true))
        {
            var paths = new List<string>(entries.Keys);
            paths.Sort(StringComparer.Ordinal);
            writer.Write(paths.Count);
            foreach (var file in paths)
            {
                var entry = entries[file];
                writer.Write(file);
                writer.Write(entry.Length);
                writer.Write(entry.WriteTicks);
                writer.Write(entry.ContentHash);
                writer.Write(entry.SettingsKey);
                writer.Write(entry.Diagnostics.Count);
                foreach (var d in entry.Diagnostics)
                {
                    writer.Write(d.Id);
                    writer.Write((byte)d.Severity);
                    writer.Write(d.Span.StartLine);
                    writer.Write(d.Span.StartColumn);
                    writer.Write(d.Span.EndLine);
                    writer.Write(d.Span.EndColumn);
                    writer.Write(d.Message);
                    writer.Write(d.HelpUri);
                }
            }
        }

        var bodyBytes = body.ToArray();
        var content = new byte[HeaderLength + bodyBytes.Length];
        Array.Copy(Magic, content, 4);
        Array.Copy(BitConverter.GetBytes(Version), 0, content, 4, 4);
        Array.Copy(BitConverter.GetBytes((long)bodyBytes.Length), 0, content, 8, 8);
        Array.Copy(Sha256(bodyBytes, 0, bodyBytes.Length), 0, content, 16, 32);
        Array.Copy(bodyBytes, 0, content, HeaderLength, bodyBytes.Length);

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Written beside the cache and renamed over it; a failure at any step leaves no .tmp behind.
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllBytes(temp, content);
#if NETFRAMEWORK
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            File.Move(temp, path);
#else
            File.Move(temp, path, overwrite: true);
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
        var hash = Sha256(bytes, 0, bytes.Length);
        var builder = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static byte[] Sha256(byte[] bytes, int offset, int count)
    {
#if NETFRAMEWORK
        using var sha = SHA256.Create();
        return sha.ComputeHash(bytes, offset, count);
#else
        return SHA256.HashData(bytes.AsSpan(offset, count));
#endif
    }
}
