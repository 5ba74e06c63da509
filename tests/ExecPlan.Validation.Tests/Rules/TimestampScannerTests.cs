namespace ExecPlan.Validation.Tests.Rules;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Rules.Support;

/// <summary>The hand-written timestamp scanner finds the same first match as the regex it replaced,
/// with every group at the same place, and so the same token and problem: on random text over the
/// characters that matter, on built dates with random damage, on every char for the character
/// classes, and on every Progress item and line of the corpora.</summary>
public class TimestampScannerTests
{
    // The regex Timestamps used, kept as the oracle.
    private static readonly Regex Oracle = new(
        @"(?<![\d\-/.])(?:(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})" +
        @"(?:(?:[ T]|,[ \t]*)(?<time>(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?(?<ampm>[ \t]*[ap]\.?m\.?(?![a-z]))?)" +
        @"(?<zone>[ \t]*(?<utc>UTC|GMT)(?:[ \t]*(?<sign>[+\-\u2212])[ \t]*(?<oh>\d{1,2})(?::?(?<om>\d{2}))?)?(?![a-z])" +
        @"|[ \t]*(?<sign>[+\-\u2212])(?<oh>\d{2})(?::?(?<om>\d{2}))?" +
        @"|[ \t]*(?<abbr>[a-z]{1,5})(?![a-z]))?)?" +
        @"|(?<slash>(?<sy>\d{4})/(?<smo>\d{1,2})/(?<sd>\d{1,2})|\d{1,2}/\d{1,2}/\d{4}))(?![\d\-/])",
        Options,
        TimeSpan.FromSeconds(2));

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly string[] GroupNames = ["y", "mo", "d", "time", "h", "mi", "s", "ampm", "zone", "utc", "sign", "oh", "om", "abbr", "slash", "sy", "smo", "sd"];

    [Theory]
    [InlineData("2025-10-01 10:00-", "2025-10-01")]
    [InlineData("2025-10-01 10:00 a.m.x", "2025-10-01 10:00 a.m")]
    [InlineData("2025-10-01 10:00 UTC+5a", "2025-10-01 10:00 UTC")]
    [InlineData("2025-10-01 10:00 UTC+530", "2025-10-01 10:00 UTC+530")]
    [InlineData("2025-10-01 10:00:00.5-", "2025-10-01 10:00:00")]
    [InlineData("2025-10-01 10:00 UTCx", "2025-10-01 10:00 UTCx")]
    [InlineData("2025-10-01 10:00 UTC5", "2025-10-01 10:00")]
    [InlineData("1.2025-10-01 x 2025-10-02", "2025-10-02")]
    [InlineData("2025-10-011 10/01/2025", "10/01/2025")]
    [InlineData("2025-10-01 10:00 +05:3x", "2025-10-01 10:00 +05")]
    [InlineData("2025-10-01 10:00 ABCDEF", "2025-10-01 10:00")]
    public void Backtracking_cases_match_as_the_regex_does(string text, string expected)
    {
        Assert.Equal(expected, Oracle.Match(text).Value);
        AssertSame(text);
    }

    [Fact]
    public void The_scanner_builds_no_regex()
    {
        // The interpreter parsed the pattern on first use, a cost the analyzer's first call paid.
        foreach (var field in typeof(TimestampScanner).GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public))
        {
            Assert.False(typeof(Regex).IsAssignableFrom(field.FieldType), field.Name);
        }
    }

    [Fact]
    public void Character_classes_agree_with_the_regex_for_every_char()
    {
        var letter = Class("[a-z]");
        var sign = Class(@"[+\-\u2212]");
        var digit = Class(@"\d");
        var ends = Class(@"[\d\-/]");
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var ch = (char)c;
            var s = ch.ToString();
            Assert.True(letter.IsMatch(s) == TimestampScanner.IsLetter(ch), $"[a-z] U+{c:X4}");
            Assert.True(sign.IsMatch(s) == TimestampScanner.IsSign(ch), $"sign U+{c:X4}");
            Assert.True(digit.IsMatch(s) == char.IsDigit(ch), $"\\d U+{c:X4}");
            Assert.True(ends.IsMatch(s) == !TimestampScanner.EndsToken(s, 0), $"end U+{c:X4}");
            foreach (var lower in "tapmucg")
            {
                Assert.True(Regex.IsMatch(s, "^" + lower + "$", Options, TimeSpan.FromSeconds(2)) == TimestampScanner.IsLetterIgnoringCase(ch, lower), $"{lower} U+{c:X4}");
            }
        }
    }

    [Fact]
    public void Every_char_in_every_slot_of_a_timestamp_matches_as_the_regex_does()
    {
        // A char in place of (and beside) each character of templates that reach every part.
        string[] templates = ["x2025-10-01T10:00:00.5 a.m. UTC+05:30 y", "1/2/2025 2025/10/01", "2025-1-1,\t9:05 PM GMT-5", "2025-10-01 10:00+0530 EDTx"];
        var random = new Random(51);
        foreach (var template in templates)
        {
            for (var c = 0; c <= 0xFFFF; c++)
            {
                var at = random.Next(template.Length);
                var ch = ((char)c).ToString();
                AssertSame(string.Concat(template.AsSpan(0, at), ch, template.AsSpan(at + 1)));
                AssertSame(string.Concat(template.AsSpan(0, at), ch, template.AsSpan(at)));
            }
        }
    }

    // Random pieces, numbers and what goes between them taking turns: numbers of the lengths that
    // matter, separators and the words of the zone part.
    private static readonly string[] Numbers = ["2025", "2025", "2025", "2025", "2025", "1", "1", "12", "10", "0", "99", "123", "\u0661\u0662\u0663\u0664", "20255"];
    private static readonly string[] Between = ["-", "-", "-", "-", "-", "-", "-", "-", "/", "/", "/", "/", ":", ":", ":", ":", " ", "\t", ",", ", ", "T", "t", ".", "+", "\u2212", " UTC", "gmt+", " am", "p.m.", "Z ", " EDT", "x", "K\u212A ", " a", "m"];

    [Fact]
    public void Random_text_over_the_characters_that_matter_matches_as_the_regex_does()
    {
        const string Alphabet = "0123456789012345678901234567890123456789----///..::++\u2212   \t,TtZzUuCcGgMmAaPpxK\u212A\u0661\u0662\u0966";
        var random = new Random(52);
        var found = 0;
        for (var round = 0; round < 200000; round++)
        {
            string text;
            if (round % 2 == 0)
            {
                text = RandomText(random, Alphabet, random.Next(0, 40));
            }
            else
            {
                var builder = new StringBuilder();
                for (var n = random.Next(1, 24); n > 0; n--)
                {
                    builder.Append(Pick(random, n % 2 == 0 ? Numbers : Between));
                }

                text = builder.ToString();
            }

            found += AssertSame(text) ? 1 : 0;
        }

        Assert.True(found > 1000, $"random text must hold tokens often enough ({found})");
    }

    private static readonly string[] Prefixes = ["", "(", "x ", "1", "-", ".", "/", "a", "\u0661", "2025-13-01 ", "10:00 ", "12/"];
    private static readonly string[] Dates = ["2025-10-01", "2025-1-1", "2025-10-1", "2025-100-01", "0000-01-01", "2025-02-30", "2024-02-29", "\u0662\u0660\u0662\u0665-\u0661-\u0661", "2025/10/01", "2025/13/1", "10/01/2025", "1/2/2025", "1/2/20255", "20255-10-01", "2025-10-011", "2025-10"];
    private static readonly string[] Separators = ["", " ", "T", "t", ",", ", ", ",\t ", "  ", "_"];
    private static readonly string[] Times = ["", "10:00", "9:05", "25:61", "10:0", "10:00:00", "10:00:61", "10:00:00.5", "10:00:00.", "10:00:00.123", "1:00:0", "10:00:00:00", "\u0661\u0660:\u0660\u0660"];
    private static readonly string[] Markers = ["", " am", "am", " a.m.", " A.M", "\tpm.", "  p.m", " amx", " a.m.x", " a.mx", " a..m", " pmt", " m"];
    private static readonly string[] Zones = ["", "Z", "z", " UTC", "utc", " GMT+5", " UTC + 05:30", "UTC+530", "UTC+5a", " UTC+15", " GMT\u22125", "UTC5", "UTCx", " UTC-1:30", "+0530", "+05:30", "+05:3", "\u221205", "-12:00", "+14:01", " EDT", " edt", " XYZT", " ABCDEF", " K\u212AT", " \u212AST", " ChST", " AM", " Pm", " local", " at", " +5", " + 05", "-"];
    private static readonly string[] Suffixes = ["", "-", "/", "5", "a", ".", " x", ")", "\u0661", ":", "+", "-01", "/2025"];

    [Fact]
    public void Built_dates_times_and_zones_with_random_damage_match_as_the_regex_does()
    {
        const string Damage = "0123456789-/.:+ \t,TZUCGMAPx\u212A\u2212\u0661";
        var random = new Random(53);
        var found = 0;
        for (var round = 0; round < 100000; round++)
        {
            var builder = new StringBuilder()
                .Append(Pick(random, Prefixes)).Append(Pick(random, Dates)).Append(Pick(random, Separators)).Append(Pick(random, Times))
                .Append(Pick(random, Markers)).Append(Pick(random, Zones)).Append(Pick(random, Suffixes));
            if (round % 4 == 1)
            {
                builder.Append(' ').Append(Pick(random, Dates)).Append(Pick(random, Separators)).Append(Pick(random, Times)).Append(Pick(random, Zones));
            }

            for (var hits = round % 3 == 0 ? random.Next(1, 4) : 0; hits > 0 && builder.Length > 0; hits--)
            {
                var at = random.Next(builder.Length);
                switch (random.Next(3))
                {
                    case 0: builder.Remove(at, 1); break;
                    case 1: builder.Insert(at, Damage[random.Next(Damage.Length)]); break;
                    default: builder[at] = Damage[random.Next(Damage.Length)]; break;
                }
            }

            found += AssertSame(builder.ToString()) ? 1 : 0;
        }

        Assert.True(found > 30000, $"built text must hold tokens often enough ({found})");
    }

    [SkippableFact]
    public void Every_item_and_line_of_the_real_plans_matches_as_the_regex_does() => AssertCorpus(TestPaths.Corpus);

    [SkippableFact]
    public void Every_item_and_line_of_the_PLANS_md_files_matches_as_the_regex_does() => AssertCorpus(TestPaths.PlansCorpus);

    private static void AssertCorpus(string folder)
    {
        var items = 0;
        foreach (var file in Directory.GetFiles(folder, "*.md"))
        {
            var text = File.ReadAllText(file);
            foreach (var item in PlanParser.Parse(text, Path.GetFileName(file)).ProgressItems)
            {
                AssertSame(item.Text);
                items++;
            }

            foreach (var line in text.Split('\n'))
            {
                AssertSame(line);
            }
        }

        Assert.True(items > 0, "the corpus must hold Progress items");
    }

    /// <summary>The scanner's match and groups equal the regex's, and the token (span, text and
    /// problem) equals what the regex-based FindFirst made of the match. True when a token was found.</summary>
    private static bool AssertSame(string text)
    {
        var expected = Oracle.Match(text);
        var success = TimestampScanner.Match(text, out var actual);
        Assert.True(expected.Success == success, $"'{text}': regex {(expected.Success ? "matches '" + expected.Value + "'" : "finds nothing")}, scanner {success}");
        var token = Timestamps.FindFirst(text);
        if (!success)
        {
            Assert.Null(token);
            return false;
        }

        Assert.True(expected.Index == actual.Index && expected.Length == actual.Length, $"'{text}': regex '{expected.Value}' at {expected.Index}, scanner at {actual.Index} length {actual.Length}");
        foreach (var name in GroupNames)
        {
            var group = expected.Groups[name];
            var span = Group(actual, name);
            Assert.True(group.Success == span.Success && (!group.Success || (group.Index == span.Index && group.Length == span.Length)),
                $"'{text}': group {name}: regex {(group.Success ? group.Index + "+" + group.Length : "none")}, scanner {(span.Success ? span.Index + "+" + span.Length : "none")}");
        }

        var old = RegexFindFirst(text, expected);
        Assert.NotNull(token);
        Assert.Equal((old.Index, old.Length, old.Text, old.Problem), (token.Value.Index, token.Value.Length, token.Value.Text, token.Value.Problem));
        return true;
    }

    private static GroupSpan Group(TimestampMatch match, string name) => name switch
    {
        "y" => match.Y,
        "mo" => match.Mo,
        "d" => match.D,
        "time" => match.Time,
        "h" => match.H,
        "mi" => match.Mi,
        "s" => match.S,
        "ampm" => match.AmPm,
        "zone" => match.Zone,
        "utc" => match.Utc,
        "sign" => match.Sign,
        "oh" => match.Oh,
        "om" => match.Om,
        "abbr" => match.Abbr,
        "slash" => match.Slash,
        "sy" => match.Sy,
        "smo" => match.Smo,
        "sd" => match.Sd,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static Regex Class(string set) => new("^" + set + "$", Options, TimeSpan.FromSeconds(2));

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    private static string RandomText(Random random, string alphabet, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    // What Timestamps.FindFirst made of the regex's match before the scanner, kept as the oracle
    // for the token's span and problem text.
    // The table itself is shared: the oracle is the old lookup logic over it, not a second copy.
    private static readonly HashSet<string> OldZoneAbbreviations = new(ZoneWords.ZoneAbbreviationList, StringComparer.Ordinal);

    private static (int Index, int Length, string Text, string? Problem) RegexFindFirst(string text, Match match)
    {
        var zone = match.Groups["zone"];
        var hasZone = zone.Success && OldIsZone(match);
        var length = zone.Success && !hasZone && !OldIsUnknownAbbreviation(match) ? zone.Index - match.Index : match.Length;
        return (match.Index, length, text.Substring(match.Index, length), OldCheck(match, hasZone));
    }

    private static bool OldIsZone(Match match)
    {
        if (match.Groups["utc"].Success || match.Groups["sign"].Success)
        {
            return true;
        }

        var abbr = match.Groups["abbr"].Value;
        return OldZoneAbbreviations.Contains(abbr) || abbr == "z";
    }

    private static bool OldIsUnknownAbbreviation(Match match)
    {
        var abbr = match.Groups["abbr"];
        return abbr.Success && abbr.Length >= 2 && string.Equals(abbr.Value.ToUpperInvariant(), abbr.Value, StringComparison.Ordinal)
            && !OldZoneAbbreviations.Contains(abbr.Value) && !(abbr.Length == 2 && (abbr.Value[0] is 'a' or 'A' or 'p' or 'P') && (abbr.Value[1] is 'm' or 'M'));
    }

    private static string? OldCheck(Match match, bool hasZone)
    {
        if (match.Groups["slash"].Success)
        {
            if (!match.Groups["sy"].Success)
            {
                return "uses slashes, and its day/month order is ambiguous: write the date as ISO 8601, YYYY-MM-DD (e.g. 2025-10-01)";
            }

            var (sy, smo, sd) = (OldParse(match, "sy"), OldParse(match, "smo"), OldParse(match, "sd"));
            return sy >= 1 && smo is >= 1 and <= 12 && sd >= 1 && sd <= DateTime.DaysInMonth(sy, smo)
                ? $"uses slashes: write the date as ISO 8601 with hyphens, {sy:D4}-{smo:D2}-{sd:D2}"
                : "uses slashes and is not a real year/month/day date: write the date as ISO 8601, YYYY-MM-DD (e.g. 2025-10-01)";
        }

        var (year, month, day) = (OldParse(match, "y"), OldParse(match, "mo"), OldParse(match, "d"));
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
            return $"is impossible: {CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[month - 1]} {year:D4} has no day {match.Groups["d"].Value} (it has {days} days)";
        }

        if (!match.Groups["time"].Success)
        {
            return null;
        }

        var hour = OldParse(match, "h");
        var minute = OldParse(match, "mi");
        var second = match.Groups["s"].Success ? OldParse(match, "s") : 0;
        var twelveHour = match.Groups["ampm"].Success;
        var wrong = new List<string>();
        var ranges = new List<string>();
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

        if (second > 60)
        {
            wrong.Add($"second {match.Groups["s"].Value}");
            ranges.Add("seconds 00 to 59");
        }

        if (wrong.Count > 0)
        {
            var joined = wrong.Count == 1 ? wrong[0] : string.Join(", ", wrong.GetRange(0, wrong.Count - 1)) + " and " + wrong[^1];
            return $"is impossible: {joined} {(wrong.Count == 1 ? "does" : "do")} not exist ({string.Join(", ", ranges)})";
        }

        if (!hasZone)
        {
            var example = twelveHour ? "13:00Z" : match.Groups["h"].Value + ":" + match.Groups["mi"].Value + "Z";
            if (OldIsUnknownAbbreviation(match))
            {
                return $"has no time zone this linter knows: '{match.Groups["abbr"].Value}' is not a known time-zone abbreviation; write 'Z' for UTC (e.g. {example}) or a numeric offset such as +02:00";
            }

            return $"has a time but no time zone: write it in UTC with 'Z'{(twelveHour ? " on the 24-hour clock" : string.Empty)} (e.g. {example}) or add an offset such as +02:00";
        }

        if (!match.Groups["oh"].Success)
        {
            return null;
        }

        var sign = match.Groups["sign"].Value == "+" ? 1 : -1;
        var offsetMinutes = match.Groups["om"].Success ? OldParse(match, "om") : 0;
        var total = sign * ((OldParse(match, "oh") * 60) + offsetMinutes);
        return offsetMinutes > 59 || total < -12 * 60 || total > 14 * 60
            ? $"is impossible: the UTC offset '{match.Groups["zone"].Value.Trim()}' does not exist (offsets run from -12:00 to +14:00)"
            : null;
    }

    private static int OldParse(Match match, string group)
    {
        var value = 0;
        foreach (var c in match.Groups[group].Value)
        {
            value = (value * 10) + (int)char.GetNumericValue(c);
        }

        return value;
    }
}
