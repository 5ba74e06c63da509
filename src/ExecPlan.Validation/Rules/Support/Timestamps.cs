namespace ExecPlan.Validation.Rules.Support;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

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
internal static class Timestamps
{
    // date, then optionally a time (after a space, 'T' or a comma), an optional am/pm marker and a
    // zone. The zone is one of: UTC/GMT with an optional offset; a bare numeric offset; a word of
    // at most five letters, which counts as a zone only when the table below knows it.
    private static readonly Regex Token = TextScan.Pattern(
        @"(?<![\d\-/.])(?:(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})" +
        @"(?:(?:[ T]|,[ \t]*)(?<time>(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?(?<ampm>[ \t]*[ap]\.?m\.?(?![a-z]))?)" +
        @"(?<zone>[ \t]*(?<utc>UTC|GMT)(?:[ \t]*(?<sign>[+\-\u2212])[ \t]*(?<oh>\d{1,2})(?::?(?<om>\d{2}))?)?(?![a-z])" +
        @"|[ \t]*(?<sign>[+\-\u2212])(?<oh>\d{2})(?::?(?<om>\d{2}))?" +
        @"|[ \t]*(?<abbr>[a-z]{1,5})(?![a-z]))?)?" +
        @"|(?<slash>(?<sy>\d{4})/(?<smo>\d{1,2})/(?<sd>\d{1,2})|\d{1,2}/\d{1,2}/\d{4}))(?![\d\-/])");

    /// <summary>Time-zone abbreviations in use (upper case, as written): a timestamp followed by one
    /// of these has a zone. Ambiguous ones (IST, CST, BST) still name a zone, so they count.</summary>
    private static readonly HashSet<string> ZoneAbbreviations = new(StringComparer.Ordinal)
    {
        "Z", "UT", "UTC", "GMT", "WET", "WEST", "CET", "CEST", "MET", "MEST", "EET", "EEST", "MSK", "BST", "IST",
        "TRT", "GST", "AST", "ADT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT",
        "HST", "HDT", "NST", "NDT", "ET", "CT", "MT", "PT", "JST", "KST", "HKT", "SGT", "PHT", "ICT", "WIB",
        "WITA", "WIT", "MYT", "PKT", "NPT", "BDT", "AWST", "ACST", "ACDT", "AEST", "AEDT", "LHST", "NZST",
        "NZDT", "CHAST", "SAST", "CAT", "EAT", "WAT", "BRT", "BRST", "ART", "CLT", "CLST", "COT", "PET",
        "VET", "UYT", "PYT", "IRST", "IRDT", "AFT", "UZT", "ChST", "SST", "CHST", "AMT", "AZT",
    };

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
            // Every token has a digit before a '-' or '/': no regex for the many items without one.
            return null;
        }

        var match = Token.Match(text);
        if (!match.Success)
        {
            return null;
        }

        var zone = match.Groups["zone"];
        var hasZone = zone.Success && IsZone(match);

        // A word after the time that is not a zone ('at', 'done') is not part of the token: the
        // span ends with the time. An unknown capitalised abbreviation stays in, since the message
        // names it.
        var length = zone.Success && !hasZone && !IsUnknownAbbreviation(match) ? zone.Index - match.Index : match.Length;
        var value = text.Substring(match.Index, length);
        return new TimestampToken(match.Index, length, value, Check(match, hasZone));
    }

    private static bool IsZone(Match match)
    {
        if (match.Groups["utc"].Success || match.Groups["sign"].Success)
        {
            return true;
        }

        var abbr = match.Groups["abbr"].Value;
        return ZoneAbbreviations.Contains(abbr) || abbr == "z";
    }

    private static bool IsUnknownAbbreviation(Match match)
    {
        var abbr = match.Groups["abbr"];
        return abbr.Success && abbr.Length >= 2 && string.Equals(abbr.Value.ToUpperInvariant(), abbr.Value, StringComparison.Ordinal)
            && !ZoneAbbreviations.Contains(abbr.Value) && !IsAmPm(abbr.Value);
    }

    private static bool IsAmPm(string word) => word.Length == 2 && (word[0] is 'a' or 'A' or 'p' or 'P') && (word[1] is 'm' or 'M');

    /// <summary>Every token holds a digit directly followed by '-' or '/' (2025-..., 10/01/...):
    /// items with neither (most, even with numbers in them) skip the regex.</summary>
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

    private static string? Check(Match match, bool hasZone)
    {
        if (match.Groups["slash"].Success)
        {
            return CheckSlashDate(match);
        }

        var year = Parse(match, "y");
        var month = Parse(match, "mo");
        var day = Parse(match, "d");
        if (year < 1)
        {
            return "is impossible: year 0000 does not exist";
        }

        if (month is < 1 or > 12)
        {
            return $"is impossible: month {match.Groups["mo"].Value} does not exist (months run 01 to 12)";
        }

        var days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            return $"is impossible: {MonthNames[month - 1]} {year:D4} has no day {match.Groups["d"].Value} (it has {days} days)";
        }

        if (!match.Groups["time"].Success)
        {
            return null;
        }

        var timeProblem = CheckTime(match);
        if (timeProblem is not null)
        {
            return timeProblem;
        }

        if (!hasZone)
        {
            return MissingZone(match);
        }

        return CheckOffset(match);
    }

    private static string? CheckTime(Match match)
    {
        var hour = Parse(match, "h");
        var minute = Parse(match, "mi");
        var second = match.Groups["s"].Success ? Parse(match, "s") : 0;
        var twelveHour = match.Groups["ampm"].Success;
        var wrong = new List<string>(3);
        var ranges = new List<string>(3);
        if (twelveHour ? hour is < 1 or > 12 : hour > 23)
        {
            wrong.Add($"hour {match.Groups["h"].Value}");
            ranges.Add(twelveHour ? "hours run 1 to 12 with am/pm" : "hours run 00 to 23");
        }

        if (minute > 59)
        {
            wrong.Add($"minute {match.Groups["mi"].Value}");
            ranges.Add("minutes 00 to 59");
        }

        // 60 is a leap second: rare, but a real time.
        if (second > 60)
        {
            wrong.Add($"second {match.Groups["s"].Value}");
            ranges.Add("seconds 00 to 59");
        }

        if (wrong.Count == 0)
        {
            return null;
        }

        var verb = wrong.Count == 1 ? "does" : "do";
        return $"is impossible: {Join(wrong)} {verb} not exist ({string.Join(", ", ranges)})";
    }

    private static string MissingZone(Match match)
    {
        var example = match.Groups["ampm"].Success ? "13:00Z" : match.Groups["h"].Value + ":" + match.Groups["mi"].Value + "Z";
        if (IsUnknownAbbreviation(match))
        {
            return $"has no time zone this linter knows: '{match.Groups["abbr"].Value}' is not a known time-zone abbreviation; write 'Z' for UTC (e.g. {example}) or a numeric offset such as +02:00";
        }

        var clock = match.Groups["ampm"].Success ? " on the 24-hour clock" : string.Empty;
        return $"has a time but no time zone: write it in UTC with 'Z'{clock} (e.g. {example}) or add an offset such as +02:00";
    }

    private static string? CheckOffset(Match match)
    {
        if (!match.Groups["oh"].Success)
        {
            return null;
        }

        var sign = match.Groups["sign"].Value == "+" ? 1 : -1;
        var hours = Parse(match, "oh");
        var minutes = match.Groups["om"].Success ? Parse(match, "om") : 0;
        var total = sign * ((hours * 60) + minutes);
        if (minutes > 59 || total < -12 * 60 || total > 14 * 60)
        {
            var offset = match.Groups["zone"].Value.Trim();
            return $"is impossible: the UTC offset '{offset}' does not exist (offsets run from -12:00 to +14:00)";
        }

        return null;
    }

    private static string CheckSlashDate(Match match)
    {
        if (match.Groups["sy"].Success)
        {
            var year = Parse(match, "sy");
            var month = Parse(match, "smo");
            var day = Parse(match, "sd");
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

    /// <summary>The group's digits as a number. The regex's \d also matches non-ASCII decimal digits
    /// (Arabic-Indic, Devanagari, ...), which int.Parse refuses, so each digit is read by value.</summary>
    private static int Parse(Match match, string group)
    {
        var value = 0;
        foreach (var c in match.Groups[group].Value)
        {
            value = (value * 10) + (int)char.GetNumericValue(c);
        }

        return value;
    }
}
