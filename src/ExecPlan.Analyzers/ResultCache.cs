namespace ExecPlan.Analyzers;

using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.Text;

/// <summary>
/// The last diagnostics of each file under each settings, ready to report: typing in a .cs file
/// re-runs every additional-file action, and an unchanged plan must not be validated (or its
/// diagnostics built) again. A hit is decided by the text itself: the same <see cref="SourceText"/>
/// (the IDE's case) costs a reference comparison, another one with the same content (a reload, a
/// second target framework) a comparison of the characters; an edited text almost always differs in
/// length, so a miss costs nothing, where a checksum would hash the whole text first.
/// </summary>
internal sealed class ResultCache<TResult>
{
    private const int MaxEntries = 512;

    private readonly ConcurrentDictionary<Key, Entry> _entries = new();

    public bool TryGet(string path, string settingsKey, SourceText text, out TResult result)
    {
        if (_entries.TryGetValue(new Key(path, settingsKey), out var entry) && SameText(entry.Text, text))
        {
            result = entry.Result;
            return true;
        }

        result = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="result"/> as the file's result under these settings (one entry
    /// per file and settings: older versions of the text are not kept).</summary>
    public void Store(string path, string settingsKey, SourceText text, TResult result)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[new Key(path, settingsKey)] = new Entry(text, result);
    }

    private static bool SameText(SourceText cached, SourceText text) =>
        ReferenceEquals(cached, text) ||
        (cached.Length == text.Length && cached.Encoding?.CodePage == text.Encoding?.CodePage && cached.ContentEquals(text));

    private sealed class Entry(SourceText text, TResult result)
    {
        public SourceText Text { get; } = text;

        public TResult Result { get; } = result;
    }

    private sealed class Key(string path, string settingsKey) : IEquatable<Key>
    {
        private readonly string _path = path;
        private readonly string _settingsKey = settingsKey;

        public bool Equals(Key? other) => other is not null &&
            string.Equals(_path, other._path, StringComparison.Ordinal) &&
            (ReferenceEquals(_settingsKey, other._settingsKey) || string.Equals(_settingsKey, other._settingsKey, StringComparison.Ordinal));

        public override bool Equals(object? obj) => Equals(obj as Key);

        // The path alone spreads the entries: a file rarely has more than one settings key.
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_path);
    }
}
