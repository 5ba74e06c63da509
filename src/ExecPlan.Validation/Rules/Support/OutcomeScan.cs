namespace ExecPlan.Validation.Rules.Support;

using System.Globalization;

/// <summary>
/// EXP043's expected-outcome words without the regex
/// <c>\b(?:expect\w*|should|must|pass\w*|...|outcome\w*)\b|→|=&gt;</c> (case-insensitive,
/// culture-invariant), read over pieces of a text as if they were concatenated, so the rule need
/// not build the section's text. Every alternative is ASCII letters: it matches where a whole
/// word (a maximal run of <c>\w</c>) starts with one of the <c>\w*</c> stems or equals one of the
/// fixed words. A character whose reading could differ from the regex's (one the invariant case
/// maps to ASCII, like the Kelvin sign, or a joiner that <c>\b</c> counts as a word character)
/// stops the scan with <see cref="NeedsRegex"/>: the caller then runs the regex.
/// </summary>
internal struct OutcomeScan
{
    // Each word is packed as its first eight characters, one byte each (a lower-case letter, or
    // NonLetter for another word character), in a ulong, first character lowest.
    private const byte NonLetter = 1;

    private const int PackedLength = 8;

    /// <summary>The regex's <c>\w*</c> stems: a word that starts with one matches. Kept in step
    /// with EXP043's regex by RuleScanEquivalenceTests.</summary>
    private static readonly string[] Stems =
    [
        "expect", "pass", "succe", "fail", "return", "print", "output", "observ", "exit", "respon", "display", "contain",
        "match", "equal", "produc", "emit", "verif", "confirm", "appear", "outcome",
    ];

    /// <summary>The regex's fixed words (with their optional 's'): a word that is one matches.</summary>
    private static readonly string[] Words =
    [
        "should", "must", "show", "shows", "shown", "see", "seen", "result", "results", "green", "error", "errors",
        "warning", "warnings", "report", "reports", "log", "logs", "logged",
    ];

    /// <summary>Per first letter ('a'..'z'), the stems and fixed words that start with it.</summary>
    private static readonly Candidate[][] ByLetter = BuildCandidates();

    /// <summary>For each ASCII character, its packed byte when it is a word character, else 0.</summary>
    private static readonly byte[] AsciiWord = BuildAsciiWord();

    /// <summary>The Unicode categories of <c>\w</c> (letters, non-spacing marks, decimal digits,
    /// connector punctuation), as .NET's regex defines the class.</summary>
    private const int WordCategories =
        (1 << (int)UnicodeCategory.UppercaseLetter) | (1 << (int)UnicodeCategory.LowercaseLetter) |
        (1 << (int)UnicodeCategory.TitlecaseLetter) | (1 << (int)UnicodeCategory.ModifierLetter) |
        (1 << (int)UnicodeCategory.OtherLetter) | (1 << (int)UnicodeCategory.NonSpacingMark) |
        (1 << (int)UnicodeCategory.DecimalDigitNumber) | (1 << (int)UnicodeCategory.ConnectorPunctuation);

    private ulong _word;

    private int _length;

    private bool _afterEquals;

    /// <summary>Whether the pieces fed so far hold a match.</summary>
    public bool Found { get; private set; }

    /// <summary>The scan met a character it cannot read as the regex does; run the regex.</summary>
    public bool NeedsRegex { get; private set; }

    /// <summary>Reads the next piece, <c>text[start..end)</c>; true once decided (found, or the
    /// regex is needed): the rest need not be fed.</summary>
    public bool Feed(string text, int start, int end)
    {
        if (Found || NeedsRegex)
        {
            return true;
        }

        // Locals in the loop, not the struct's fields through 'this'.
        var word = _word;
        var length = _length;
        var afterEquals = _afterEquals;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            byte b;
            if (c < '\u0080')
            {
                if (c == '>' && afterEquals)
                {
                    Found = true;
                    return true;
                }

                afterEquals = c == '=';
                b = AsciiWord[c];
            }
            else
            {
                afterEquals = false;
                b = NonAscii(c);
                if (Found || NeedsRegex)
                {
                    return true;
                }
            }

            if (b != 0)
            {
                if (length < PackedLength)
                {
                    word |= (ulong)b << (8 * length);
                }

                // Saturates: past the packed length only "longer than any fixed word" matters.
                length = length <= PackedLength ? length + 1 : length;
            }
            else if (length > 0)
            {
                if (WordMatches(word, length))
                {
                    Found = true;
                    return true;
                }

                word = 0;
                length = 0;
            }
        }

        _word = word;
        _length = length;
        _afterEquals = afterEquals;
        return false;
    }

    /// <summary>After the last piece: whether the text holds a match (the last word ends at the
    /// text's end). Not meaningful when <see cref="NeedsRegex"/>.</summary>
    public bool Finish()
    {
        if (!Found && !NeedsRegex && _length > 0 && WordMatches(_word, _length))
        {
            Found = true;
        }

        return Found;
    }

    /// <summary>How the scan reads a character at or above U+0080: its packed byte (word
    /// character or not), or it sets <see cref="Found"/> ('→') or <see cref="NeedsRegex"/>.</summary>
    internal byte NonAscii(char c)
    {
        if (c == '\u2192')
        {
            Found = true;
            return 0;
        }

        if (IsUncertain(c))
        {
            NeedsRegex = true;
            return 0;
        }

        return IsWordCategory(c) ? NonLetter : (byte)0;
    }

    /// <summary>A character the scan leaves to the regex: a zero-width (non-)joiner, which
    /// <c>\b</c> counts as a word character and <c>\w</c> does not, or one whose invariant case
    /// is ASCII (the Kelvin sign, dotted capital I, dotless i, long s), which a case-insensitive
    /// regex may read as an ASCII letter.</summary>
    internal static bool IsUncertain(char c) =>
        c is '\u200C' or '\u200D' || TextScan.MayFoldToAscii(c);

    /// <summary>Whether <c>\w</c> holds a character at or above U+0080.</summary>
    internal static bool IsWordCategory(char c) => (WordCategories & (1 << (int)CharUnicodeInfo.GetUnicodeCategory(c))) != 0;

    private static bool WordMatches(ulong word, int length)
    {
        var letter = (int)(word & 0xFF) - 'a';
        if ((uint)letter >= 26)
        {
            return false;
        }

        foreach (var candidate in ByLetter[letter])
        {
            if (candidate.IsStem ? length >= candidate.Length && (word & candidate.Mask) == candidate.Value : length == candidate.Length && word == candidate.Value)
            {
                return true;
            }
        }

        return false;
    }

    private static Candidate[][] BuildCandidates()
    {
        var byLetter = new Candidate[26][];
        for (var letter = 0; letter < 26; letter++)
        {
            // Counted first, then filled: a List<Candidate> (a struct) would be one more generic
            // instantiation for the JIT to compile on a first analysis.
            var count = 0;
            foreach (var stem in Stems)
            {
                count += stem[0] == 'a' + letter ? 1 : 0;
            }

            foreach (var word in Words)
            {
                count += word[0] == 'a' + letter ? 1 : 0;
            }

            var candidates = new Candidate[count];
            var next = 0;
            foreach (var stem in Stems)
            {
                if (stem[0] == 'a' + letter)
                {
                    candidates[next++] = new Candidate(Pack(stem), (1UL << (8 * stem.Length)) - 1, stem.Length, isStem: true);
                }
            }

            foreach (var word in Words)
            {
                if (word[0] == 'a' + letter)
                {
                    candidates[next++] = new Candidate(Pack(word), ulong.MaxValue, word.Length, isStem: false);
                }
            }

            byLetter[letter] = candidates;
        }

        return byLetter;
    }

    private static ulong Pack(string word)
    {
        var packed = 0UL;
        for (var k = 0; k < word.Length && k < PackedLength; k++)
        {
            packed |= (ulong)word[k] << (8 * k);
        }

        return packed;
    }

    private static byte[] BuildAsciiWord()
    {
        var table = new byte[0x80];
        for (var c = 0; c < 0x80; c++)
        {
            table[c] = c is >= 'a' and <= 'z' ? (byte)c
                : c is >= 'A' and <= 'Z' ? (byte)(c | 0x20)
                : c is >= '0' and <= '9' or '_' ? NonLetter
                : (byte)0;
        }

        return table;
    }

    /// <summary>A stem (the word starts with it) or a fixed word (the word is it), packed.</summary>
    private readonly struct Candidate(ulong value, ulong mask, int length, bool isStem)
    {
        public ulong Value { get; } = value;

        public ulong Mask { get; } = mask;

        public int Length { get; } = length;

        public bool IsStem { get; } = isStem;
    }
}
