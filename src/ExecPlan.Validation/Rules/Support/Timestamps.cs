namespace ExecPlan.Validation.Rules.Support;

using System;
using System.Collections.Generic;
using System.Globalization;

/// <summary>A timestamp-like token found in a Progress item, and what (if anything) is wrong with it.</summary>
internal readonly struct TimestampToken
{
    public TimestampToken(int index, int length, string text, string? problem)
    {
        Index = index;
        Length = length;
        Text = text;
        Problem = problem;
    }

    /// <summary>Where the token starts in the item's text.</summary>
    public int Index { get; }

    /// <summary>The token's length: the date, the time and the zone when one is written.</summary>
    public int Length { get; }

    public string Text { get; }

    /// <summary>Null when the timestamp is valid; otherwise what is wrong and how to fix it, worded
    /// to follow "Timestamp 'TEXT' " (e.g. "is impossible: month 13 does not exist ...").</summary>
    public string? Problem { get; }
}

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

/// <summary>The first match of the timestamp pattern (see <see cref="Timestamps"/>) and where each
/// of its groups matched; groups that took no part are default. Filled by the scanner, inner
/// parts first, and only on the path that succeeds.</summary>
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

/// <summary>
/// Finds the timestamp of a Progress item: an ISO date (2025-10-01), optionally with a time that
/// must carry a zone: <c>Z</c>, <c>UTC</c>/<c>GMT</c> (optionally with an offset, <c>UTC+9</c>),
/// a numeric offset (<c>+09:00</c>, <c>+0900</c>), or a known zone abbreviation (<c>EDT</c>,
/// <c>CEST</c>, <c>JST</c>, ... from a table, not any capitals). Dates written with slashes count
/// as timestamps in the wrong format.
/// </summary>
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
/// five letters, which counts as a zone only when the table below knows it. The choices are tried
/// in the regex's order (greedy parts longest first, optional parts with, then without) and the
/// first whose end is not followed by a digit, '-' or '/' wins. Where a choice is forced (a
/// <c>[ \t]*</c> before a non-blank, a <c>\d{1,2}</c> before a separator) it is taken directly.
/// <c>\d</c> is any Unicode decimal digit; <c>[a-z]</c> under IgnoreCase is ASCII letters and
/// the Kelvin sign (U+212A).
/// </remarks>
internal static class Timestamps
{
    /// <summary>Time-zone abbreviations in use (upper case, as written): a timestamp followed by one
    /// of these has a zone. Ambiguous ones (IST, CST, BST) still name a zone, so they count.</summary>
    private static readonly string[] ZoneAbbreviationList =
    [
        "Z", "UT", "UTC", "GMT", "WET", "WEST", "CET", "CEST", "MET", "MEST", "EET", "EEST", "MSK", "BST", "IST",
        "TRT", "GST", "AST", "ADT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT",
        "HST", "HDT", "NST", "NDT", "ET", "CT", "MT", "PT", "JST", "KST", "HKT", "SGT", "PHT", "ICT", "WIB",
        "WITA", "WIT", "MYT", "PKT", "NPT", "BDT", "AWST", "ACST", "ACDT", "AEST", "AEDT", "LHST", "NZST",
        "NZDT", "CHAST", "SAST", "CAT", "EAT", "WAT", "BRT", "BRST", "ART", "CLT", "CLST", "COT", "PET",
        "VET", "UYT", "PYT", "IRST", "IRDT", "AFT", "UZT", "ChST", "SST", "CHST", "AMT", "AZT",
    ];

    /// <summary>The table keyed by <see cref="AbbreviationKey"/>, so a word in the text is looked up
    /// without making a string of it (ordinal, as the words are ASCII).</summary>
    private static readonly HashSet<long> ZoneAbbreviations = BuildAbbreviationKeys();

    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    private static readonly object NoToken = new();

    /// <summary>The first timestamp-like token of a Progress item's text, computed once per item.</summary>
    public static TimestampToken? FindFirst(ExecPlan.Validation.Model.ChecklistItem item)
    {
        var cached = item.TimestampCache;
        if (cached is null)
        {
            var found = FindFirst(item.Text);
            cached = found is null ? NoToken : found.Value;
            item.TimestampCache = cached;
        }

        return cached is TimestampToken token ? token : null;
    }

    /// <summary>The first timestamp-like token in the text, or null.</summary>
    public static TimestampToken? FindFirst(string text)
    {
        if (!MayHoldDate(text))
        {
            // Every token has a digit before a '-' or '/': no scan for the many items without one.
            return null;
        }

        if (!Match(text, out var match))
        {
            return null;
        }

        var hasZone = match.Zone.Success && IsZone(text, match);

        // A word after the time that is not a zone ('at', 'done') is not part of the token: the
        // span ends with the time. An unknown capitalised abbreviation stays in, since the message
        // names it.
        var length = match.Zone.Success && !hasZone && !IsUnknownAbbreviation(text, match) ? match.Zone.Index - match.Index : match.Length;
        var value = text.Substring(match.Index, length);
        return new TimestampToken(match.Index, length, value, Check(text, match, hasZone));
    }

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

    private static bool IsZone(string text, TimestampMatch match)
    {
        if (match.Utc.Success || match.Sign.Success)
        {
            return true;
        }

        var abbr = match.Abbr;
        return IsKnownAbbreviation(text, abbr) || (abbr.Length == 1 && text[abbr.Index] == 'z');
    }

    private static bool IsUnknownAbbreviation(string text, TimestampMatch match)
    {
        var abbr = match.Abbr;
        if (!abbr.Success || abbr.Length < 2)
        {
            return false;
        }

        // Written in capitals: each letter its own invariant upper case (the letters are BMP
        // characters, so per character is what the string's ToUpperInvariant does).
        for (var i = abbr.Index; i < abbr.End; i++)
        {
            if (char.ToUpperInvariant(text[i]) != text[i])
            {
                return false;
            }
        }

        return !IsKnownAbbreviation(text, abbr) && !IsAmPm(text, abbr);
    }

    private static bool IsAmPm(string text, GroupSpan word) =>
        word.Length == 2 && (text[word.Index] is 'a' or 'A' or 'p' or 'P') && (text[word.Index + 1] is 'm' or 'M');

    private static bool IsKnownAbbreviation(string text, GroupSpan word)
    {
        var key = AbbreviationKey(text, word.Index, word.Length);
        return key >= 0 && ZoneAbbreviations.Contains(key);
    }

    /// <summary>A word of at most five Latin-1 characters as a number, 8 bits a character below a
    /// leading 1 (so the length counts): equal keys, equal words. -1 for any other word, which the
    /// ASCII table cannot hold.</summary>
    private static long AbbreviationKey(string text, int start, int length)
    {
        if (length > 5)
        {
            return -1;
        }

        long key = 1;
        for (var i = start; i < start + length; i++)
        {
            if (text[i] > '\u00FF')
            {
                return -1;
            }

            key = (key << 8) | text[i];
        }

        return key;
    }

    private static HashSet<long> BuildAbbreviationKeys()
    {
        var keys = new HashSet<long>();
        foreach (var word in ZoneAbbreviationList)
        {
            keys.Add(AbbreviationKey(word, 0, word.Length));
        }

        return keys;
    }

    /// <summary>Every token holds a digit directly followed by '-' or '/' (2025-..., 10/01/...):
    /// items with neither (most, even with numbers in them) skip the scan.</summary>
    private static bool MayHoldDate(string text)
    {
        for (var i = text.Length > 1 ? text.IndexOfAny(DateSeparators, 1) : -1; i >= 0; i = i + 1 < text.Length ? text.IndexOfAny(DateSeparators, i + 1) : -1)
        {
            if (char.IsDigit(text[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly char[] DateSeparators = ['-', '/'];

    private static string? Check(string text, TimestampMatch match, bool hasZone)
    {
        if (match.Slash.Success)
        {
            return CheckSlashDate(text, match);
        }

        var year = Parse(text, match.Y);
        var month = Parse(text, match.Mo);
        var day = Parse(text, match.D);
        if (year < 1)
        {
            return "is impossible: year 0000 does not exist";
        }

        if (month is < 1 or > 12)
        {
            return $"is impossible: month {Value(text, match.Mo)} does not exist (months run 01 to 12)";
        }

        var days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            return $"is impossible: {MonthNames[month - 1]} {year:D4} has no day {Value(text, match.D)} (it has {days} days)";
        }

        if (!match.Time.Success)
        {
            return null;
        }

        var timeProblem = CheckTime(text, match);
        if (timeProblem is not null)
        {
            return timeProblem;
        }

        if (!hasZone)
        {
            return MissingZone(text, match);
        }

        return CheckOffset(text, match);
    }

    private static string? CheckTime(string text, TimestampMatch match)
    {
        var hour = Parse(text, match.H);
        var minute = Parse(text, match.Mi);
        var second = match.S.Success ? Parse(text, match.S) : 0;
        var twelveHour = match.AmPm.Success;
        var badHour = twelveHour ? hour is < 1 or > 12 : hour > 23;

        // 60 is a leap second: rare, but a real time.
        if (!badHour && minute <= 59 && second <= 60)
        {
            // The common case builds nothing.
            return null;
        }

        var wrong = new List<string>(3);
        var ranges = new List<string>(3);
        if (badHour)
        {
            wrong.Add($"hour {Value(text, match.H)}");
            ranges.Add(twelveHour ? "hours run 1 to 12 with am/pm" : "hours run 00 to 23");
        }

        if (minute > 59)
        {
            wrong.Add($"minute {Value(text, match.Mi)}");
            ranges.Add("minutes 00 to 59");
        }

        if (second > 60)
        {
            wrong.Add($"second {Value(text, match.S)}");
            ranges.Add("seconds 00 to 59");
        }

        var verb = wrong.Count == 1 ? "does" : "do";
        return $"is impossible: {Join(wrong)} {verb} not exist ({string.Join(", ", ranges)})";
    }

    private static string MissingZone(string text, TimestampMatch match)
    {
        var example = match.AmPm.Success ? "13:00Z" : Value(text, match.H) + ":" + Value(text, match.Mi) + "Z";
        if (IsUnknownAbbreviation(text, match))
        {
            return $"has no time zone this linter knows: '{Value(text, match.Abbr)}' is not a known time-zone abbreviation; write 'Z' for UTC (e.g. {example}) or a numeric offset such as +02:00";
        }

        var clock = match.AmPm.Success ? " on the 24-hour clock" : string.Empty;
        return $"has a time but no time zone: write it in UTC with 'Z'{clock} (e.g. {example}) or add an offset such as +02:00";
    }

    private static string? CheckOffset(string text, TimestampMatch match)
    {
        if (!match.Oh.Success)
        {
            return null;
        }

        var sign = text[match.Sign.Index] == '+' ? 1 : -1;
        var hours = Parse(text, match.Oh);
        var minutes = match.Om.Success ? Parse(text, match.Om) : 0;
        var total = sign * ((hours * 60) + minutes);
        if (minutes > 59 || total < -12 * 60 || total > 14 * 60)
        {
            var offset = Value(text, match.Zone).Trim();
            return $"is impossible: the UTC offset '{offset}' does not exist (offsets run from -12:00 to +14:00)";
        }

        return null;
    }

    private static string CheckSlashDate(string text, TimestampMatch match)
    {
        if (match.Sy.Success)
        {
            var year = Parse(text, match.Sy);
            var month = Parse(text, match.Smo);
            var day = Parse(text, match.Sd);
            if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                return $"uses slashes: write the date as ISO 8601 with hyphens, {year:D4}-{month:D2}-{day:D2}";
            }

            return "uses slashes and is not a real year/month/day date: write the date as ISO 8601, YYYY-MM-DD (e.g. 2025-10-01)";
        }

        return "uses slashes, and its day/month order is ambiguous: write the date as ISO 8601, YYYY-MM-DD (e.g. 2025-10-01)";
    }

    private static string Join(List<string> parts) => parts.Count switch
    {
        1 => parts[0],
        2 => parts[0] + " and " + parts[1],
        _ => string.Join(", ", parts.GetRange(0, parts.Count - 1)) + " and " + parts[parts.Count - 1],
    };

    private static string Value(string text, GroupSpan group) => text.Substring(group.Index, group.Length);

    /// <summary>The group's digits as a number. \d also matches non-ASCII decimal digits
    /// (Arabic-Indic, Devanagari, ...), which int.Parse refuses, so each digit is read by value.</summary>
    private static int Parse(string text, GroupSpan group)
    {
        var value = 0;
        for (var i = group.Index; i < group.End; i++)
        {
            value = (value * 10) + (int)char.GetNumericValue(text[i]);
        }

        return value;
    }
}
