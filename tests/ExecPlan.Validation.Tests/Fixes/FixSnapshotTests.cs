namespace ExecPlan.Validation.Tests.Fixes;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Fixes;
using ExecPlan.Validation.Settings;
using ExecPlan.Validation.Tests.Settings;

/// <summary>
/// The fixed-text snapshot of every failing fixture of a fixable rule: <c>Fixtures/EXPnnn/bad-x.md</c>
/// repaired by <see cref="PlanFixer"/> with only that rule's repair on (the other fixable rules at
/// severity none, so each snapshot shows the one repair its folder is about) must equal
/// <c>bad-x.fixed.md</c>. A fixture whose findings are none of them mechanical has no snapshot,
/// and its findings carry no fix. Set EXECPLAN_UPDATE_GENERATED=1 to rewrite the snapshots after an
/// intended change, then review the diff.
/// </summary>
/// <remarks>
/// Every fixed text is validated again (all rules, the fixture's profile) and compared with the
/// original, findings compared by rule ID and message with every digit run replaced by '#' (so a
/// line number that moved is the same finding): the repaired rule keeps only findings that carried
/// no fix, and no rule gains a finding, except EXP005 (empty section) on a heading EXP001 or EXP002
/// inserted, which is what inserting an empty section means.
/// </remarks>
public sealed class FixSnapshotTests
{
    private const string Suffix = ".fixed.md";

    private static readonly Regex Header = new(@"<!--\s*expect:(?<words>[^>]*)-->", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static readonly Regex Digits = new(@"\d+", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>UTF-8 that keeps a byte-order mark as U+FEFF in the text (as <c>execplan fix</c>
    /// reads and writes files), so the snapshots show that it is kept.</summary>
    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static string SourceFixtures => Path.Combine(RepositoryPaths.Root, "tests", "ExecPlan.Validation.Tests", "Fixtures");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var id in PlanFixer.FixableRules)
        {
            var dir = Path.Combine(SourceFixtures, id);
            foreach (var file in Directory.GetFiles(dir, "bad-*.md").Where(f => !f.EndsWith(Suffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add(id, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixed_text_matches_its_snapshot_and_leaves_nothing_new(string ruleId, string fileName)
    {
        var path = Path.Combine(SourceFixtures, ruleId, fileName);
        var snapshot = Path.ChangeExtension(path, null) + Suffix;
        var text = Read(path);
        var (profile, repository) = Options(path, text);
        var onlyThisRule = new ValidationSettings
        {
            Profile = profile,
            SeverityOverrides = PlanFixer.FixableRules.Where(id => id != ruleId)
                .ToDictionary(id => id, _ => RuleSeverity.None, StringComparer.OrdinalIgnoreCase),
        };

        var fixedText = PlanFixer.Fix(text, onlyThisRule);
        var before = WithFixes(text, profile, repository);
        if (string.Equals(fixedText, text, StringComparison.Ordinal))
        {
            Assert.False(File.Exists(snapshot), $"{snapshot} exists, but nothing in the fixture is mechanical any more");
            Assert.All(before.Where(d => d.Id == ruleId), d => Assert.Null(d.Fix));
            return;
        }

        if (Environment.GetEnvironmentVariable("EXECPLAN_UPDATE_GENERATED") == "1")
        {
            File.WriteAllBytes(snapshot, Utf8.GetBytes(fixedText));
        }

        Assert.True(File.Exists(snapshot), $"{snapshot} is missing; run the tests with EXECPLAN_UPDATE_GENERATED=1 and review it");
        Assert.Equal(Read(snapshot), fixedText);

        // The repair is finished in one call, and changes nothing more on its own output.
        Assert.Empty(PlanFixer.ComputeFixes(fixedText, onlyThisRule));

        var after = WithFixes(fixedText, profile, repository);
        Assert.All(after.Where(d => d.Id == ruleId), d => Assert.Null(d.Fix));
        Assert.True(
            after.Count(d => d.Id == ruleId) <= before.Count(d => d.Id == ruleId && d.Fix is null),
            $"{ruleId} still reports a finding its repair should have removed in {fileName}");

        var inserted = ruleId is "EXP001" or "EXP002" ? InsertedHeadingLines(text, fixedText) : [];
        var remaining = before.Select(Key).ToList();
        var added = new List<string>();
        foreach (var diagnostic in after)
        {
            if (!remaining.Remove(Key(diagnostic)) && !(diagnostic.Id == "EXP005" && inserted.Contains(diagnostic.Span.StartLine)))
            {
                added.Add(diagnostic.ToString());
            }
        }

        Assert.Empty(added);
    }

    [Fact]
    public void Every_snapshot_has_its_fixture()
    {
        var orphans = Directory.GetFiles(SourceFixtures, "*" + Suffix, SearchOption.AllDirectories)
            .Where(f => !File.Exists(f[..^Suffix.Length] + ".md") ||
                !PlanFixer.FixableRules.Contains(Path.GetFileName(Path.GetDirectoryName(f)!)))
            .ToList();
        Assert.Empty(orphans);
    }

    [Fact]
    public void Status_goes_after_the_notice_in_Chinese_as_in_English()
    {
        // The living-document notice is found by EXP007's own detector, in any language it reads.
        foreach (var name in new[] { "bad-chinese-notice", "bad-english-notice" })
        {
            var text = Read(Path.Combine(SourceFixtures, "EXP010", name + ".md"));
            var lines = PlanFixer.Fix(text, new ValidationSettings { Profile = PlanProfile.Skill }).Split('\n');
            var notice = Array.FindIndex(lines, l => l.Contains("ExecPlan", StringComparison.Ordinal) || l.Contains("执行计划", StringComparison.Ordinal));
            Assert.True(notice > 1, name);
            Assert.Equal(["", "Status: DRAFT", ""], lines.Skip(notice + 1).Take(3));
        }
    }

    private static string Read(string path) => Utf8.GetString(File.ReadAllBytes(path));

    private static IReadOnlyList<PlanDiagnostic> WithFixes(string text, PlanProfile profile, IRepositoryView? repository) =>
        new PlanValidator(new ValidationSettings { Profile = profile, Repository = repository }) { IncludeFixes = true }.Validate(text, "plan.md");

    /// <summary>A finding without its position: ID and message, digit runs masked.</summary>
    private static string Key(PlanDiagnostic diagnostic) => diagnostic.Id + " " + Digits.Replace(diagnostic.Message, "#");

    /// <summary>The 1-based lines of the fixed text holding a heading the original lacks.</summary>
    private static HashSet<int> InsertedHeadingLines(string original, string fixedText)
    {
        var old = original.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        var lines = fixedText.Split('\n');
        var result = new HashSet<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith('#') && !old.Contains(line))
            {
                result.Add(i + 1);
            }
        }

        return result;
    }

    /// <summary>The profile and repository a fixture is validated with, from its expectation words
    /// (the header comment, or the sidecar <c>name.md.expect</c>).</summary>
    private static (PlanProfile Profile, IRepositoryView? Repository) Options(string path, string text)
    {
        var sidecar = path + ".expect";
        var words = File.Exists(sidecar) ? File.ReadAllText(sidecar) : Header.Match(text) is { Success: true } m ? m.Groups["words"].Value : string.Empty;
        var list = words.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return (list.Contains("profile=classic") ? PlanProfile.Classic : PlanProfile.Skill,
            list.Contains("repository=none") ? null : FakeRepository.Standard);
    }
}
