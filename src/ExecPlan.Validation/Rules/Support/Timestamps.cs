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

/// <summary>
/// Finds the timestamp of a Progress item: an ISO date (2025-10-01), optionally with a time that
/// must carry a zone: <c>Z</c>, <c>UTC</c>/<c>GMT</c> (optionally with an offset, <c>UTC+9</c>),
/// a numeric offset (<c>+09:00</c>, <c>+0900</c>), or a known zone abbreviation (<c>EDT</c>,
/// <c>CEST</c>, <c>JST</c>, ... from a table, not any capitals). Dates written with slashes count
/// as timestamps in the wrong format.
/// </summary>
/// <remarks>The token is the first match of <see cref="TimestampScanner"/>'s pattern (in its remarks).</remarks>
internal static class Timestamps
{
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

        if (!TimestampScanner.Match(text, out var match))
        {
            return null;
        }

        var hasZone = match.Zone.Success && ZoneWords.IsZone(text, match);

        // A word after the time that is not a zone ('at', 'done') is not part of the token: the
        // span ends with the time. An unknown capitalised abbreviation stays in, since the message
        // names it.
        var length = match.Zone.Success && !hasZone && !ZoneWords.IsUnknownAbbreviation(text, match) ? match.Zone.Index - match.Index : match.Length;
        var value = text.Substring(match.Index, length);
        return new TimestampToken(match.Index, length, value, Check(text, match, hasZone));
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

    private static string? Check(string text, in TimestampMatch match, bool hasZone)
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

    private static string? CheckTime(string text, in TimestampMatch match)
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

    private static string MissingZone(string text, in TimestampMatch match)
    {
        var example = match.AmPm.Success ? "13:00Z" : Value(text, match.H) + ":" + Value(text, match.Mi) + "Z";
        if (ZoneWords.IsUnknownAbbreviation(text, match))
        {
            return $"has no time zone this linter knows: '{Value(text, match.Abbr)}' is not a known time-zone abbreviation; write 'Z' for UTC (e.g. {example}) or a numeric offset such as +02:00";
        }

        var clock = match.AmPm.Success ? " on the 24-hour clock" : string.Empty;
        return $"has a time but no time zone: write it in UTC with 'Z'{clock} (e.g. {example}) or add an offset such as +02:00";
    }

    private static string? CheckOffset(string text, in TimestampMatch match)
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

    private static string CheckSlashDate(string text, in TimestampMatch match)
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
