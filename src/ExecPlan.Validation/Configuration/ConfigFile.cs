// One job over 300 lines: the compiler's line grammar of .editorconfig/global config files, kept whole so it reads against Roslyn's parser (RoslynParityTests).
namespace ExecPlan.Validation.Configuration;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

/// <summary>
/// One parsed .editorconfig or global config file, read the way the C# compiler reads it:
/// <list type="bullet">
/// <item><description>lines break at CR, LF, CRLF, U+0085, U+2028 and U+2029; blank lines and lines whose first
/// non-blank character is <c>#</c> or <c>;</c> are comments;</description></item>
/// <item><description>a section header is <c>[name]</c>, optionally followed by blanks and a <c>#</c>/<c>;</c> comment;
/// <c>#</c> and <c>;</c> inside the name must be escaped with <c>\</c>;</description></item>
/// <item><description>a property is <c>key = value</c> or <c>key : value</c>, the key made of letters, digits,
/// <c>_</c>, <c>.</c> and <c>-</c>; keys are lower-cased (invariant); the value ends at the first <c>#</c> or
/// <c>;</c> (an inline comment, as Microsoft.CodeAnalysis 4.14 reads it), is trimmed and is otherwise kept verbatim,
/// except that values of the EditorConfig reserved keys and the value <c>unset</c> are lower-cased;</description></item>
/// <item><description>a key repeated in one section keeps its last value; any other line is ignored.</description></item>
/// </list>
/// </summary>
internal sealed class ConfigFile
{
    private static readonly char[] CommentStarts = { '#', ';' };

    private static readonly HashSet<string> ReservedKeys = new(StringComparer.Ordinal)
    {
        "root", "indent_style", "indent_size", "tab_width", "end_of_line", "charset", "trim_trailing_whitespace", "insert_final_newline",
    };

    private readonly SectionGlob?[] _globs;

    private ConfigFile(string path, string stamp, ConfigSection preamble, IReadOnlyList<ConfigSection> sections)
    {
        this.Path = path;
        this.Stamp = stamp;
        this._globs = new SectionGlob?[sections.Count];
        for (int i = 0; i < sections.Count; i++)
        {
            this._globs[i] = SectionGlob.TryCreate(sections[i].Name);
            sections[i].Index = i;
        }

        this.Preamble = preamble;
        this.Sections = sections;
        this.DirectoryPath = Paths.Normalize(System.IO.Path.GetDirectoryName(path) ?? path);
        bool globalName = string.Equals(System.IO.Path.GetFileName(path), ".globalconfig", StringComparison.OrdinalIgnoreCase);
        this.IsGlobal = globalName || preamble.Properties.ContainsKey("is_global");
        this.IsRoot = preamble.Properties.TryGetValue("root", out string? root) && root == "true";
        if (preamble.Properties.TryGetValue("global_level", out string? level)
            && int.TryParse(level, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed))
        {
            this.GlobalLevel = parsed;
        }
        else
        {
            this.GlobalLevel = globalName ? 100 : 0;
        }
    }

    /// <summary>The file's full path as given.</summary>
    public string Path { get; }

    /// <summary>Identifies the file version (last write time and length) the text was read from.</summary>
    public string Stamp { get; }

    /// <summary>The containing directory with '/' separators.</summary>
    public string DirectoryPath { get; }

    /// <summary>Properties before the first section header.</summary>
    public ConfigSection Preamble { get; }

    /// <summary>Named sections in file order (names may repeat).</summary>
    public IReadOnlyList<ConfigSection> Sections { get; }

    /// <summary><c>root = true</c> in the preamble (value compared after lower-casing).</summary>
    public bool IsRoot { get; }

    /// <summary>Named <c>.globalconfig</c>, or has an <c>is_global</c> key in the preamble (any value, as in Roslyn).</summary>
    public bool IsGlobal { get; }

    /// <summary><c>global_level</c> when it parses as an integer; otherwise 100 for files named
    /// <c>.globalconfig</c> and 0 for any other global config.</summary>
    public int GlobalLevel { get; }

    /// <summary>The compiled glob of one of this file's sections; null when the name is malformed.</summary>
    public SectionGlob? GlobFor(ConfigSection section) => this._globs[section.Index];

    /// <summary>Parses config text; never throws.</summary>
    public static ConfigFile Parse(string text, string path, string stamp = "")
    {
        var preamble = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var sections = new List<ConfigSection>();
        string? currentName = null;
        var current = preamble;

        foreach (string line in SplitLines(text))
        {
            int first = 0;
            while (first < line.Length && char.IsWhiteSpace(line[first]))
            {
                first++;
            }

            if (first == line.Length || line[first] == '#' || line[first] == ';')
            {
                continue;
            }

            if (TryParseSectionHeader(line, first, out string? name))
            {
                Close();
                currentName = name;
                current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                continue;
            }

            if (TryParseProperty(line, first, out string? key, out string? value))
            {
                current[key!] = value!;
            }
        }

        Close();
        return new ConfigFile(path, stamp, new ConfigSection(string.Empty, preamble), sections);

        void Close()
        {
            if (currentName is not null)
            {
                sections.Add(new ConfigSection(currentName, current));
            }
        }
    }

    private static bool TryParseSectionHeader(string line, int first, out string? name)
    {
        name = null;
        if (line[first] != '[')
        {
            return false;
        }

        // The name may contain ']' (the longest valid reading wins), but '#' and ';' only when escaped.
        int nameStart = first + 1;
        int limit = nameStart;
        while (limit < line.Length)
        {
            char c = line[limit];
            if ((c == '#' || c == ';') && !(limit > nameStart && line[limit - 1] == '\\'))
            {
                break;
            }

            limit++;
        }

        // Candidates: a ']' at index j with nameStart < j <= limit, followed by blanks and an optional comment.
        for (int j = Math.Min(limit, line.Length - 1); j > nameStart; j--)
        {
            if (line[j] != ']')
            {
                continue;
            }

            int k = j + 1;
            while (k < line.Length && char.IsWhiteSpace(line[k]))
            {
                k++;
            }

            if (k == line.Length || line[k] == '#' || line[k] == ';')
            {
                name = line.Substring(nameStart, j - nameStart);
                return true;
            }
        }

        return false;
    }

    private static bool TryParseProperty(string line, int first, out string? key, out string? value)
    {
        key = value = null;
        int i = first;
        while (i < line.Length && IsKeyChar(line[i]))
        {
            i++;
        }

        if (i == first)
        {
            return false;
        }

        string rawKey = line.Substring(first, i - first);
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        if (i == line.Length || (line[i] != '=' && line[i] != ':'))
        {
            return false;
        }

        // As in Roslyn 4.x: the value ends at the first '#' or ';' (the rest is a comment) and is trimmed.
        string rawValue = line.Substring(i + 1);
        int comment = rawValue.IndexOfAny(CommentStarts);
        rawValue = (comment >= 0 ? rawValue.Substring(0, comment) : rawValue).Trim();
        key = rawKey.ToLowerInvariant();
        value = ReservedKeys.Contains(key) || string.Equals(rawValue, "unset", StringComparison.OrdinalIgnoreCase)
            ? rawValue.ToLowerInvariant()
            : rawValue;
        return true;
    }

    /// <summary>The regex class <c>[\w.\-_]</c>: letters, decimal digits, non-spacing marks, connector punctuation, '.', '-'.</summary>
    private static bool IsKeyChar(char c)
    {
        if (c == '.' || c == '-')
        {
            return true;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ConnectorPunctuation:
                return true;
            default:
                return false;
        }
    }

    private static IEnumerable<string> SplitLines(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
            {
                yield return text.Substring(start, i - start);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text.Substring(start);
        }
    }
}

/// <summary>One section: its name as written (empty for the preamble) and its properties.</summary>
internal sealed class ConfigSection
{
    public ConfigSection(string name, IReadOnlyDictionary<string, string> properties)
    {
        this.Name = name;
        this.Properties = properties;
    }

    public string Name { get; }

    /// <summary>Position among the file's named sections.</summary>
    internal int Index { get; set; }

    /// <summary>Lower-cased keys (case-insensitive lookups) to values.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }
}

/// <summary>Path normalization shared by the resolver and the config model.</summary>
internal static class Paths
{
    /// <summary>Forward slashes; on Windows an upper-case drive letter.</summary>
    public static string Normalize(string path) => NormalizeDriveLetter(path.Replace('\\', '/'));

    /// <summary>On Windows, an upper-case drive letter; otherwise the path unchanged.</summary>
    public static string NormalizeDriveLetter(string path)
    {
        string result = path;
        if (System.IO.Path.DirectorySeparatorChar == '\\' && result.Length >= 2 && result[1] == ':' && char.IsLetter(result[0]))
        {
            result = char.ToUpperInvariant(result[0]) + result.Substring(1);
        }

        return result;
    }
}
