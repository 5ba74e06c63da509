namespace ExecPlan.Benchmarks;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ExecPlan.Validation;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Settings;
using Markdig;

/// <summary>
/// <c>linear [CASE]</c>: per-byte cost of validation at 1x, 10x and 100x beside the per-byte cost
/// of Markdig's own parse of the same text (the floor), with a verdict per case (target: within
/// 1.5x per byte of 1x at 100x). <c>linear-why CASE</c>: what grows, per stage (Markdig, the parse
/// model, the rules and the validator), with the collections per generation, GC pause and live
/// heap, then each rule's per-byte cost at 1x and 100x. Every sample starts from a settled heap
/// (<see cref="Sampler"/>).
/// </summary>
public static class LinearCost
{
    private const double Target = 1.5;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly int[] Scales = [1, 10, 100];

    public static void Run(string only)
    {
        var validator = new PlanValidator(new ValidationSettings { MaxFileSizeBytes = 256L * 1024 * 1024 });
        WarmUp(validator);
        Console.WriteLine("| case | scale | input KB | plans | ms (min) | ns per byte | vs 1x per byte | Markdig ms (min) | Markdig vs 1x per byte | GCs per pass (gen0/1/2) | verdict at 100x |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        var verdicts = new List<string>();
        foreach (var c in LinearCases.Matching(only))
        {
            double basePerByte = 0, baseFloor = 0;
            foreach (var scale in Scales)
            {
                var plans = c.Make(scale);
                var bytes = plans.Sum(p => (double)p.Utf8Bytes);
                var ours = Sampler.Measure(() => { foreach (var p in plans) { ValidationBenchmarks.MessageLength(validator.Validate(p.Text, p.Name)); } }, minRuns: 5, budgetMs: 1000);
                var perByte = ours.MinCpuMs * 1e6 / bytes;
                basePerByte = scale == 1 ? perByte : basePerByte;
                var ratio = perByte / basePerByte;

                // A plan the input guard refuses (one EXP000) never reaches Markdig: the hostile
                // shapes are super-linear in Markdig itself, which is why the guard exists.
                var refused = plans.Any(LinearCases.IsRefused);
                var floorText = "refused (EXP000)";
                var floorRatioText = "-";
                var floorRatio = double.NaN;
                if (!refused)
                {
                    var floor = Sampler.Measure(() => { foreach (var p in plans) { Markdown.Parse(p.Text, MarkdownPipelineFactory.Pipeline); } }, minRuns: 5, budgetMs: 500);
                    var floorPerByte = floor.MinCpuMs * 1e6 / bytes;
                    baseFloor = scale == 1 ? floorPerByte : baseFloor;
                    floorRatio = floorPerByte / baseFloor;
                    floorText = floor.MinCpuMs.ToString("F2", Inv);
                    floorRatioText = double.IsNaN(floorRatio) || baseFloor == 0 ? "-" : floorRatio.ToString("F2", Inv);
                }

                var verdict = string.Empty;
                if (scale == Scales[^1])
                {
                    verdict = refused ? "guard: refused with one EXP000" : ratio <= Target ? "MET" : "NOT MET";
                    verdicts.Add(string.Format(Inv, "- {0}: {1:F2}x per byte at 100x (Markdig alone {2}): {3}.", c.Name, ratio, floorRatioText, verdict));
                }

                Console.WriteLine(string.Format(Inv, "| {0} | {1}x | {2:F0} | {3} | {4:F2} | {5:F1} | {6:F2} | {7} | {8} | {9:0.#}/{10:0.#}/{11:0.#} | {12} |",
                    c.Name, scale, bytes / 1024, plans.Count, ours.MinCpuMs, perByte, ratio, floorText, floorRatioText, ours.Gen0, ours.Gen1, ours.Gen2, verdict));
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Format(Inv,
            "Measured: {0}, minimum of 5+ samples after a warm-up, each from a settled heap (a full blocking collection before it, not timed, as in a fresh process); GCs are medians per pass. Verdicts (target <= {1:F1}x per byte at 100x):", Sampler.ClockName, Target));
        Console.WriteLine();
        foreach (var verdict in verdicts)
        {
            Console.WriteLine(verdict);
        }
    }

    public static void Why(string only)
    {
        var validator = new PlanValidator(new ValidationSettings { MaxFileSizeBytes = 256L * 1024 * 1024 });
        WarmUp(validator);
        foreach (var c in LinearCases.Matching(only))
        {
            Console.WriteLine("## " + c.Name);
            Console.WriteLine();
            Console.WriteLine("| scale | stage | ms (min) | ns per byte | vs 1x | alloc B per byte | gen0/1/2 per pass | GC pause ms | live heap MB |");
            Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
            var basis = new Dictionary<string, double>();
            foreach (var scale in Scales)
            {
                var plans = c.Make(scale);
                var bytes = plans.Sum(p => (double)p.Utf8Bytes);
                var live = LiveHeapMb(plans, p => PlanParser.Parse(p.Text, p.Name));
                var liveMarkdig = LiveHeapMb(plans, p => Markdown.Parse(p.Text, MarkdownPipelineFactory.Pipeline));
                var docs = new List<PlanDocument>();
                Stage("Markdig parse (floor)", Sampler.Measure(() => { foreach (var p in plans) { Markdown.Parse(p.Text, MarkdownPipelineFactory.Pipeline); } }, budgetMs: 800), liveMarkdig.ToString("F1", Inv));
                Stage("PlanParser.Parse (Markdig + model)", Sampler.Measure(() => { foreach (var p in plans) { PlanParser.Parse(p.Text, p.Name); } }, budgetMs: 800), live.ToString("F1", Inv));
                Stage("rules + validator on a parsed plan", Sampler.Measure(
                    () => { foreach (var d in docs) { ValidationBenchmarks.MessageLength(validator.Validate(d)); } },
                    budgetMs: 800,
                    beforeEach: () => { docs.Clear(); docs.AddRange(plans.Select(p => PlanParser.Parse(p.Text, p.Name))); }), string.Empty);
                Stage("validator only (suppressions, severities, sort, message text)", FinishCost(validator, plans), string.Empty);
                Stage("Validate(text), all of it", Sampler.Measure(() => { foreach (var p in plans) { ValidationBenchmarks.MessageLength(validator.Validate(p.Text, p.Name)); } }, budgetMs: 800), string.Empty);

                void Stage(string name, Cost cost, string heap)
                {
                    var perByte = cost.MinCpuMs * 1e6 / bytes;
                    if (scale == 1)
                    {
                        basis[name] = perByte;
                    }

                    Console.WriteLine(string.Format(Inv, "| {0}x | {1} | {2:F3} | {3:F1} | {4:F2} | {5:F1} | {6:0.#}/{7:0.#}/{8:0.#} | {9:F2} | {10} |",
                        scale, name, cost.MinCpuMs, perByte, perByte / basis[name], cost.AllocBytes / bytes, cost.Gen0, cost.Gen1, cost.Gen2, cost.PauseMs, heap));
                }
            }

            Console.WriteLine();
            PerRule(c);
            Console.WriteLine();
        }
    }

    /// <summary>The validator's own share: what it does with the rules' findings of freshly
    /// parsed plans (suppression, severity, message text, fixes, sort), timed alone.</summary>
    private static Cost FinishCost(PlanValidator validator, IReadOnlyList<PlanText> plans)
    {
        var raw = plans.Select(p =>
        {
            var doc = PlanParser.Parse(p.Text, p.Name);
            return (Doc: doc, Findings: validator.CollectFindings(doc, PlanValidator.Rules));
        }).ToList();
        var copies = new List<FindingBuffer>();
        return Sampler.Measure(
            () =>
            {
                for (var i = 0; i < raw.Count; i++)
                {
                    ValidationBenchmarks.MessageLength(validator.Report(raw[i].Doc, copies[i], 0));
                }
            },
            budgetMs: 800,
            beforeEach: () => { copies.Clear(); copies.AddRange(raw.Select(r => Copy(r.Findings))); });
    }

    /// <summary>Validates ordinary plans for 3 s first, so the first case's 1x row (the basis of
    /// its ratios) is not measured while tiered JIT is still compiling the common paths.</summary>
    private static void WarmUp(PlanValidator validator)
    {
        var plans = PlanCorpus.Set("Typical10K");
        var watch = Stopwatch.StartNew();
        while (watch.ElapsedMilliseconds < 3000)
        {
            foreach (var p in plans)
            {
                ValidationBenchmarks.MessageLength(validator.Validate(p.Text, p.Name));
                Markdown.Parse(p.Text, MarkdownPipelineFactory.Pipeline);
            }
        }
    }

    /// <summary>A fresh copy of a pass's raw findings (the report consumes the buffer it gets).</summary>
    private static FindingBuffer Copy(FindingBuffer findings)
    {
        var copy = new FindingBuffer();
        foreach (var finding in findings)
        {
            copy.Add(finding);
        }

        return copy;
    }

    /// <summary>What the parse results of <paramref name="plans"/> keep alive (MB).</summary>
    private static double LiveHeapMb(IReadOnlyList<PlanText> plans, Func<PlanText, object> parse)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var docs = plans.Select(parse).ToList();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(docs);
        return (after - before) / 1e6;
    }

    private static void PerRule(LinearCase c)
    {
        var rules = PlanValidator.Rules;
        var perByte = new double[2][];
        for (var s = 0; s < 2; s++)
        {
            var plans = c.Make(s == 0 ? 1 : 100);
            var bytes = plans.Sum(p => (double)p.Utf8Bytes);
            var passes = s == 0 ? 20 : 3;
            var (ticks, _) = RuleBreakdown.Measure(plans, warmup: s == 0 ? 10 : 1, passes, settled: true);
            perByte[s] = ticks.Select(t => t * 1e9 / Stopwatch.Frequency / passes / bytes).ToArray();
        }

        Console.WriteLine("| rule | ns per byte 1x | ns per byte 100x | 100x / 1x |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var r in Enumerable.Range(0, rules.Count).OrderByDescending(i => perByte[1][i]).Take(10))
        {
            Console.WriteLine(string.Format(Inv, "| {0} | {1:F2} | {2:F2} | {3:F2} |", rules[r].Descriptor.Id, perByte[0][r], perByte[1][r], perByte[1][r] / perByte[0][r]));
        }

        Console.WriteLine(string.Format(Inv, "| all rules (wall-clock sums, settled heap) | {0:F2} | {1:F2} | {2:F2} |", perByte[0].Sum(), perByte[1].Sum(), perByte[1].Sum() / perByte[0].Sum()));
    }
}
