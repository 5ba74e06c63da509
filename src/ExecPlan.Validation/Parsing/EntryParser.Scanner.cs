namespace ExecPlan.Validation.Parsing;

using System;

/// <summary>The label scanner: the entry regexes' exact semantics (see <c>LabelSet.AtStart</c>,
/// <c>HeadingStart</c>, <c>Anywhere</c>, kept as the specification the tests compare against),
/// matched on a range of the text with no <c>Match</c> objects and no substrings.</summary>
internal static partial class EntryParser
{
    /// <summary>Where a label was found: the label itself (without an entry number), the end of
    /// the whole match (the value starts there) and the index of its canonical label.</summary>
    private readonly struct LabelHit
    {
        public LabelHit(int labelStart, int labelEnd, int end, int canonical)
        {
            LabelStart = labelStart;
            LabelEnd = labelEnd;
            End = end;
            Canonical = canonical;
        }

        public int LabelStart { get; }

        public int LabelEnd { get; }

        public int End { get; }

        public int Canonical { get; }
    }

    /// <summary>Case folding as the regexes' IgnoreCase with CultureInvariant compares: two
    /// characters are equal when their invariant lower cases are (the Kelvin sign is 'k', the long
    /// s is not 's'; a test sweeps every character against the regex engine).</summary>
    private static char Fold(char c) => InvariantCase.ToLower(c);

    private static int SkipBlanks(string text, int at, int end)
    {
        while (at < end && text[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
    }

    /// <summary><c>[*_]{0,2}</c>: no label starts with either, so greedy is the only way.</summary>
    private static int SkipEmphasis(string text, int at, int end)
    {
        var limit = Math.Min(end, at + 2);
        while (at < limit && text[at] is '*' or '_')
        {
            at++;
        }

        return at;
    }

    /// <summary>The regex's <c>$</c> without Multiline: the end, or a final '\n'.</summary>
    private static bool IsEnd(string text, int at, int end) => at == end || (at == end - 1 && text[at] == '\n');

    private sealed partial class LabelSet
    {
        private Spelling[]? SpellingsStartingWith(char c)
        {
            var folded = Fold(c);
            if (folded < 128)
            {
                return _asciiByFirst[folded];
            }

            return _otherByFirst.TryGetValue(folded, out var spellings) ? spellings : null;
        }

        /// <summary><c>AtStart</c> on the line [start, end).</summary>
        public bool TryAtStart(string text, int start, int end, out LabelHit hit)
        {
            var at = SkipLead(text, start, end);

            // "Decision: x", "**Risk** - y"; then a bold label alone on its line.
            var label = SkipEmphasis(text, at, end);
            if (label < end && TryLabel(text, label, end, Suffix.Colon, out hit))
            {
                return true;
            }

            if (at + 1 < end && text[at] == '*' && text[at + 1] == '*' && TryLabel(text, at + 2, end, Suffix.BoldAlone, out hit))
            {
                return true;
            }

            hit = default;
            return false;
        }

        /// <summary><c>HeadingStart</c> on the text [start, end).</summary>
        public bool TryHeadingStart(string text, int start, int end, out LabelHit hit)
        {
            var label = SkipEmphasis(text, SkipBlanks(text, start, end), end);
            if (label < end && TryLabel(text, label, end, Suffix.Heading, out hit))
            {
                return true;
            }

            hit = default;
            return false;
        }

        /// <summary>The first <c>Anywhere</c> match in the line [lineStart, end) at or after
        /// <paramref name="from"/> (the lookbehind sees the line from its start).</summary>
        public bool TryAnywhere(string text, int lineStart, int from, int end, out LabelHit hit)
        {
            for (var at = from; at < end; at++)
            {
                var c = text[at];
                if (c is not ('*' or '_') && (c < 128 ? _asciiByFirst[Fold(c)] is null : SpellingsStartingWith(c) is null))
                {
                    continue;
                }

                if (at > lineStart && (char.IsLetter(text[at - 1]) || char.IsNumber(text[at - 1])))
                {
                    continue;
                }

                var label = SkipEmphasis(text, at, end);
                if (label < end && TryLabel(text, label, end, Suffix.ColonAnywhere, out hit))
                {
                    return true;
                }
            }

            hit = default;
            return false;
        }

        /// <summary>The spellings in order; the first whose number and suffix follow wins, as in
        /// the regex's alternation.</summary>
        private bool TryLabel(string text, int at, int end, Suffix suffix, out LabelHit hit)
        {
            var spellings = at < end ? SpellingsStartingWith(text[at]) : null;
            if (spellings is not null)
            {
                foreach (var spelling in spellings)
                {
                    var labelEnd = spelling.MatchAt(text, at, end);
                    if (labelEnd < 0)
                    {
                        continue;
                    }

                    var matchEnd = MatchSuffix(text, SkipNumber(text, labelEnd, end), end, suffix);
                    if (matchEnd >= 0)
                    {
                        hit = new LabelHit(at, labelEnd, matchEnd, spelling.Canonical);
                        return true;
                    }
                }
            }

            hit = default;
            return false;
        }

        /// <summary><c>(?:[ \t]*#?\d{1,3})?</c>: "Decision 2". Greedy; when what follows fails,
        /// fewer digits or none fail too (a digit, '#' or blank is then where the suffix starts).</summary>
        private static int SkipNumber(string text, int at, int end)
        {
            var i = SkipBlanks(text, at, end);
            if (i < end && text[i] == '#')
            {
                i++;
            }

            var digits = 0;
            while (i < end && digits < 3 && char.IsDigit(text[i]))
            {
                i++;
                digits++;
            }

            return digits > 0 ? i : at;
        }

        private static int MatchSuffix(string text, int at, int end, Suffix suffix)
        {
            if (suffix == Suffix.BoldAlone)
            {
                if (at + 1 >= end || text[at] != '*' || text[at + 1] != '*')
                {
                    return -1;
                }

                var rest = SkipBlanks(text, at + 2, end);
                return IsEnd(text, rest, end) ? rest : -1;
            }

            var afterEmphasis = SkipEmphasis(text, at, end);
            var mark = SkipBlanks(text, afterEmphasis, end);
            int next;
            if (suffix == Suffix.Heading && IsEnd(text, mark, end))
            {
                next = mark;
            }
            else if (mark < end && (text[mark] is ':' or '：' || (suffix == Suffix.Heading && text[mark] == '.')))
            {
                next = mark + 1;
            }
            else if (suffix == Suffix.ColonAnywhere || mark >= end)
            {
                return -1;
            }
            else if (mark > afterEmphasis && text[mark] is '-' or '–' or '—' && mark + 1 < end && text[mark + 1] is ' ' or '\t')
            {
                next = mark + 1;
            }
            else if (text[mark] is '–' or '—')
            {
                next = mark + 1;
            }
            else
            {
                return -1;
            }

            return SkipBlanks(text, SkipEmphasis(text, next, end), end);
        }

        /// <summary>The regex's lead: blanks and '&gt;', a bullet or number with blanks after it, a
        /// checkbox with blanks after it. Each part either matches greedily or is left out; no
        /// shorter match of one lets a label start.</summary>
        private static int SkipLead(string text, int start, int end)
        {
            var at = start;
            while (at < end && text[at] is ' ' or '\t' or '>')
            {
                at++;
            }

            var marker = -1;
            if (at < end && text[at] is '-' or '*' or '+')
            {
                marker = at + 1;
            }
            else
            {
                var digits = 0;
                while (at + digits < end && digits < 3 && char.IsDigit(text[at + digits]))
                {
                    digits++;
                }

                if (digits > 0 && at + digits < end && text[at + digits] is '.' or ')')
                {
                    marker = at + digits + 1;
                }
            }

            if (marker > 0 && marker < end && text[marker] is ' ' or '\t')
            {
                at = SkipBlanks(text, marker, end);
            }

            if (at + 3 < end && text[at] == '[' && text[at + 1] is ' ' or 'x' or 'X' && text[at + 2] == ']' && text[at + 3] is ' ' or '\t')
            {
                at = SkipBlanks(text, at + 3, end);
            }

            return at;
        }
    }

    private enum Suffix
    {
        /// <summary><c>AtStart</c>: a colon, a spaced dash or an em/en dash.</summary>
        Colon,

        /// <summary><c>AtStart</c>'s other branch: <c>**Label**</c> alone on its line.</summary>
        BoldAlone,

        /// <summary><c>HeadingStart</c>: also the end of the text or a period.</summary>
        Heading,

        /// <summary><c>Anywhere</c>: a colon only.</summary>
        ColonAnywhere,
    }
}

/// <summary>For tests: which of the entry regexes a scanner result is compared with.</summary>
internal enum LabelMatchKind
{
    AtStart,
    HeadingStart,
    Anywhere,
}
