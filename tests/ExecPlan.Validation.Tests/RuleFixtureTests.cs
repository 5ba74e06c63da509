namespace ExecPlan.Validation.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Rules;
using ExecPlan.Validation.Settings;
using ExecPlan.Validation.Tests.Settings;

/// <summary>
/// One folder of fixtures per rule: <c>Fixtures/EXPnnn/bad-*.md</c> must trigger the rule at
/// exactly the listed positions, <c>good-*.md</c> must not trigger it. A fixture states what it
/// expects in a comment line <c>&lt;!-- expect: 12:3 14:1 profile=classic --&gt;</c> (or
/// <c>expect: none</c>), or, where a comment would change the test (EXP050), in a sidecar
/// <c>name.md.expect</c> file holding the same words. Those positions are the human-written truth.
/// Every <c>bad-*.md</c> also has a snapshot, <c>name.md.findings</c>: each finding of the rule as
/// <c>start line:col-end line:col message</c>, compared exactly (full spans and messages). After an
/// intended message or span change, run the tests with <c>EXECPLAN_UPDATE_GENERATED=1</c> to rewrite
/// the snapshots; the update only runs once the start positions match the expect comment, so it can
/// never change which positions fire. <c>*.fixed.md</c> files (fix snapshots) are not fixtures.
/// </summary>
public class RuleFixtureTests
{
    private static readonly Regex Header = new(@"<!--\s*expect:(?<words>[^>]*)-->", RegexOptions.None, TimeSpan.FromSeconds(1));

    public static TheoryData<string, string> Fixtures()
    {
        var data = new TheoryData<string, string>();
        foreach (var dir in Directory.GetDirectories(TestPaths.Fixtures, "EXP*").OrderBy(d => d, StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(dir, "*.md").Where(IsFixture).OrderBy(f => f, StringComparer.Ordinal))
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

        // EXP060 is about a PLANS.md, not a plan: the fixture is the PLANS.md.
        var findings = ruleId == "EXP060"
            ? new PlanValidator().ValidatePlansFile(ExecPlan.Validation.Profiles.PlansFileDeriver.Derive(text, "PLANS.md"), "PLANS.md")
            : Validate.Text(text, profile, words.Contains("repository=none") ? null : FakeRepository.Standard).Where(d => d.Id == ruleId).ToList();
        Assert.Equal(expected, findings.Select(d => $"{d.Span.StartLine}:{d.Span.StartColumn}").ToList());
        if (expected.Count > 0)
        {
            AssertSnapshot(ruleId, fileName, expected, findings);
        }
    }

    /// <summary>Every snapshot belongs to a fixture that still exists and fires.</summary>
    [Fact]
    public void Every_findings_snapshot_belongs_to_a_bad_fixture()
    {
        var orphans = Directory.GetFiles(SourceFixtures, "*.findings", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("bad", StringComparison.Ordinal) || !File.Exists(f[..^".findings".Length]))
            .Select(f => Path.GetRelativePath(SourceFixtures, f))
            .ToList();
        Assert.True(orphans.Count == 0, "snapshots without their bad-*.md fixture: " + string.Join(", ", orphans));
    }

    /// <summary>The fixtures in the source tree (where the update mode writes), not the copy beside the tests.</summary>
    private static string SourceFixtures => Path.Combine(RepositoryPaths.Root, "tests", "ExecPlan.Validation.Tests", "Fixtures");

    private static bool IsFixture(string path) => !path.EndsWith(".fixed.md", StringComparison.Ordinal);

    internal static string SnapshotLine(PlanDiagnostic d) =>
        $"{d.Span.StartLine}:{d.Span.StartColumn}-{d.Span.EndLine}:{d.Span.EndColumn} {Reporting.DisplayText.Escape(d.Message)}";

    private static void AssertSnapshot(string ruleId, string fileName, List<string> expected, IReadOnlyList<PlanDiagnostic> findings)
    {
        var path = Path.Combine(SourceFixtures, ruleId, fileName + ".findings");
        var actual = string.Concat(findings.Select(d => SnapshotLine(d) + "\n"));
        if (Environment.GetEnvironmentVariable("EXECPLAN_UPDATE_GENERATED") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"{ruleId}/{fileName}.findings is missing; run the tests with EXECPLAN_UPDATE_GENERATED=1 to write it, then review it");
        var snapshot = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);

        // The snapshot must agree with the human-written positions, even if edited by hand.
        var starts = snapshot.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf('-', StringComparison.Ordinal)]).ToList();
        Assert.Equal(expected, starts);
        Assert.Equal(snapshot, actual);
    }

    [Fact]
    public void Every_rule_has_fixtures_that_trigger_it_and_fixtures_that_must_not()
    {
        var missing = new List<string>();
        foreach (var descriptor in RuleCatalog.All)
        {
            var dir = Path.Combine(TestPaths.Fixtures, descriptor.Id);
            var files = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.md").Where(IsFixture).Select(Path.GetFileName).ToList() : [];
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
