namespace ExecPlan.Validation.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Rules;
using ExecPlan.Validation.Settings;

/// <summary>
/// One folder of fixtures per rule: <c>Fixtures/EXPnnn/bad-*.md</c> must trigger the rule at
/// exactly the listed positions, <c>good-*.md</c> must not trigger it. A fixture states what it
/// expects in a comment line <c>&lt;!-- expect: 12:3 14:1 profile=classic --&gt;</c> (or
/// <c>expect: none</c>), or, where a comment would change the test (EXP050), in a sidecar
/// <c>name.md.expect</c> file holding the same words.
/// </summary>
public class RuleFixtureTests
{
    private static readonly Regex Header = new(@"<!--\s*expect:(?<words>[^>]*)-->", RegexOptions.None, TimeSpan.FromSeconds(1));

    public static TheoryData<string, string> Fixtures()
    {
        var data = new TheoryData<string, string>();
        foreach (var dir in Directory.GetDirectories(TestPaths.Fixtures, "EXP*").OrderBy(d => d, StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(dir, "*.md").Where(f => !f.EndsWith(".fixed.md", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(dir), Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_reports_exactly_the_expected_positions(string ruleId, string fileName)
    {
        var path = Path.Combine(TestPaths.Fixtures, ruleId, fileName);
        var text = File.ReadAllText(path);
        var words = ExpectationWords(path, text);
        var profile = words.Contains("profile=classic") ? PlanProfile.Classic : PlanProfile.Skill;
        var expected = words.Where(w => Regex.IsMatch(w, @"^\d+:\d+$")).ToList();
        if (fileName.StartsWith("bad", StringComparison.Ordinal))
        {
            Assert.NotEmpty(expected);
        }
        else
        {
            Assert.Contains("none", words);
        }

        if (ruleId == "EXP060")
        {
            // EXP060 is about a PLANS.md, not a plan: the fixture is the PLANS.md.
            var plansActual = new PlanValidator().ValidatePlansFile(ExecPlan.Validation.Profiles.PlansFileDeriver.Derive(text, "PLANS.md"), "PLANS.md")
                .Select(d => $"{d.Span.StartLine}:{d.Span.StartColumn}")
                .ToList();
            Assert.Equal(expected, plansActual);
            return;
        }

        var repository = words.Contains("repository=none") ? null : FakeRepository.Standard;
        var actual = Validate.Text(text, profile, repository)
            .Where(d => d.Id == ruleId)
            .Select(d => $"{d.Span.StartLine}:{d.Span.StartColumn}")
            .ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_rule_has_fixtures_that_trigger_it_and_fixtures_that_must_not()
    {
        var missing = new List<string>();
        foreach (var descriptor in RuleCatalog.All)
        {
            var dir = Path.Combine(TestPaths.Fixtures, descriptor.Id);
            var files = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.md").Where(f => !f.EndsWith(".fixed.md", StringComparison.Ordinal)).Select(Path.GetFileName).ToList() : [];
            // EXP000 is about bytes and files, not text: its failing cases live in BadInputTests.
            var needsBad = descriptor.Id != "EXP000";
            if ((needsBad && !files.Any(f => f!.StartsWith("bad", StringComparison.Ordinal))) || !files.Any(f => f!.StartsWith("good", StringComparison.Ordinal)))
            {
                missing.Add(descriptor.Id);
            }
        }

        Assert.Empty(missing);
    }

    private static List<string> ExpectationWords(string path, string text)
    {
        var sidecar = path + ".expect";
        var source = File.Exists(sidecar) ? File.ReadAllText(sidecar) : Header.Match(text) is { Success: true } m ? m.Groups["words"].Value : string.Empty;
        return source.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
