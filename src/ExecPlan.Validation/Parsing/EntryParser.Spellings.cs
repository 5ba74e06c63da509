namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;

/// <summary>The label patterns expanded into spellings, for the scanner (EntryParser.Scanner.cs).</summary>
internal static partial class EntryParser
{
    /// <summary>One way to write a label, the regex's alternatives expanded in the order the regex
    /// tries them. Each element is the set of characters (case-folded) one position accepts, or
    /// null for <c>\s*</c>; every <c>\s*</c> is followed by a character that is not white space,
    /// so a spelling matches at a position in exactly one way or not at all.</summary>
    private sealed class Spelling
    {
        public Spelling(int canonical, string?[] elements)
        {
            Canonical = canonical;
            Elements = elements;
        }

        public int Canonical { get; }

        public string?[] Elements { get; }

        /// <summary>The end of the spelling written at <paramref name="at"/>, or -1.</summary>
        public int MatchAt(string text, int at, int end)
        {
            foreach (var element in Elements)
            {
                if (element is null)
                {
                    while (at < end && char.IsWhiteSpace(text[at]))
                    {
                        at++;
                    }
                }
                else if (at < end && element.IndexOf(Fold(text[at])) >= 0)
                {
                    at++;
                }
                else
                {
                    return -1;
                }
            }

            return at;
        }
    }

    private sealed partial class LabelSet
    {
        private readonly Spelling[]?[] _asciiByFirst = new Spelling[]?[128];

        private readonly Dictionary<char, Spelling[]> _otherByFirst = new();

        /// <summary>Expands each label's pattern (literals, <c>[..]</c>, <c>\s*</c>, <c>(?:a|b)</c>,
        /// <c>?</c>: all the entry labels use) and indexes the spellings by their first character.</summary>
        private void IndexSpellings((string Canonical, string Pattern)[] labels)
        {
            var byFirst = new Dictionary<char, List<Spelling>>();
            for (var label = 0; label < labels.Length; label++)
            {
                var pattern = labels[label].Pattern;
                var at = 0;
                foreach (var elements in ExpandAlternation(pattern, ref at))
                {
                    var spelling = new Spelling(label, elements.ToArray());
                    foreach (var first in elements[0] ?? throw new InvalidOperationException("A label pattern starts with white space: " + pattern))
                    {
                        if (!byFirst.TryGetValue(first, out var list))
                        {
                            byFirst[first] = list = new List<Spelling>();
                        }

                        list.Add(spelling);
                    }
                }

                if (at != pattern.Length)
                {
                    throw new InvalidOperationException("Unbalanced label pattern: " + pattern);
                }
            }

            foreach (var pair in byFirst)
            {
                if (pair.Key < 128)
                {
                    _asciiByFirst[pair.Key] = pair.Value.ToArray();
                }
                else
                {
                    _otherByFirst[pair.Key] = pair.Value.ToArray();
                }
            }
        }

        private static List<List<string?>> ExpandAlternation(string pattern, ref int at)
        {
            var alternatives = new List<List<string?>>();
            while (true)
            {
                alternatives.AddRange(ExpandSequence(pattern, ref at));
                if (at < pattern.Length && pattern[at] == '|')
                {
                    at++;
                    continue;
                }

                return alternatives;
            }
        }

        private static List<List<string?>> ExpandSequence(string pattern, ref int at)
        {
            var sequences = new List<List<string?>> { new() };
            while (at < pattern.Length && pattern[at] is not ('|' or ')'))
            {
                List<List<string?>> item;
                var c = pattern[at];
                if (c == '(')
                {
                    if (string.CompareOrdinal(pattern, at, "(?:", 0, 3) != 0)
                    {
                        throw new InvalidOperationException("Only (?:...) groups are supported in label patterns: " + pattern);
                    }

                    at += 3;
                    item = ExpandAlternation(pattern, ref at);
                    at++;
                }
                else if (c == '[')
                {
                    var close = pattern.IndexOf(']', at);
                    item = [[FoldAll(pattern.Substring(at + 1, close - at - 1))]];
                    at = close + 1;
                }
                else if (c == '\\')
                {
                    if (string.CompareOrdinal(pattern, at, @"\s*", 0, 3) != 0)
                    {
                        throw new InvalidOperationException(@"Only \s* is supported in label patterns: " + pattern);
                    }

                    item = [[null]];
                    at += 3;
                }
                else
                {
                    item = [[FoldAll(c.ToString())]];
                    at++;
                }

                if (at < pattern.Length && pattern[at] == '?')
                {
                    // Greedy: with the item first, then without it.
                    item.Add([]);
                    at++;
                }

                var product = new List<List<string?>>();
                foreach (var prefix in sequences)
                {
                    foreach (var tail in item)
                    {
                        var joined = new List<string?>(prefix);
                        joined.AddRange(tail);
                        product.Add(joined);
                    }
                }

                sequences = product;
            }

            return sequences;
        }

        private static string FoldAll(string chars)
        {
            var folded = new char[chars.Length];
            for (var i = 0; i < chars.Length; i++)
            {
                folded[i] = Fold(chars[i]);
            }

            return new string(folded);
        }
    }
}
