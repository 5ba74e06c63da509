namespace ExecPlan.Validation.Rules.Support;

using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

/// <summary>Text helpers shared by rules.</summary>
internal static class TextScan
{
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Builds a case-insensitive, culture-invariant regex with a match timeout.</summary>
    public static Regex Pattern(string pattern, RegexOptions extra = RegexOptions.None) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | extra, RegexTimeout);

    /// <summary>
    /// Folds text for sentence comparison (lower case, emphasis and code markers dropped, runs of
    /// white space made one space) and keeps, for each folded character, its offset in the source.
    /// </summary>
    public static string Fold(string text, int baseOffset, out List<int> offsets)
    {
        var builder = new StringBuilder(text.Length);
        offsets = new List<int>(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '*' or '_' or '`')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '>')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                offsets.Add(baseOffset + i);
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
            offsets.Add(baseOffset + i);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether <c>text[start..end)</c> holds a lower-case ASCII word in any case: a superset of
    /// what a case-insensitive, culture-invariant regex for the word matches (non-ASCII
    /// characters are lowered as the regex's case table has them, e.g. the Kelvin sign as 'k'), so
    /// it can decide that such a regex need not run. The word must not start with 'k'.
    /// </summary>
    public static bool ContainsIgnoringCase(string text, int start, int end, string lowerWord)
    {
        var first = lowerWord[0];
        var upper = (char)(first & ~0x20);
        var last = end - lowerWord.Length;
        for (var i = IndexOfEither(text, first, upper, start, last + 1); i >= 0; i = IndexOfEither(text, first, upper, i + 1, last + 1))
        {
            var k = 1;
            while (k < lowerWord.Length && InvariantCase.ToLower(text[i + k]) == lowerWord[k])
            {
                k++;
            }

            if (k == lowerWord.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the <see cref="Fold"/> of <c>text[start..end)</c> holds <paramref name="lowerWord"/> (ASCII
    /// lower-case letters; not starting with 'k', whose Kelvin sign would be missed): the word
    /// in any case, with only dropped characters between its letters.
    /// </summary>
    public static bool ContainsFoldedWord(string text, int start, int end, string lowerWord)
    {
        var first = lowerWord[0];
        var upper = (char)(first & ~0x20);
        for (var i = IndexOfEither(text, first, upper, start, end); i >= 0; i = IndexOfEither(text, first, upper, i + 1, end))
        {
            var k = 1;
            for (var j = i + 1; k < lowerWord.Length && j < end; j++)
            {
                var c = text[j];
                if (c is '*' or '_' or '`')
                {
                    continue;
                }

                // White space folds to ' ', no letter: it ends the word like any other character.
                if (InvariantCase.ToLower(c) != lowerWord[k])
                {
                    break;
                }

                k++;
            }

            if (k == lowerWord.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first index in <c>[from, to)</c> of either character, or -1.</summary>
    internal static int IndexOfEither(string text, char a, char b, int from, int to)
    {
        if (from >= to)
        {
            return -1;
        }

        var index = text.AsSpan(from, to - from).IndexOfAny(a, b);
        return index < 0 ? -1 : from + index;
    }

    /// <summary>Whether a character at or above U+0080 has an ASCII invariant lower or upper case
    /// (the Kelvin sign, dotted capital I, dotless i, long s): a case-insensitive regex may take it
    /// for an ASCII letter, so a scan that stands in for one leaves such text to the regex.</summary>
    public static bool MayFoldToAscii(char c) => char.ToLowerInvariant(c) < '\u0080' || char.ToUpperInvariant(c) < '\u0080';

    /// <summary>True when most letters outside code spans are outside the Latin script: English
    /// keyword checks would only cry wolf on such text (identifiers in backticks do not count).</summary>
    public static bool IsMostlyNonLatin(string text)
    {
        var letters = 0;
        var latin = 0;
        var inCode = false;
        foreach (var c in text)
        {
            if (c == '`')
            {
                inCode = !inCode;
            }
            else if (!inCode && char.IsLetter(c))
            {
                letters++;
                if (c < 0x250)
                {
                    latin++;
                }
            }
        }

        return letters > 0 && latin * 2 < letters;
    }

    /// <summary>Whether the text has any letter outside code spans (prose to judge a language by).</summary>
    public static bool HasProseLetters(string text)
    {
        var inCode = false;
        return HasProseLetters(text, 0, text.Length, ref inCode);
    }

    /// <summary><see cref="HasProseLetters(string)"/> over <c>text[start..end)</c>, one piece of a
    /// longer text: <paramref name="inCode"/> carries whether a code span is open into the next piece.</summary>
    public static bool HasProseLetters(string text, int start, int end, ref bool inCode)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '`')
            {
                inCode = !inCode;
            }
            else if (!inCode && char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when most words outside code spans are not in the Latin script. Unlike
    /// <see cref="IsMostlyNonLatin"/> it counts words, not letters: a run of Latin letters is one
    /// word, and so is a run of another alphabet (Cyrillic, Greek, ...), while Chinese, Japanese
    /// and Korean characters count half a word each, since they write a word in one to three
    /// characters. Japanese prose full of English identifiers is then still Japanese.
    /// </summary>
    public static bool IsMostlyForeignWords(string text)
    {
        var count = default(WordScripts);
        count.Add(text, 0, text.Length);
        return count.IsMostlyForeign;
    }

    /// <summary>The word counts of <see cref="IsMostlyForeignWords"/>, fed piece by piece as if
    /// the pieces were one text (a code span or a word may run on into the next piece).</summary>
    public struct WordScripts
    {
        private int _latinWords;
        private int _foreignWords;
        private int _ideographs;
        private bool _inCode;
        private int _run; // 0 none, 1 Latin, 2 other alphabet.

        public readonly bool IsMostlyForeign => (_foreignWords * 2) + _ideographs > _latinWords * 2;

        public void Add(string text, int start, int end)
        {
            // Locals in the loop, not the struct's fields through 'this'.
            var latinWords = _latinWords;
            var foreignWords = _foreignWords;
            var ideographs = _ideographs;
            var inCode = _inCode;
            var run = _run;
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (c == '`')
                {
                    inCode = !inCode;
                    run = 0;
                    continue;
                }

                if (inCode || !char.IsLetter(c))
                {
                    run = 0;
                    continue;
                }

                if (IsIdeographic(c))
                {
                    ideographs++;
                    run = 0;
                }
                else if (c < 0x250)
                {
                    latinWords += run == 1 ? 0 : 1;
                    run = 1;
                }
                else
                {
                    foreignWords += run == 2 ? 0 : 1;
                    run = 2;
                }
            }

            _latinWords = latinWords;
            _foreignWords = foreignWords;
            _ideographs = ideographs;
            _inCode = inCode;
            _run = run;
        }
    }

    /// <summary>Han, kana and Hangul letters.</summary>
    private static bool IsIdeographic(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or
            (>= '\uAC00' and <= '\uD7AF') or (>= '\u1100' and <= '\u11FF') or (>= '\uF900' and <= '\uFAFF') or
            (>= '\uFF66' and <= '\uFF9F');
}
