namespace ExecPlan.Validation.Tests.Rules;

using System.Linq;
using ExecPlan.Validation.Rules.Support;

/// <summary>The timestamp scanner behind EXP021 and EXP022: which tokens it finds, how far the
/// token reaches (the zone included), and the exact problem it names.</summary>
public class TimestampsTests
{
    [Theory]
    [InlineData("(2026-03-24 21:34 EDT) Shipped", "2026-03-24 21:34 EDT")]
    [InlineData("(2026-03-24 21:34 PST)", "2026-03-24 21:34 PST")]
    [InlineData("(2026-03-24 21:34 CEST)", "2026-03-24 21:34 CEST")]
    [InlineData("(2026-03-24 21:34 JST) 完了", "2026-03-24 21:34 JST")]
    [InlineData("2026-03-24 21:34 KST에 완료", "2026-03-24 21:34 KST")]
    [InlineData("(2026-03-24 21:34 AEDT)", "2026-03-24 21:34 AEDT")]
    [InlineData("(2026-03-24 21:34 NZST)", "2026-03-24 21:34 NZST")]
    [InlineData("(2026-03-24 21:34 IST)", "2026-03-24 21:34 IST")]
    [InlineData("(2026-03-24 21:34 UTC+9)", "2026-03-24 21:34 UTC+9")]
    [InlineData("(2026-03-24 21:34 GMT-5)", "2026-03-24 21:34 GMT-5")]
    [InlineData("(2026-03-24 21:34 UTC+05:30)", "2026-03-24 21:34 UTC+05:30")]
    [InlineData("(2026-03-24 21:34+09:00)", "2026-03-24 21:34+09:00")]
    [InlineData("(2026-03-24 21:34 +0900)", "2026-03-24 21:34 +0900")]
    [InlineData("(2026-03-24T21:34:05.25-03:00)", "2026-03-24T21:34:05.25-03:00")]
    [InlineData("(2026-03-24 21:34 utc)", "2026-03-24 21:34 utc")]
    [InlineData("(2026-03-24 21:34Z)", "2026-03-24 21:34Z")]
    [InlineData("(2026-03-24 9:34 PM EDT)", "2026-03-24 9:34 PM EDT")]
    [InlineData("(2026-03-24) done", "2026-03-24")]
    [InlineData("(2024-02-29 23:59:60Z) leap second", "2024-02-29 23:59:60Z")]
    public void A_written_zone_is_part_of_a_valid_token(string text, string token)
    {
        var found = Timestamps.FindFirst(text);
        Assert.NotNull(found);
        Assert.Equal(token, found.Value.Text);
        Assert.Null(found.Value.Problem);
    }

    [Theory]
    [InlineData("(2025-10-02 09:30) Measured", "2025-10-02 09:30", "has a time but no time zone: write it in UTC with 'Z' (e.g. 09:30Z) or add an offset such as +02:00")]
    [InlineData("(2025-10-02 09:30 local)", "2025-10-02 09:30", "has a time but no time zone: write it in UTC with 'Z' (e.g. 09:30Z) or add an offset such as +02:00")]
    [InlineData("(2025-10-02 9:30 pm)", "2025-10-02 9:30 pm", "has a time but no time zone: write it in UTC with 'Z' on the 24-hour clock (e.g. 13:00Z) or add an offset such as +02:00")]
    [InlineData("(2025-10-02 09:30 XYZT)", "2025-10-02 09:30 XYZT", "has no time zone this linter knows: 'XYZT' is not a known time-zone abbreviation; write 'Z' for UTC (e.g. 09:30Z) or a numeric offset such as +02:00")]
    [InlineData("(2025-13-01 10:00Z)", "2025-13-01 10:00Z", "is impossible: month 13 does not exist (months run 01 to 12)")]
    [InlineData("(2025-00-01)", "2025-00-01", "is impossible: month 00 does not exist (months run 01 to 12)")]
    [InlineData("(2025-02-30)", "2025-02-30", "is impossible: February 2025 has no day 30 (it has 28 days)")]
    [InlineData("(2025-10-01 25:00Z)", "2025-10-01 25:00Z", "is impossible: hour 25 does not exist (hours run 00 to 23)")]
    [InlineData("(2025-10-01 25:61Z)", "2025-10-01 25:61Z", "is impossible: hour 25 and minute 61 do not exist (hours run 00 to 23, minutes 00 to 59)")]
    [InlineData("(2025-10-01 13:00 EDT)x 2025-10-01 10:61 EDT", "2025-10-01 13:00 EDT", null)]
    [InlineData("(2025-10-01 10:61 EDT)", "2025-10-01 10:61 EDT", "is impossible: minute 61 does not exist (minutes 00 to 59)")]
    [InlineData("(2025-10-01 13:00 UTC+15)", "2025-10-01 13:00 UTC+15", "is impossible: the UTC offset 'UTC+15' does not exist (offsets run from -12:00 to +14:00)")]
    [InlineData("(2025/10/01)", "2025/10/01", "uses slashes: write the date as ISO 8601 with hyphens, 2025-10-01")]
    [InlineData("10/01/2025 US order", "10/01/2025", "uses slashes, and its day/month order is ambiguous: write the date as ISO 8601, YYYY-MM-DD (e.g. 2025-10-01)")]
    public void The_problem_names_exactly_what_is_wrong(string text, string token, string? problem)
    {
        var found = Timestamps.FindFirst(text);
        Assert.NotNull(found);
        Assert.Equal(token, found.Value.Text);
        Assert.Equal(problem, found.Value.Problem);
    }

    [Theory]
    [InlineData("(2025-10-02 09:30 EDT)")]
    [InlineData("(2025-10-02 09:30 PDT)")]
    [InlineData("(2025-10-02 09:30 UTC+9)")]
    [InlineData("(2025-10-02 09:30 GMT-5)")]
    [InlineData("(2025-10-02 09:30 +09:00)")]
    [InlineData("(2025-10-02 09:30 BST)")]
    public void A_message_never_claims_a_written_zone_is_missing(string text)
    {
        var problem = Timestamps.FindFirst(text)?.Problem;
        Assert.True(problem is null || !problem.Contains("zone", System.StringComparison.Ordinal), problem);
    }

    [Theory]
    [InlineData("Upgraded to 10.0.100 and 1.2.3-4")]
    [InlineData("Ratio 16:9 and port 5000:80")]
    [InlineData("No digits at all")]
    public void Numbers_that_are_not_dates_are_no_token(string text)
    {
        Assert.Null(Timestamps.FindFirst(text));
    }

    [Fact]
    public void EXP022_spans_the_whole_token_with_its_zone_and_quotes_it()
    {
        const string plan = "# Plan\n\n## Progress\n\n- [x] (2025-10-01 25:00 CEST) Shipped.\n- [x] (2025-10-01 13:00) Measured.\n";
        var found = Validate.Text(plan).Where(d => d.Id == "EXP022").ToList();
        Assert.Equal(2, found.Count);
        Assert.Equal((5, 8, 5, 29), (found[0].Span.StartLine, found[0].Span.StartColumn, found[0].Span.EndLine, found[0].Span.EndColumn));
        Assert.Equal("Timestamp is malformed: '2025-10-01 25:00 CEST' is impossible: hour 25 does not exist (hours run 00 to 23).", found[0].Message);
        Assert.Equal((6, 8, 6, 24), (found[1].Span.StartLine, found[1].Span.StartColumn, found[1].Span.EndLine, found[1].Span.EndColumn));
        Assert.Equal("Timestamp is malformed: '2025-10-01 13:00' has a time but no time zone: write it in UTC with 'Z' (e.g. 13:00Z) or add an offset such as +02:00.", found[1].Message);
    }
}
