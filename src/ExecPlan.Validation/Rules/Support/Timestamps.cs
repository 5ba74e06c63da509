namespace ExecPlan.Validation.Rules.Support;

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

    public int Index { get; }

    public int Length { get; }

    public string Text { get; }

    /// <summary>Null when the timestamp is valid; otherwise what to fix.</summary>
    public string? Problem { get; }
}

/// <summary>
/// Finds the timestamp of a Progress item: an ISO date (2025-10-01), optionally with a time that
/// must be UTC (13:00Z, or an explicit UTC/offset, both unambiguous). Dates written with slashes
/// count as timestamps in the wrong format.
/// </summary>
internal static class Timestamps
{
    private static readonly Regex Token = TextScan.Pattern(
        @"(?<![\d\-/.])(?:(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:(?:[ T]|,[ \t]*)(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?(?<zone>[ \t]*(?:Z\b|UTC\b|GMT\b|[+\-]\d{2}:?\d{2}\b)|Z)?)?|(?<slash>\d{4}/\d{1,2}/\d{1,2}|\d{1,2}/\d{1,2}/\d{4}))(?![\d\-/])");

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
        if (!ContainsDigit(text))
        {
            // Every token starts with a digit: no regex for the many items without one.
            return null;
        }

        var match = Token.Match(text);
        if (!match.Success)
        {
            return null;
        }

        return new TimestampToken(match.Index, match.Length, match.Value, Check(match));
    }

    private static bool ContainsDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Check(Match match)
    {
        if (match.Groups["slash"].Success)
        {
            return "write dates as ISO 8601, e.g. (2025-10-01 13:00Z)";
        }

        var year = Parse(match, "y");
        var month = Parse(match, "mo");
        var day = Parse(match, "d");
        if (month is < 1 or > 12)
        {
            return $"month {month} does not exist";
        }

        if (year < 1 || day < 1 || day > System.DateTime.DaysInMonth(year, month))
        {
            return $"day {day} does not exist in {year:D4}-{month:D2}";
        }

        if (!match.Groups["h"].Success)
        {
            return null;
        }

        var hour = Parse(match, "h");
        var minute = Parse(match, "mi");
        var second = match.Groups["s"].Success ? Parse(match, "s") : 0;
        if (hour > 23 || minute > 59 || second > 59)
        {
            return $"{hour:D2}:{minute:D2} is not a time of day";
        }

        if (!match.Groups["zone"].Success)
        {
            return "the time has no time zone; add 'Z' for UTC, e.g. 13:00Z";
        }

        return null;
    }

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
