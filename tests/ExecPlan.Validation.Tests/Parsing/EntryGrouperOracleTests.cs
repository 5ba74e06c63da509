namespace ExecPlan.Validation.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Tests.Fuzz;

/// <summary>The entry grouper keeps its units and fields in reused buffers; the grouper it
/// replaced (a class per unit, a list per unit's fields, a set per entry's labels) is kept as
/// <c>EntryParser.ParseByReference</c> and is its specification: on every fixture, real plan,
/// PLANS.md file and their line-ending, BOM, tab and fuzzed variants, both give the same
/// entries, property for property.</summary>
public class EntryGrouperOracleTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("# T\n\n## Decision Log\n")]
    [InlineData("# T\n\n## Decision Log\n\n- Decision: a\n\n  Rationale: b\n\nDate/Author: c\n")]
    [InlineData("# T\r\n\r\n## Decision Log\r\n\r\n- Decision: a\r\n  Rationale: b\r\n- Rationale: c\r\n")]
    [InlineData("# T\n\n## Decision Log\n\n### Decision 1: x\n\n- bare item\n- Rationale: y\n\n### Decision 2\n\n- Decision: z\n")]
    [InlineData("# T\n\n## Risks\n\n-\tRisk:\tdrift.\tSeverity:\thigh\n\t- Likelihood: low\n")]
    [InlineData("# T\n\n## Surprises & Discoveries\n\n- 观察：缓存\n  证据：日志\n\n---\n\n- Observation: 🚀 x\n  Evidence: ✓\n")]
    [InlineData("# T\n\n## Decision Log\n\n    Decision: a\n    Rationale: b\n    Decision: c\n\n```\nDecision: fenced\n```\n")]
    public void Agrees_with_the_reference_grouper_on_edge_cases(string text)
    {
        var differences = Differences("case", text).ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void Agrees_with_the_reference_grouper_on_a_section_larger_than_the_kept_buffers()
    {
        // More units and fields than the per-thread buffers keep: they grow, are dropped after
        // the section, and the next (small) section starts from fresh ones.
        var body = new StringBuilder();
        for (var i = 0; i < 6000; i++)
        {
            body.Append("- Decision: use X").Append(i).Append("\n  Rationale: it is simpler. Date: today\n\n");
        }

        var big = "# T\n\n## Decision Log\n\n" + body + "## Risks\n\n- Risk: a\n  Severity: low\n";
        var differences = Differences("big", big).Concat(Differences("small after big", "# T\n\n## Risks\n\n- Risk: b\n")).ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        Assert.Equal(6001, PlanParser.Parse(big, "p.md").Entries.Count);
    }

    [Fact]
    public void Agrees_with_the_reference_grouper_on_fixtures_real_plans_and_their_variants()
    {
        var plans = Directory.EnumerateFiles(TestPaths.Fixtures, "*.md", SearchOption.AllDirectories)
            .Concat(TestPaths.CorpusOrNull is { } corpus ? Directory.EnumerateFiles(corpus, "*.md") : [])
            .Concat(TestPaths.PlansCorpusOrNull is { } plansmd ? Directory.EnumerateFiles(plansmd, "*.md", SearchOption.AllDirectories) : [])
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var differences = new List<string>();
        foreach (var file in plans)
        {
            var text = File.ReadAllText(file);
            var name = Path.GetFileName(file);
            differences.AddRange(Differences(name, text));
            differences.AddRange(Differences(name + " (CRLF)", text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal)));
            differences.AddRange(Differences(name + " (CR)", text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\n', '\r')));
            differences.AddRange(Differences(name + " (BOM, tabs)", "\uFEFF" + text.Replace("  ", "\t", StringComparison.Ordinal)));
            if (differences.Count > 10)
            {
                break;
            }
        }

        Assert.True(plans.Count > 50, "too few plans: " + plans.Count);
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(10)));
    }

    [Fact]
    public void Agrees_with_the_reference_grouper_on_fuzzed_plans()
    {
        var seeds = MutationFuzzer.LoadSeeds(TestPaths.Fixtures, TestPaths.CorpusOrNull ?? TestPaths.Fixtures);
        var fuzzer = new MutationFuzzer(seeds, runSeed: 7);
        var differences = new List<string>();
        for (var i = 0; i < 400 && differences.Count < 10; i++)
        {
            var fuzzCase = fuzzer.Case(i);
            if (!fuzzCase.Absurd)
            {
                differences.AddRange(Differences("fuzz " + i + " (" + fuzzCase.Description + ")", fuzzCase.Text ?? Encoding.UTF8.GetString(fuzzCase.Bytes)));
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(10)));
    }

    /// <summary>The plan's entries against the reference grouper run on the same sections
    /// <see cref="PlanParser"/> reads entries from (the first of each kind, not a qualified name).</summary>
    private static IEnumerable<string> Differences(string name, string text)
    {
        PlanDocument plan;
        try
        {
            plan = PlanParser.Parse(text, "plan.md");
        }
        catch (PlanTooComplexException)
        {
            yield break;
        }

        var expected = new List<PlanEntry>();
        var seen = new HashSet<SectionKind>();
        foreach (var section in plan.Sections)
        {
            if (seen.Add(section.Kind) && EntryParser.HasEntries(section.Kind) && section.Heading.MatchStrength != SectionMatchStrength.Qualified)
            {
                expected.AddRange(EntryParser.ParseByReference(section, plan.Text, plan.Lines));
                var alone = EntryParser.Parse(section, plan.Text, plan.Lines).ToList();
                var byReference = EntryParser.ParseByReference(section, plan.Text, plan.Lines);
                if (alone.Count != byReference.Count)
                {
                    yield return $"{name}: section {section.Kind}: {alone.Count} entries, the reference {byReference.Count}";
                }
            }
        }

        if (plan.Entries.Count != expected.Count)
        {
            yield return $"{name}: {plan.Entries.Count} entries, the reference {expected.Count}";
            yield break;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var actual = plan.Entries[i];
            var wanted = expected[i];
            if (actual.Section != wanted.Section || !string.Equals(actual.Text, wanted.Text, StringComparison.Ordinal) || actual.Span != wanted.Span
                || actual.FirstLineSpan != wanted.FirstLineSpan || actual.IsNoneMarker != wanted.IsNoneMarker || !actual.Fields.SequenceEqual(wanted.Fields)
                || !actual.Fields.Select(f => f.Value).SequenceEqual(wanted.Fields.Select(f => f.Value), StringComparer.Ordinal))
            {
                yield return $"{name}: entry {i} at {wanted.Span}: {Describe(actual)} | reference {Describe(wanted)}";
            }
        }
    }

    private static string Describe(PlanEntry e) =>
        $"{e.Section} {e.Span} {e.FirstLineSpan} none={e.IsNoneMarker} [{string.Join("; ", e.Fields.Select(f => f.Label + "/" + f.WrittenLabel + "=" + f.Value + " " + f.LabelSpan + " " + f.ValueSpan))}] \"{e.Text}\"";
}
