namespace ExecPlan.Validation.Tests.Fuzz;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Abstractions;

/// <summary>
/// Robustness: random plans built from plan fragments (FsCheck) and a deterministic mutation
/// fuzzer seeded from the real corpus and the fixtures. CI runs a bounded slice (about 20-40 s);
/// set EXECPLAN_FUZZ_ITERATIONS (e.g. 100000) for a long run, or use
/// <c>dotnet run -c Release --project bench/ExecPlan.Fuzz -- 100000</c>.
/// </summary>
public class FuzzTests
{
    private const int DefaultIterations = 1000;

    private static readonly PlanValidator Validator = new();

    private static readonly string[] Pieces =
    [
        "# Title", "## Progress", "## Decision Log", "## Risks", "## Surprises & Discoveries", "## Outcomes & Retrospective", "## Constraints",
        "## Tolerances", "### Progress", "Status: DRAFT", "Status: IN PROGRESS", "Status: done", "- [x] (2025-10-01 13:00Z) shipped",
        "- [ ] next", "- [x] untimed", "- [x] (2025-02-30) bad day", "  - [ ] nested", "- Decision: a", "  Rationale: b",
        "  Date/Author: 2025-01-01 / x", "- Risk: r", "  Severity: high", "- Observation: o", "  Evidence: e", "None yet.", "```", "````md",
        "    code", "> quote", ">> deeper", "<!-- execplan-disable EXP021 -->", "<!-- execplan-enable EXP021 -->",
        "<!-- execplan-disable-next-line -->", "<!-- execplan-disable-line EXP001 -->", "<!-- execplan-disable-file nope -->",
        "<Replace me>", "| a | b |", "|---|---|", "---", "title: t", "* star", "+ plus", "1. one", "-nospace", "2)x", "===", "***", "",
        " ", "\t", "\u202Eevil", "e\u0301", "\uD83D\uDE00", "\uD83D", "\uDC00", "漢字 テスト", "\u00A0", "**bold", "_under_", "`code`",
        "[link](x)", "<div>", "Use timestamps to measure rates of progress and detect tolerance breaches.", "living document",
    ];

    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    private static Arbitrary<string> PlanLike()
    {
        var line = Gen.OneOf(
            Gen.Elements(Pieces),
            Gen.Elements(Pieces).Select(p => "  " + p),
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty));
        var ending = Gen.Elements("\n", "\n", "\n", "\r\n", "\r", "\n\n");
        var pair = line.SelectMany(l => ending.Select(e => l + e));
        return Gen.ListOf(pair).Select(lines => string.Concat(lines)).ToArbitrary();
    }

    [Property(MaxTest = 400)]
    public Property Random_plan_like_text_keeps_every_invariant() =>
        Prop.ForAll(PlanLike(), text =>
        {
            var problems = PlanInvariants.CheckText(Validator, text);
            return problems.Count == 0 ? true.ToProperty() : false.Label(string.Join("; ", problems));
        });

    [Property(MaxTest = 200)]
    public Property Random_bytes_keep_every_invariant() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
            PlanInvariants.CheckBytes(Validator, bytes ?? []).Count == 0);

    [Fact]
    public void Mutation_fuzzer_keeps_every_invariant()
    {
        var iterations = Iterations();
        // Seeded from the fixtures alone on a clone without the corpus: the fuzzer still runs.
        var seeds = MutationFuzzer.LoadSeeds([.. new[] { TestPaths.CorpusOrNull, TestPaths.Fixtures }.OfType<string>()]);
        Assert.True(seeds.Count > 100, "expected the fixtures (and the real corpus where present) as seeds, found " + seeds.Count);
        var fuzzer = new MutationFuzzer(seeds);
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations && failures.Count < 10; i++)
        {
            var fuzzCase = fuzzer.Case(i);
            foreach (var problem in MutationFuzzer.Check(Validator, fuzzCase))
            {
                failures.Add($"iteration {i} ({fuzzCase.Description}): {problem}");
            }
        }

        _output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} inputs from {1} seeds in {2:F1} s", iterations, seeds.Count, watch.Elapsed.TotalSeconds));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("list-inline")]
    [InlineData("list-indented")]
    [InlineData("quote")]
    [InlineData("quote-list")]
    [InlineData("megabyte-line")]
    [InlineData("megabyte-of-inlines")]
    [InlineData("markup-spread-over-lines")]
    [InlineData("link-reference-definitions")]
    public void Deep_nesting_and_huge_lines_are_answered_quickly(string kind)
    {
        const int Depth = 10_000;
        var text = kind switch
        {
            "list-inline" => string.Concat(Enumerable.Repeat("- ", Depth)) + "item\n",
            "list-indented" => string.Concat(Enumerable.Range(0, Depth / 10).Select(i => new string(' ', i * 2) + "- item\n")),
            "quote" => new string('>', Depth) + " quote\n",
            "quote-list" => string.Concat(Enumerable.Repeat("> - ", Depth)) + "x\n",
            "megabyte-line" => "# T\n\n" + new string('x', 1_000_000) + "\n",
            "markup-spread-over-lines" => "# T\n\n" + string.Concat(Enumerable.Repeat("[ (]( [ (]( [ (]( [ (]( [ (](\n", 20_000)),
            "link-reference-definitions" => "# T\n\n" + string.Concat(Enumerable.Range(0, 200_000).Select(i => "[r" + i + "]: http://x/" + i + "\n")),
            _ => "# T\n\n" + string.Concat(Enumerable.Repeat("`a` *b* [c](d) <e> ", 25_000)) + "\n",
        };
        var watch = Stopwatch.StartNew();
        Assert.Empty(PlanInvariants.CheckText(Validator, text, absurd: true));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "took " + watch.Elapsed);
    }

    [Theory]
    [InlineData("# T\n\n\u00A0 \n---\n", "a setext heading whose first line is only a no-break space")]
    [InlineData("# T\n\n## Progress\n\n- [x] (\u0661\u0662\u0663\u0664-\u0660\u0661-\u0660\u0661) Arabic-Indic digits\n", "a timestamp in non-ASCII digits")]
    public void Inputs_the_fuzzers_broke_once_are_validated_without_internal_failure(string text, string what)
    {
        var problems = PlanInvariants.CheckText(Validator, text);
        Assert.True(problems.Count == 0, what + ": " + string.Join("; ", problems));
    }

    [Fact]
    public void A_line_dense_with_inline_markup_is_refused_quickly_with_one_EXP000()
    {
        var watch = Stopwatch.StartNew();
        var result = Validator.Validate("# T\n\n" + string.Concat(Enumerable.Repeat("`a` *b* [c](d) <e> ", 5_000)) + "\n", "dense.md");
        var diagnostic = Assert.Single(result);
        Assert.Equal(("EXP000", 3), (diagnostic.Id, diagnostic.Span.StartLine));
        Assert.Contains("inline markup", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "took " + watch.Elapsed);
    }

    [Fact]
    public void Markup_past_Markdigs_depth_limit_becomes_one_clear_EXP000_at_its_paragraph()
    {
        // 100,000 '[' in one paragraph, 5,000 per line (under the per-line markup limit): the
        // per-paragraph guard answers before Markdig's depth limit would.
        var result = Validator.Validate("# T\n\nshort\n" + string.Concat(Enumerable.Repeat(new string('[', 5_000) + "\n", 20)) + "end\n", "deep.md");
        var diagnostic = Assert.Single(result);
        Assert.Equal("EXP000", diagnostic.Id);
        Assert.Equal(3, diagnostic.Span.StartLine);
        Assert.Contains("paragraph starting on line 3", diagnostic.Message, StringComparison.Ordinal);
    }

    private static int Iterations()
    {
        var fromEnv = Environment.GetEnvironmentVariable("EXECPLAN_FUZZ_ITERATIONS");
        return int.TryParse(fromEnv, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultIterations;
    }
}
