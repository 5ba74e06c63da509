namespace ExecPlan.Validation.Tests;

using System;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Rules;

/// <summary>
/// Patterns that backtracked on long runs: the suppression directive ('(?:--\s*[^>]*)?-->' after
/// '[ \t]*': 80 comments with 3,000 spaces took 33 s, and one with 7,500 spaces gave EXP000 or
/// ordinary findings depending on machine load), EXP012's planning-object pattern (exponential on
/// runs of '-') and its milestone label ('\s*[\w.]{0,6}\s*'). Each is now a linear scan; these
/// tests check the results on hostile input (and a generous bound, not a tight timing), and that
/// the scans agree with the old regexes on ordinary input.
/// </summary>
public class LinearPatternTests
{
    private const string OldDirective =
        @"<!--[ \t]*execplan-(?<kind>disable-next-line|disable-line|disable-file|disable|enable)(?<ids>(?:[ \t,]+[A-Za-z0-9_]+)*)[ \t]*(?:--\s*[^>]*)?-->";

    private const string OldPlanningObject =
        @"^\W*(?:[\w\-]+\W+){0,3}?(?:exec\s*plans?|plans?|planning|drafts?|specs?|specifications?|proposals?|design\s+docs?|adrs?|rfcs?|outlines?|notes|requirements|progress|sections?|decision\s+log|checklists?)\b";

    private static readonly string Plan = TestPaths.ReadFixture("valid/skill-in-progress.md");

    [Theory]
    [InlineData(80, 3000)]
    [InlineData(1, 7500)]
    [InlineData(4, 100_000)]
    public void Long_runs_of_spaces_in_comments_give_the_same_findings_as_without_them(int comments, int spaces)
    {
        var run = new string(' ', spaces);
        var hostile = new StringBuilder(Plan);
        var plain = new StringBuilder(Plan);
        for (var i = 0; i < comments; i++)
        {
            hostile.Append("\n<!-- execplan-disable EXP001").Append(run).Append("x -->\n");
            hostile.Append("\n<!-- execplan-disable --").Append(run).Append('\n');
            plain.Append("\n<!-- execplan-disable EXP001 x -->\n");
            plain.Append("\n<!-- execplan-disable --\n");
        }

        var watch = Stopwatch.StartNew();
        var findings = new PlanValidator().Validate(hostile.ToString(), "plan.md");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "took " + watch.Elapsed);

        Assert.DoesNotContain(findings, d => d.Id == "EXP000");
        Assert.Equal(
            new PlanValidator().Validate(plain.ToString(), "plan.md").Select(d => d.Id + " " + d.Span.StartLine),
            findings.Select(d => d.Id + " " + d.Span.StartLine));
    }

    [Fact]
    public void A_directive_padded_with_spaces_still_suppresses()
    {
        var text = "<!-- execplan-disable-file EXP001," + new string(' ', 20_000) + "EXP002" + new string('\t', 20_000) + "-- why" + new string(' ', 20_000) + "-->\n" + "# Title\n";
        var plan = Parsing.PlanParser.Parse(text, "plan.md");
        var comment = Assert.Single(plan.Suppressions);
        Assert.Equal(new[] { "EXP001", "EXP002" }, comment.Ids.Select(i => i.Id));
    }

    [Fact]
    public void The_directive_scan_agrees_with_the_old_regex_on_ordinary_comments()
    {
        var old = new Regex(OldDirective, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        string[] bodies =
        [
            "execplan-disable", "execplan-disable EXP001", "execplan-disable EXP001, exp002", "EXECPLAN-DISABLE-LINE exp1",
            "execplan-disable-next-line EXP001 -- because", "execplan-disable-file -- a > b", "execplan-enable",
            "execplan-disable-lineEXP001", "execplan-disable EXP001,", "execplan-disable-- x", "execplan-disable --->",
            "execplan-disable-line-->", "execplan-disablex", "  execplan-disable\tEXP001\t", "execplan-disable ---- ",
            "execplan-disable -- -- ", "execplan-nope EXP001", "execplan-disable EXP_1 EXP2",
        ];
        string[] ends = ["-->", " -->", "--->", "->", "", "--> <!-- execplan-enable -->"];
        foreach (var body in bodies)
        {
            foreach (var end in ends)
            {
                var text = "<!-- " + body + end + "\n";
                var expected = old.Matches(text).Select(m =>
                    m.Groups["kind"].Value.ToLowerInvariant() + ":" + string.Join(",", Regex.Matches(m.Groups["ids"].Value, "[A-Za-z0-9_]+").Select(x => x.Value.ToUpperInvariant())) + "@" + m.Index + "+" + m.Length);
                var actual = Parsing.PlanParser.Parse(text, "p.md").Suppressions.Select(c =>
                    KindText(c.Kind) + ":" + string.Join(",", c.Ids.Select(i => i.Id)) + "@" + (c.Span.StartColumn - 1) + "+" + (c.Span.EndColumn - c.Span.StartColumn));
                Assert.True(expected.SequenceEqual(actual), text + "\nexpected " + string.Join(" ", expected) + "\nactual " + string.Join(" ", actual));
            }
        }
    }

    [Theory]
    [InlineData("-", 20_000)]
    [InlineData("- ", 20_000)]
    [InlineData("a-", 20_000)]
    [InlineData(" ", 20_000)]
    public void EXP012_on_long_runs_is_quick_and_gives_the_same_verdict(string unit, int length)
    {
        var run = string.Concat(Enumerable.Repeat(unit, length / unit.Length));
        var watch = Stopwatch.StartNew();
        Assert.True(EXP012DraftWithCompletedWork.RecordsImplementation("Implemented " + run + " the cache"));
        Assert.Equal(unit == " ", EXP012DraftWithCompletedWork.RecordsImplementation("Step " + run + "x: implemented the cache"));
        Assert.False(EXP012DraftWithCompletedWork.RecordsImplementation("Wrote " + (unit == " " ? "the" : run) + " plan"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "took " + watch.Elapsed);
    }

    [Fact]
    public void The_planning_object_scan_agrees_with_the_old_regex_on_ordinary_items()
    {
        var old = new Regex(OldPlanningObject, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var method = typeof(EXP012DraftWithCompletedWork).GetMethod("PlanningObjectAhead", BindingFlags.NonPublic | BindingFlags.Static)!;
        string[] words = ["the", "plan", "exec-plan", "up-to-date", "-", "--", "a", "new", "ExecPlan", "spec", "notes", "x-", "-y", ",", "(draft)", "design docs", "my", "cache"];
        var random = new Random(12345);
        for (var n = 0; n < 5000; n++)
        {
            var count = random.Next(1, 7);
            var text = new StringBuilder(random.Next(3) == 0 ? " " : string.Empty);
            for (var k = 0; k < count; k++)
            {
                text.Append(words[random.Next(words.Length)]).Append(random.Next(4) switch { 0 => "-", 1 => ", ", _ => " " });
            }

            var s = text.ToString();
            Assert.True(old.IsMatch(s) == (bool)method.Invoke(null, [s])!, "disagree on '" + s + "'");
        }
    }

    private static string KindText(Model.SuppressionKind kind) => kind switch
    {
        Model.SuppressionKind.DisableNextLine => "disable-next-line",
        Model.SuppressionKind.DisableLine => "disable-line",
        Model.SuppressionKind.DisableFile => "disable-file",
        Model.SuppressionKind.Enable => "enable",
        _ => "disable",
    };
}
