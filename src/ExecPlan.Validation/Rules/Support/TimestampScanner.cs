// One job over 300 lines: the timestamp pattern's matcher, kept whole so it reads against the regex it replaced (TimestampScannerTests keeps that regex as its oracle).
namespace ExecPlan.Validation.Rules.Support;

/// <summary>Where one group of the timestamp pattern matched. Every group of the pattern is
/// non-empty when it takes part, so a zero length (the default) means "not captured".</summary>
internal readonly struct GroupSpan
{
    public GroupSpan(int index, int length)
    {
        Index = index;
        Length = length;
    }

    public int Index { get; }

    public int Length { get; }

    public bool Success => Length > 0;

    public int End => Index + Length;
}

/// <summary>The first match of the timestamp pattern (see <see cref="TimestampScanner"/>) and
/// where each of its groups matched; groups that took no part are default. Filled by the scanner,
/// inner parts first, and only on the path that succeeds.</summary>
internal struct TimestampMatch
{
    public int Index;
    public int Length;
    public GroupSpan Y;
    public GroupSpan Mo;
    public GroupSpan D;
    public GroupSpan Time;
    public GroupSpan H;
    public GroupSpan Mi;
    public GroupSpan S;
    public GroupSpan AmPm;
    public GroupSpan Zone;
    public GroupSpan Utc;
    public GroupSpan Sign;
    public GroupSpan Oh;
    public GroupSpan Om;
    public GroupSpan Abbr;
    public GroupSpan Slash;
    public GroupSpan Sy;
    public GroupSpan Smo;
    public GroupSpan Sd;
}

/// <summary>Finds the first timestamp-like token of a text and where each part of it is, for
/// <see cref="Timestamps"/> to check.</summary>
/// <remarks>
/// The scanner finds exactly the first match of this pattern (case-insensitive, culture-invariant;
/// it was a regex, and the tests keep it as the oracle):
/// <code>
/// (?&lt;![\d\-/.])(?:(?&lt;y&gt;\d{4})-(?&lt;mo&gt;\d{1,2})-(?&lt;d&gt;\d{1,2})
///   (?:(?:[ T]|,[ \t]*)(?&lt;time&gt;(?&lt;h&gt;\d{1,2}):(?&lt;mi&gt;\d{2})(?::(?&lt;s&gt;\d{2})(?:\.\d+)?)?(?&lt;ampm&gt;[ \t]*[ap]\.?m\.?(?![a-z]))?)
///   (?&lt;zone&gt;[ \t]*(?&lt;utc&gt;UTC|GMT)(?:[ \t]*(?&lt;sign&gt;[+\-\u2212])[ \t]*(?&lt;oh&gt;\d{1,2})(?::?(?&lt;om&gt;\d{2}))?)?(?![a-z])
///   |[ \t]*(?&lt;sign&gt;[+\-\u2212])(?&lt;oh&gt;\d{2})(?::?(?&lt;om&gt;\d{2}))?
///   |[ \t]*(?&lt;abbr&gt;[a-z]{1,5})(?![a-z]))?)?
/// |(?&lt;slash&gt;(?&lt;sy&gt;\d{4})/(?&lt;smo&gt;\d{1,2})/(?&lt;sd&gt;\d{1,2})|\d{1,2}/\d{1,2}/\d{4}))(?![\d\-/])
/// </code>
/// That is: a date, then optionally a time (after a space, 'T' or a comma), an optional am/pm
/// marker and a zone: UTC/GMT with an optional offset; a bare numeric offset; a word of at most
/// five letters, which counts as a zone only when <see cref="ZoneWords"/> knows it. The choices
/// are tried in the regex's order (greedy parts longest first, optional parts with, then without)
/// and the first whose end is not followed by a digit, '-' or '/' wins. Where a choice is forced (a
/// <c>[ \t]*</c> before a non-blank, a <c>\d{1,2}</c> before a separator) it is taken directly.
/// <c>\d</c> is any Unicode decimal digit; <c>[a-z]</c> under IgnoreCase is ASCII letters and
/// the Kelvin sign (U+212A).
/// </remarks>
internal static class TimestampScanner
{
    /// <summary>The first match of the pattern in the remarks, with its groups; false when none.</summary>
    internal static bool Match(string text, out TimestampMatch match)
    {
        match = default;
        var n = text.Length;
        var p = 0;
        while (p < n)
        {
            if (!char.IsDigit(text[p]))
            {
                p++;
                continue;
            }

            var runEnd = p + 1;
            while (runEnd < n && char.IsDigit(text[runEnd]))
            {
                runEnd++;
            }

            // Both forms start with \d{4} or \d{1,2} and a separator, and the lookbehind refuses a
            // start after a digit: only the start of a run of digits can match, with the run's
            // whole length.
            var run = runEnd - p;
            if (runEnd < n && (p == 0 || text[p - 1] is not ('-' or '/' or '.')))
            {
                var separator = text[runEnd];
                if (separator == '-' ? run == 4 && MatchIso(text, p, ref match) : separator == '/' && run is 1 or 2 or 4 && MatchSlash(text, p, run, ref match))
                {
                    return true;
                }
            }

            p = runEnd;
        }

        return false;
    }

    /// <summary><c>[a-z]</c> under IgnoreCase | CultureInvariant: ASCII letters and the Kelvin sign.</summary>
    internal static bool IsLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '\u212A';

    /// <summary><c>[+\-\u2212]</c>: plus, hyphen-minus and the minus sign.</summary>
    internal static bool IsSign(char c) => c is '+' or '-' or '\u2212';

    /// <summary>A letter of the pattern in either case (the regex's IgnoreCase has no other
    /// equivalents for these: only 'k' has one, the Kelvin sign).</summary>
    internal static bool IsLetterIgnoringCase(char c, char lower) => (c | 0x20) == lower;

    /// <summary>Whether <c>(?![\d\-/])</c> holds at <paramref name="end"/>: the token ends there.</summary>
    internal static bool EndsToken(string text, int end) => end >= text.Length || !(char.IsDigit(text[end]) || text[end] is '-' or '/');

    /// <summary><c>\d{4}-\d{1,2}-\d{1,2}</c> at <paramref name="p"/> (the four digits and the '-'
    /// are checked), then the optional time.</summary>
    private static bool MatchIso(string text, int p, ref TimestampMatch match)
    {
        // \d{1,2} before a '-': only the whole run can be followed by the '-'. The day's \d{1,2}
        // likewise: with one of two digits, the next is a digit, which neither a time nor the
        // token's end accepts.
        var month = p + 5;
        var monthLength = Digits(text, month, 2);
        if (monthLength == 0 || !At(text, month + monthLength, '-'))
        {
            return false;
        }

        var day = month + monthLength + 1;
        var dayLength = Digits(text, day, 2);
        if (dayLength == 0)
        {
            return false;
        }

        var dateEnd = day + dayLength;
        var end = MatchTime(text, dateEnd, ref match);
        if (end < 0)
        {
            if (!EndsToken(text, dateEnd))
            {
                return false;
            }

            end = dateEnd;
        }

        match.Index = p;
        match.Length = end - p;
        match.Y = new GroupSpan(p, 4);
        match.Mo = new GroupSpan(month, monthLength);
        match.D = new GroupSpan(day, dayLength);
        return true;
    }

    /// <summary><c>(?:[ T]|,[ \t]*)</c> and the time group with its zone at <paramref name="at"/>:
    /// the token's end, or -1.</summary>
    private static int MatchTime(string text, int at, ref TimestampMatch match)
    {
        var n = text.Length;
        if (at >= n)
        {
            return -1;
        }

        int hour;
        var c = text[at];
        if (c == ' ' || IsLetterIgnoringCase(c, 't'))
        {
            hour = at + 1;
        }
        else if (c == ',')
        {
            // [ \t]* before a digit: all of the blanks.
            hour = SkipBlanks(text, at + 1);
        }
        else
        {
            return -1;
        }

        var hourLength = Digits(text, hour, 2);
        if (hourLength == 0 || !At(text, hour + hourLength, ':'))
        {
            return -1;
        }

        var minute = hour + hourLength + 1;
        if (Digits(text, minute, 2) != 2)
        {
            return -1;
        }

        var minuteEnd = minute + 2;
        var second = At(text, minuteEnd, ':') && Digits(text, minuteEnd + 1, 2) == 2 ? minuteEnd + 1 : -1;

        // (?:\.\d+)? takes all the digits: fewer leave a digit next, which nothing after accepts.
        var fractionEnd = -1;
        if (second >= 0 && At(text, second + 2, '.') && Digits(text, second + 3, 1) == 1)
        {
            fractionEnd = second + 4;
            while (fractionEnd < n && char.IsDigit(text[fractionEnd]))
            {
                fractionEnd++;
            }
        }

        // The seconds with their fraction, the seconds alone, neither: the first that lets the
        // rest match ("10:00:00.5-" ends before the '.').
        for (var choice = 0; choice < 3; choice++)
        {
            int timeEnd;
            GroupSpan seconds = default;
            if (choice == 0)
            {
                if (fractionEnd < 0)
                {
                    continue;
                }

                timeEnd = fractionEnd;
                seconds = new GroupSpan(second, 2);
            }
            else if (choice == 1)
            {
                if (second < 0)
                {
                    continue;
                }

                timeEnd = second + 2;
                seconds = new GroupSpan(second, 2);
            }
            else
            {
                timeEnd = minuteEnd;
            }

            var end = MatchAmPmAndZone(text, timeEnd, ref match);
            if (end >= 0)
            {
                match.H = new GroupSpan(hour, hourLength);
                match.Mi = new GroupSpan(minute, 2);
                match.S = seconds;
                match.Time = new GroupSpan(hour, (match.AmPm.Success ? match.AmPm.End : timeEnd) - hour);
                return end;
            }
        }

        return -1;
    }

    /// <summary><c>(?&lt;ampm&gt;[ \t]*[ap]\.?m\.?(?![a-z]))?</c> at <paramref name="at"/>, then the
    /// zone: the token's end, or -1.</summary>
    private static int MatchAmPmAndZone(string text, int at, ref TimestampMatch match)
    {
        var n = text.Length;
        var marker = SkipBlanks(text, at);
        if (marker < n && (IsLetterIgnoringCase(text[marker], 'a') || IsLetterIgnoringCase(text[marker], 'p')))
        {
            // The dot between the letters is forced (without it, 'm' would have to be the dot);
            // the closing dot is tried with, then without ("a.m.x" ends before the last '.').
            var m = marker + 1;
            if (At(text, m, '.'))
            {
                m++;
            }

            if (m < n && IsLetterIgnoringCase(text[m], 'm'))
            {
                var markerEnd = m + 1;
                if (At(text, markerEnd, '.') && !LetterAt(text, markerEnd + 1))
                {
                    var end = MatchZone(text, markerEnd + 1, ref match);
                    if (end >= 0)
                    {
                        match.AmPm = new GroupSpan(at, markerEnd + 1 - at);
                        return end;
                    }
                }

                if (!LetterAt(text, markerEnd))
                {
                    var end = MatchZone(text, markerEnd, ref match);
                    if (end >= 0)
                    {
                        match.AmPm = new GroupSpan(at, markerEnd - at);
                        return end;
                    }
                }
            }
        }

        return MatchZone(text, at, ref match);
    }

    /// <summary>The optional zone group at <paramref name="at"/>, its three alternatives in order,
    /// then none: the token's end, or -1.</summary>
    private static int MatchZone(string text, int at, ref TimestampMatch match)
    {
        var n = text.Length;

        // Each alternative's [ \t]* stands before a non-blank: all of the blanks.
        var word = SkipBlanks(text, at);
        if (word < n)
        {
            if (IsUtcOrGmt(text, word))
            {
                var utcEnd = word + 3;

                // With an offset: each [ \t]* takes all blanks; the hours are tried with two
                // digits, then one ("UTC+530" is +5:30), each with its minutes, then without.
                var sign = SkipBlanks(text, utcEnd);
                if (sign < n && IsSign(text[sign]))
                {
                    var hours = SkipBlanks(text, sign + 1);
                    for (var hoursLength = Digits(text, hours, 2); hoursLength > 0; hoursLength--)
                    {
                        var end = MatchOffsetMinutes(text, hours + hoursLength, afterUtc: true, out var minutes);
                        if (end >= 0)
                        {
                            match.Zone = new GroupSpan(at, end - at);
                            match.Utc = new GroupSpan(word, 3);
                            match.Sign = new GroupSpan(sign, 1);
                            match.Oh = new GroupSpan(hours, hoursLength);
                            match.Om = minutes;
                            return end;
                        }
                    }
                }

                if (!LetterAt(text, utcEnd) && EndsToken(text, utcEnd))
                {
                    match.Zone = new GroupSpan(at, utcEnd - at);
                    match.Utc = new GroupSpan(word, 3);
                    return utcEnd;
                }
            }

            if (IsSign(text[word]) && Digits(text, word + 1, 2) == 2)
            {
                var end = MatchOffsetMinutes(text, word + 3, afterUtc: false, out var minutes);
                if (end >= 0)
                {
                    match.Zone = new GroupSpan(at, end - at);
                    match.Sign = new GroupSpan(word, 1);
                    match.Oh = new GroupSpan(word + 1, 2);
                    match.Om = minutes;
                    return end;
                }
            }

            if (IsLetter(text[word]))
            {
                // [a-z]{1,5}(?![a-z]): only a whole word of at most five letters.
                var wordEnd = word + 1;
                while (wordEnd < n && IsLetter(text[wordEnd]))
                {
                    wordEnd++;
                }

                if (wordEnd - word <= 5 && EndsToken(text, wordEnd))
                {
                    match.Zone = new GroupSpan(at, wordEnd - at);
                    match.Abbr = new GroupSpan(word, wordEnd - word);
                    return wordEnd;
                }
            }
        }

        return EndsToken(text, at) ? at : -1;
    }

    /// <summary><c>(?::?(?&lt;om&gt;\d{2}))?</c> after the offset's hours: ':' and two digits, two
    /// digits, no minutes; the first whose end the token's end accepts (after UTC/GMT also
    /// <c>(?![a-z])</c>). The end, or -1.</summary>
    private static int MatchOffsetMinutes(string text, int at, bool afterUtc, out GroupSpan minutes)
    {
        if (At(text, at, ':') && Digits(text, at + 1, 2) == 2 && EndsOffset(text, at + 3, afterUtc))
        {
            minutes = new GroupSpan(at + 1, 2);
            return at + 3;
        }

        if (Digits(text, at, 2) == 2 && EndsOffset(text, at + 2, afterUtc))
        {
            minutes = new GroupSpan(at, 2);
            return at + 2;
        }

        minutes = default;
        return EndsOffset(text, at, afterUtc) ? at : -1;
    }

    private static bool EndsOffset(string text, int end, bool afterUtc) => (!afterUtc || !LetterAt(text, end)) && EndsToken(text, end);

    /// <summary>The slash forms at <paramref name="p"/>, a run of <paramref name="run"/> digits
    /// followed by '/': <c>\d{4}/\d{1,2}/\d{1,2}</c> (with groups) or <c>\d{1,2}/\d{1,2}/\d{4}</c>.</summary>
    private static bool MatchSlash(string text, int p, int run, ref TimestampMatch match)
    {
        var month = p + run + 1;
        var monthLength = Digits(text, month, 2);
        if (monthLength == 0 || !At(text, month + monthLength, '/'))
        {
            return false;
        }

        var day = month + monthLength + 1;
        int end;
        if (run == 4)
        {
            var dayLength = Digits(text, day, 2);
            end = day + dayLength;
            if (dayLength == 0 || !EndsToken(text, end))
            {
                return false;
            }

            match.Sy = new GroupSpan(p, 4);
            match.Smo = new GroupSpan(month, monthLength);
            match.Sd = new GroupSpan(day, dayLength);
        }
        else
        {
            end = day + 4;
            if (Digits(text, day, 4) != 4 || !EndsToken(text, end))
            {
                return false;
            }
        }

        match.Index = p;
        match.Length = end - p;
        match.Slash = new GroupSpan(p, end - p);
        return true;
    }

    /// <summary>How many digits (at most <paramref name="max"/>) stand at <paramref name="at"/>.</summary>
    private static int Digits(string text, int at, int max)
    {
        var count = 0;
        while (count < max && at + count < text.Length && char.IsDigit(text[at + count]))
        {
            count++;
        }

        return count;
    }

    private static bool At(string text, int at, char c) => at < text.Length && text[at] == c;

    private static bool LetterAt(string text, int at) => at < text.Length && IsLetter(text[at]);

    private static int SkipBlanks(string text, int at)
    {
        while (at < text.Length && text[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
    }

    private static bool IsUtcOrGmt(string text, int at) =>
        at + 3 <= text.Length
        && ((IsLetterIgnoringCase(text[at], 'u') && IsLetterIgnoringCase(text[at + 1], 't') && IsLetterIgnoringCase(text[at + 2], 'c'))
            || (IsLetterIgnoringCase(text[at], 'g') && IsLetterIgnoringCase(text[at + 1], 'm') && IsLetterIgnoringCase(text[at + 2], 't')));
}
