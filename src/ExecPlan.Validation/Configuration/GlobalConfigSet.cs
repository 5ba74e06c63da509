namespace ExecPlan.Validation.Configuration;

using System;
using System.Collections.Generic;

/// <summary>
/// Several global config files merged into one logical file, as the C# compiler merges them:
/// for every (section, key) pair the entry from the file with the highest <c>global_level</c> wins;
/// when two or more entries share that highest level (even with equal values, and even when they
/// come from the same file, e.g. a section written twice) the key is dropped altogether, which is
/// where Roslyn reports warning MultipleGlobalAnalyzerKeys. <c>is_global</c> and <c>global_level</c>
/// in the preamble are not options. Named sections must be absolute paths with '/' separators and
/// no glob syntax (escapes are removed); any other section is ignored, as Roslyn ignores it with a
/// warning. A named section applies to the file whose normalized full path is equal (ordinal,
/// case-sensitive) to the section name.
/// </summary>
internal sealed class GlobalConfigSet
{
    private readonly Dictionary<string, Dictionary<string, string>> _sections;

    private GlobalConfigSet(Dictionary<string, Dictionary<string, string>> sections) => this._sections = sections;

    public static GlobalConfigSet Empty { get; } = new(new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal));

    /// <summary>Options of the unnamed (preamble) section: they apply to every file.</summary>
    public IReadOnlyDictionary<string, string> Preamble
        => this._sections.TryGetValue(string.Empty, out var p) ? p : EmptyOptions;

    private static Dictionary<string, string> EmptyOptions { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static GlobalConfigSet Merge(IEnumerable<ConfigFile> files)
    {
        // section name -> key -> (level, value, count at that level)
        var entries = new Dictionary<string, Dictionary<string, (int Level, string Value, int Count)>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            Add(entries, string.Empty, file.Preamble, file.GlobalLevel, isPreamble: true);
            foreach (var section in file.Sections)
            {
                if (SectionGlob.TryGetAbsoluteLiteralPath(section.Name, out string path))
                {
                    Add(entries, Paths.NormalizeDriveLetter(path), section, file.GlobalLevel, isPreamble: false);
                }
            }
        }

        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var pair in entries)
        {
            var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in pair.Value)
            {
                if (entry.Value.Count == 1)
                {
                    options[entry.Key] = entry.Value.Value;
                }
            }

            result[pair.Key] = options;
        }

        return new GlobalConfigSet(result);
    }

    /// <summary>Options of the section named exactly <paramref name="normalizedPath"/>, if any.</summary>
    public IReadOnlyDictionary<string, string>? SectionFor(string normalizedPath)
        => normalizedPath.Length > 0 && this._sections.TryGetValue(normalizedPath, out var s) ? s : null;

    private static void Add(
        Dictionary<string, Dictionary<string, (int Level, string Value, int Count)>> entries,
        string sectionName,
        ConfigSection section,
        int level,
        bool isPreamble)
    {
        if (!entries.TryGetValue(sectionName, out var keys))
        {
            keys = new Dictionary<string, (int Level, string Value, int Count)>(StringComparer.OrdinalIgnoreCase);
            entries[sectionName] = keys;
        }

        foreach (var property in section.Properties)
        {
            if (isPreamble && (string.Equals(property.Key, "is_global", StringComparison.OrdinalIgnoreCase)
                || string.Equals(property.Key, "global_level", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (!keys.TryGetValue(property.Key, out var existing) || existing.Level < level)
            {
                keys[property.Key] = (level, property.Value, 1);
            }
            else if (existing.Level == level)
            {
                keys[property.Key] = (level, existing.Value, existing.Count + 1);
            }
        }
    }
}
