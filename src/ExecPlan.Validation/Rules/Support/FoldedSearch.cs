namespace ExecPlan.Validation.Rules.Support;

using System;

/// <summary>
/// Whether a span of raw text, folded as <see cref="TextScan.Fold"/> folds it (lower case,
/// '*', '_' and '`' dropped, runs of white space and '>' made one space), holds any of a set of
/// folded sentences, without folding the text: a Wu-Manber search that reads the folded text
/// backwards from a raw position and skips most positions, so a block costs a fraction of one pass.
/// </summary>
/// <remarks>
/// The folding is read "eagerly": a space is produced at the first white-space character after a
/// kept one (not when the next kept character arrives), so every folded character stands at one
/// raw position and a raw step of n never moves more than n folded characters. That adds at most
/// a trailing space, which no folded sentence ends with, so the matches are those of the fold.
/// </remarks>
internal sealed class FoldedSearch
{
    // Four characters: the sentences' trigrams are common English ones (shorter skips, more
    // verifications); longer grams skip no further.
    private const int GramLength = 4;

    private const int TableMask = (1 << 14) - 1;

    private readonly string[] _patterns;

    /// <summary>The window: the shortest pattern's length; only each pattern's first
    /// <see cref="_window"/> characters steer the skips.</summary>
    private readonly int _window;

    /// <summary>How far the window may move when its last trigram hashes here (0: a candidate).</summary>
    private readonly byte[] _shift;

    /// <summary>The patterns whose window ends in a trigram of each hash, chained through <see cref="_next"/>.</summary>
    private readonly int[] _heads;

    private readonly int[] _next;

    public FoldedSearch(string[] foldedPatterns)
    {
        _patterns = foldedPatterns;
        var window = int.MaxValue;
        foreach (var pattern in foldedPatterns)
        {
            window = Math.Min(window, pattern.Length);
        }

        // The skip is stored in a byte; longer windows only skip less than they could.
        _window = Math.Min(window, 200);
        _shift = new byte[TableMask + 1];
        _heads = new int[TableMask + 1];
        _next = new int[foldedPatterns.Length];
        var longest = (byte)(_window - GramLength + 1);
        for (var h = 0; h <= TableMask; h++)
        {
            _shift[h] = longest;
            _heads[h] = -1;
        }

        for (var p = foldedPatterns.Length - 1; p >= 0; p--)
        {
            var pattern = foldedPatterns[p];
            for (var j = GramLength - 1; j < _window; j++)
            {
                var h = Hash(pattern[j - 3], pattern[j - 2], pattern[j - 1], pattern[j]);
                _shift[h] = (byte)Math.Min(_shift[h], _window - 1 - j);
            }

            var last = Hash(pattern[_window - 4], pattern[_window - 3], pattern[_window - 2], pattern[_window - 1]);
            _next[p] = _heads[last];
            _heads[last] = p;
        }
    }

    /// <summary>Whether the fold of <c>text[start..end)</c> contains one of the patterns.</summary>
    public bool ContainsAny(string text, int start, int end)
    {
        if (end - start < _window)
        {
            return false;
        }

        var shifts = _shift;
        var q = NextKept(text, start, end, start + _window - 1);
        while (q >= 0)
        {
            int h;
            if (PlainWindow(text, start, q))
            {
                // The common case: the three characters before q each stand for themselves (a
                // white space is one when a plain character comes before it): no walk back.
                h = Hash(AsciiFold[text[q - 3]], AsciiFold[text[q - 2]], AsciiFold[text[q - 1]], AsciiFold[text[q]]);
            }
            else
            {
                var p1 = Previous(text, start, q);
                var p2 = p1 < 0 ? -1 : Previous(text, start, p1);
                var p3 = p2 < 0 ? -1 : Previous(text, start, p2);
                if (p3 < 0)
                {
                    q = q + 1 < end ? NextKept(text, start, end, q + 1) : -1;
                    continue;
                }

                h = Hash(At(text, p3), At(text, p2), At(text, p1), At(text, q));
            }

            int shift = shifts[h];
            if (shift == 0)
            {
                if (Verify(text, start, end, q, h))
                {
                    return true;
                }

                shift = 1;
            }

            q += shift;
            if (q >= end)
            {
                return false;
            }

            // A plain character is kept, and so is a white space after one: most landings need no NextKept.
            var c = text[q];
            if (c >= AsciiEnd || AsciiFold[c] <= ' ')
            {
                q = c < AsciiEnd && AsciiFold[c] == ' ' && IsPlainAscii(text[q - 1]) ? q : NextKept(text, start, end, q);
            }
        }

        return false;
    }

    private bool Verify(string text, int start, int end, int q, int hash)
    {
        for (var p = _heads[hash]; p >= 0; p = _next[p])
        {
            var pattern = _patterns[p];

            // The window backwards from q, then the pattern's rest forwards after it.
            var matched = true;
            var at = q;
            for (var k = _window - 1; k >= 0; k--)
            {
                if (at < 0 || At(text, at) != pattern[k])
                {
                    matched = false;
                    break;
                }

                at = k > 0 ? Previous(text, start, at) : at;
            }

            at = q;
            for (var k = _window; matched && k < pattern.Length; k++)
            {
                at = at + 1 < end ? NextKept(text, start, end, at + 1) : -1;
                matched = at >= 0 && At(text, at) == pattern[k];
            }

            if (matched)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the fold of <c>text[q - 3..q]</c> is those four ASCII characters, folded one
    /// by one (q is a kept position): none is dropped, and each white space among the first three
    /// follows a plain character (inside the block), so it is its run's first and stands for itself.</summary>
    private static bool PlainWindow(string text, int start, int q)
    {
        if (q - 3 < start)
        {
            return false;
        }

        char c0 = text[q], c1 = text[q - 1], c2 = text[q - 2], c3 = text[q - 3];
        if ((c0 | c1 | c2 | c3) >= AsciiEnd)
        {
            return false;
        }

        char f1 = AsciiFold[c1], f2 = AsciiFold[c2], f3 = AsciiFold[c3];
        return f1 != Dropped && f2 != Dropped && f3 != Dropped &&
            (f1 != ' ' || f2 > ' ') &&
            (f2 != ' ' || f3 > ' ') &&
            (f3 != ' ' || (q - 4 >= start && IsPlainAscii(text[q - 4])));
    }

    /// <summary>An ASCII character the fold keeps as itself, other than a control character.</summary>
    private static bool IsPlainAscii(char c) => c < AsciiEnd && AsciiFold[c] > ' ';

    private static int Hash(char a, char b, char c, char d) => ((((((a * 31) + b) * 31) + c) * 31) + d) & TableMask;

    /// <summary>The folded character a kept position stands for.</summary>
    private static char At(string text, int position)
    {
        var c = text[position];
        return IsSpace(c) ? ' ' : InvariantCase.ToLower(c);
    }

    /// <summary>The kept position before <paramref name="position"/> (a kept one), or -1.</summary>
    private static int Previous(string text, int start, int position)
    {
        var i = position - 1;
        while (i >= start && IsDropped(text[i]))
        {
            i--;
        }

        if (i < start || !IsSpace(text[i]))
        {
            return i < start ? -1 : i;
        }

        // A run of white space (with dropped characters) stands at its first white space, when a
        // kept character comes before it; a run at the block's start stands for nothing.
        var firstSpace = i;
        for (i--; i >= start; i--)
        {
            var c = text[i];
            if (IsSpace(c))
            {
                firstSpace = i;
            }
            else if (!IsDropped(c))
            {
                return firstSpace;
            }
        }

        return -1;
    }

    /// <summary>The first kept position at or after <paramref name="from"/>, or -1.</summary>
    private static int NextKept(string text, int start, int end, int from)
    {
        for (var i = from; i < end; i++)
        {
            var c = text[i];
            if (IsDropped(c))
            {
                continue;
            }

            if (!IsSpace(c) || FollowsKeptCharacter(text, start, i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether the last character before a white space, dropped ones skipped, is a kept non-space one.</summary>
    private static bool FollowsKeptCharacter(string text, int start, int position)
    {
        for (var i = position - 1; i >= start; i--)
        {
            var c = text[i];
            if (!IsDropped(c))
            {
                return !IsSpace(c);
            }
        }

        return false;
    }

    private static bool IsDropped(char c) => c is '*' or '_' or '`';

    private const int AsciiEnd = 0x80;

    private const char Dropped = '\0';

    /// <summary>What the fold makes of each ASCII character: itself lowered, ' ' for white space
    /// and '&gt;', <see cref="Dropped"/> for a dropped one. NUL folds to itself, which reads as
    /// dropped here: it only sends a probe down the slow path.</summary>
    private static readonly char[] AsciiFold = BuildAsciiFold();

    private static char[] BuildAsciiFold()
    {
        var fold = new char[AsciiEnd];
        for (var c = 0; c < AsciiEnd; c++)
        {
            var ch = (char)c;
            fold[c] = IsDropped(ch) ? Dropped : IsSpace(ch) ? ' ' : InvariantCase.ToLower(ch);
        }

        return fold;
    }

    private static bool IsSpace(char c) => c == '>' || (c <= ' ' ? char.IsWhiteSpace(c) : c >= '\u0080' && char.IsWhiteSpace(c));

}
