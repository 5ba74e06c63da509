namespace ExecPlan.Benchmarks;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Running;
using ExecPlan.Validation;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Settings;
using Markdig;

/// <summary>
/// Modes:
/// <list type="bullet">
/// <item><c>(BenchmarkDotNet arguments)</c> — the BenchmarkDotNet suites, e.g. <c>--filter *</c>.</item>
/// <item><c>bdn-short [ARTIFACTS]</c> — the parse/validation pairs as a short in-process BenchmarkDotNet job (sets: EXECPLAN_BENCH_SETS).</item>
/// <item><c>write-corpus DIR</c> — writes the 1000-plan corpus to DIR (for bench/compare.sh).</item>
/// <item><c>quick</c> — a Stopwatch run of parse vs validation per set (markdown table).</item>
/// <item><c>startup</c> — one-off costs of a fresh process (rule discovery by reflection, first validation).</item>
/// <item><c>rules SET [ID]</c> — PlanParser.Parse against bare Markdig, then each rule's own cost.</item>
/// <item><c>rules-inline SET</c> — each rule's time and allocations inside one all-rules pass (RuleBreakdown.cs).</item>
/// <item><c>parse-stages [SET...]</c> — what PlanParser.Parse spends per stage, against bare Markdig (ParseStages.cs).</item>
/// <item><c>linear [CASE]</c> — 1x/10x/100x plan size and plan count, and dense worst cases, beside Markdig's own per-byte cost (LinearCost.cs).</item>
/// <item><c>loh CASE [SCALE]</c> — the types a validation allocates on the large object heap (LargeObjects.cs).</item>
/// <item><c>linear-why [CASE]</c> — per stage and per rule, what grows faster than the input (LinearCost.cs).</item>
/// <item><c>memory MB [LIMIT_MB]</c> — validates one generated plan of MB megabytes and reports allocations and peak working set.</item>
/// </list>
/// </summary>
public static class Program
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Main(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : string.Empty;
        switch (mode)
        {
            case "write-corpus":
                var plans = PlanCorpus.Thousand();
                var bytes = PlanCorpus.Write(plans, args[1]);
                Console.WriteLine(string.Format(Inv, "{0} plans, {1} bytes written to {2}", plans.Count, bytes, args[1]));
                return 0;
            case "quick":
                Quick(args.Skip(1).ToArray());
                return 0;
            case "rules":
                RuleCosts(args.Length > 1 ? args[1] : "Corpus1000", args.Length > 2 ? args[2] : string.Empty);
                return 0;
            case "rules-inline":
                RuleBreakdown.Run(args.Length > 1 ? args[1] : "Real");
                return 0;
            case "startup":
                Startup();
                return 0;
            case "linear":
                LinearCost.Run(args.Length > 1 ? args[1] : string.Empty);
                return 0;
            case "loh":
                LargeObjects.Run(args[1], args.Length > 2 ? int.Parse(args[2], Inv) : 100);
                return 0;
            case "linear-why":
                LinearCost.Why(args.Length > 1 ? args[1] : string.Empty);
                return 0;
            case "parse-stages":
                ParseStages.Run(args.Skip(1).ToArray());
                return 0;
            case "memory":
                return Memory(int.Parse(args[1], Inv), args.Length > 2 ? int.Parse(args[2], Inv) : 0);
            case "loop":
                // For a sampling profiler (dotnet-trace): validate one set over and over for N seconds.
                Loop(args.Length > 1 ? args[1] : "Typical10K", args.Length > 2 ? double.Parse(args[2], Inv) : 20);
                return 0;
            case "bdn-short":
                // bench/compare.sh: the parse/validation pairs, short job, MemoryDiagnoser; sets from EXECPLAN_BENCH_SETS.
                BenchmarkRunner.Run<ValidationBenchmarks>(ValidationBenchmarks.ShortConfig(args.Length > 1 ? args[1] : "BenchmarkDotNet.Artifacts"));
                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, ValidationBenchmarks.DefaultConfig());
                return 0;
        }
    }

    private static void Loop(string set, double seconds)
    {
        var plans = PlanCorpus.Set(set);
        var validator = new PlanValidator(new ValidationSettings { Profile = PlanProfile.Skill });
        var clock = Stopwatch.StartNew();
        var passes = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var p in plans)
            {
                ValidationBenchmarks.MessageLength(validator.Validate(p.Text, p.Name));
            }

            passes++;
        }

        Console.WriteLine(string.Format(Inv, "{0} passes over {1} in {2:F1} s; GCs gen0/1/2 {3}/{4}/{5}, GC pause {6:F0} ms", passes, set, clock.Elapsed.TotalSeconds,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds));
    }

    private static void Quick(string[] sets)
    {
        if (sets.Length == 0)
        {
            sets = ["Corpus1000", "Real", "Small2K", "Typical10K", "Large50K", "Huge5M"];
        }

        var skill = new PlanValidator(new ValidationSettings { Profile = PlanProfile.Skill });
        var classic = new PlanValidator(new ValidationSettings { Profile = PlanProfile.Classic });
        Console.WriteLine("| set | plans | MB | parse ms (min / median) | skill ms (min / median) | classic ms (min / median) | skill/parse time (min / median) | classic/parse time (min / median) | parse alloc MB | skill alloc MB | skill/parse alloc | skill MB/s (min) | parse MB/s (min) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var verdicts = new List<string>();
        foreach (var set in sets)
        {
            var plans = PlanCorpus.Set(set);
            var mb = plans.Sum(p => (double)p.Utf8Bytes) / 1e6;
            var parse = Time(() => { foreach (var p in plans) { Markdown.Parse(p.Text, MarkdownPipelineFactory.Pipeline); } });
            // Every message is read, as every front end does.
            var vs = Time(() => { foreach (var p in plans) { ValidationBenchmarks.MessageLength(skill.Validate(p.Text, p.Name)); } });
            var vc = Time(() => { foreach (var p in plans) { ValidationBenchmarks.MessageLength(classic.Validate(p.Text, p.Name)); } });
            Console.WriteLine(string.Format(Inv,
                "| {0} | {1} | {2:F2} | {3:F2} / {4:F2} | {5:F2} / {6:F2} | {7:F2} / {8:F2} | {9:F2}x / {16:F2}x | {10:F2}x / {17:F2}x | {11:F1} | {12:F1} | {13:F2}x | {14:F0} | {15:F0} |",
                set, plans.Count, mb, parse.MinMs, parse.MedianMs, vs.MinMs, vs.MedianMs, vc.MinMs, vc.MedianMs, vs.MinMs / parse.MinMs, vc.MinMs / parse.MinMs,
                parse.AllocBytes / 1e6, vs.AllocBytes / 1e6, (double)vs.AllocBytes / parse.AllocBytes, mb / (vs.MinMs / 1000), mb / (parse.MinMs / 1000),
                vs.MedianMs / parse.MedianMs, vc.MedianMs / parse.MedianMs));
            // The worse of the two profiles and of the two statistics: a minimum alone can be one
            // lucky pass, a median alone hides nothing but can be pulled by the machine's load.
            var timeRatio = Math.Max(Math.Max(vs.MinMs, vc.MinMs) / parse.MinMs, Math.Max(vs.MedianMs, vc.MedianMs) / parse.MedianMs);
            var allocRatio = (double)Math.Max(vs.AllocBytes, vc.AllocBytes) / parse.AllocBytes;
            var throughput = mb / (Math.Max(vs.MinMs, vc.MinMs) / 1000);
            verdicts.Add(string.Format(Inv,
                "- {0}: validation/parse time {1:F2}x (target <= 1.5x: {2}), allocations {3:F2}x (target <= 1.5x: {4}), throughput {5:F0} MB/s (target >= 100 MB/s: {6}).",
                set, timeRatio, timeRatio <= 1.5 ? "MET" : "NOT MET", allocRatio, allocRatio <= 1.5 ? "MET" : "NOT MET",
                throughput, throughput >= 100 ? "MET" : "NOT MET"));
        }

        Console.WriteLine();
        Console.WriteLine("Verdicts (the worse of the two profiles, and of the minimum and median ratios):");
        Console.WriteLine();
        foreach (var verdict in verdicts)
        {
            Console.WriteLine(verdict);
        }
    }

    /// <summary>What a fresh process pays once: the first access to the written-out PlanValidator.Rules
    /// (cold, type loading included), the reflection scan it replaced (warm), and the first validation (JIT).</summary>
    private static void Startup()
    {
        var watch = Stopwatch.StartNew();
        var count = PlanValidator.Rules.Count;
        var cold = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var again = RuleDiscovery.ByReflection().Count;
        var warm = watch.Elapsed.TotalMilliseconds;
        var plan = PlanCorpus.Real[0];
        watch.Restart();
        new PlanValidator().Validate(plan.Text, plan.Name);
        var first = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        new PlanValidator().Validate(plan.Text, plan.Name);
        var second = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Format(Inv,
            "static rule list: {0} rules, first access (cold) {1:F1} ms; the reflection scan it replaced {2:F2} ms warm ({3} rules); first validation of a {4:F0} KB plan {5:F1} ms, second {6:F2} ms",
            count, cold, warm, again, plan.Utf8Bytes / 1024.0, first, second));
    }

    /// <summary>Where validation time goes: PlanParser.Parse against bare Markdig, then each rule.</summary>
    private static void RuleCosts(string set, string onlyRule)
    {
        var plans = PlanCorpus.Set(set);
        var settings = new ValidationSettings();
        var parse = Time(() => { foreach (var p in plans) { Markdown.Parse(p.Text, MarkdownPipelineFactory.Pipeline); } });
        var planParse = Time(() => { foreach (var p in plans) { PlanParser.Parse(p.Text, p.Name); } });
        var docs = plans.Select(p => PlanParser.Parse(p.Text, p.Name)).ToList();
        var full = Time(() => { var v = new PlanValidator(settings); foreach (var d in docs) { v.Validate(d); } });
        Console.WriteLine(string.Format(Inv, "| step | median ms | alloc MB |\n| --- | ---: | ---: |\n| Markdig parse | {0:F2} | {1:F1} |\n| PlanParser.Parse | {2:F2} | {3:F1} |\n| all rules | {4:F2} | {5:F1} |",
            parse.MedianMs, parse.AllocBytes / 1e6, planParse.MedianMs, planParse.AllocBytes / 1e6, full.MedianMs, full.AllocBytes / 1e6));
        // The validator's fixed cost of one pass with every rule off: subtract it from each rule's row.
        var none = OnlyRule(string.Empty);
        var fixedCost = Time(() =>
        {
            foreach (var d in docs)
            {
                new PlanValidator(new ValidationSettings { SeverityOverrides = none }).Validate(d);
            }
        }, minRuns: 3, budgetMs: 400);
        Console.WriteLine(string.Format(Inv, "| (no rule: the validator's fixed cost) | {0:F2} | {1:F3} |", fixedCost.MedianMs, fixedCost.AllocBytes / 1e6));
        foreach (var rule in PlanValidator.Rules)
        {
            if (onlyRule.Length > 0 && rule.Descriptor.Id != onlyRule)
            {
                continue;
            }

            var t = Time(() =>
            {
                foreach (var d in docs)
                {
                    var v = new PlanValidator(new ValidationSettings { SeverityOverrides = OnlyRule(rule.Descriptor.Id) });
                    v.Validate(d);
                }
            }, minRuns: 3, budgetMs: 400);
            Console.WriteLine(string.Format(Inv, "| {0} | {1:F2} | {2:F3} |", rule.Descriptor.Id, t.MedianMs, t.AllocBytes / 1e6));
        }

        // Again at the end, JIT long settled: the first row is measured right after start-up.
        var again = Time(() => { var v = new PlanValidator(settings); foreach (var d in docs) { v.Validate(d); } });
        Console.WriteLine(string.Format(Inv, "| all rules (again, at the end) | {0:F2} | {1:F1} |", again.MedianMs, again.AllocBytes / 1e6));
    }

    private static Dictionary<string, ExecPlan.Validation.Diagnostics.RuleSeverity> OnlyRule(string id)
    {
        var map = new Dictionary<string, ExecPlan.Validation.Diagnostics.RuleSeverity>(StringComparer.Ordinal);
        foreach (var r in PlanValidator.Rules)
        {
            map[r.Descriptor.Id] = r.Descriptor.Id == id ? ExecPlan.Validation.Diagnostics.RuleSeverity.Warning : ExecPlan.Validation.Diagnostics.RuleSeverity.None;
        }

        return map;
    }

    private static int Memory(int megabytes, int limitMegabytes)
    {
        var text = PlanGenerator.Generate(megabytes * 1024 * 1024, 11);
        var bytes = new UTF8Encoding(false).GetBytes(text);
        text = string.Empty;
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var settings = limitMegabytes > 0 ? new ValidationSettings { MaxFileSizeBytes = limitMegabytes * 1024L * 1024 } : new ValidationSettings();
        var validator = new PlanValidator(settings);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = validator.ValidateBytes(bytes, "big.md");
        watch.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        var exp000 = result.FirstOrDefault(d => d.Id == "EXP000");
        Console.WriteLine(string.Format(Inv,
            "input {0:F1} MB (limit {1}): {2} diagnostics in {3:F0} ms; allocated {4:F0} MB ({5:F1}x input); working set before {6:F0} MB, peak {7:F0} MB (peak - before = {8:F1}x input); EXP000: {9}",
            bytes.Length / 1e6, limitMegabytes > 0 ? limitMegabytes + " MiB" : "default 16 MiB", result.Count, watch.Elapsed.TotalMilliseconds,
            allocated / 1e6, (double)allocated / bytes.Length, baseline / 1e6, peak / 1e6, (double)(peak - baseline) / bytes.Length,
            exp000 is null ? "none" : exp000.Message));
        return 0;
    }

    private readonly record struct Timing(double MedianMs, double MinMs, long AllocBytes, double CpuMedianMs);

    /// <summary>Median and minimum wall time of an action after a warm-up long enough for tiered
    /// JIT to settle, its allocations (one run, this thread) and its median process CPU time
    /// (steadier than wall time on a machine shared with other work).</summary>
    private static Timing Time(Action action, int minRuns = 5, int budgetMs = 3000)
    {
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 3 || (warm.ElapsedMilliseconds < 1000 && i < 60); i++)
        {
            action();
        }

        var alloc = GC.GetAllocatedBytesForCurrentThread();
        action();
        alloc = GC.GetAllocatedBytesForCurrentThread() - alloc;
        var samples = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        var total = Stopwatch.StartNew();
        while (samples.Count < minRuns || (total.ElapsedMilliseconds < budgetMs && samples.Count < 200))
        {
            // Each sample starts from a settled heap (not timed), as BenchmarkDotNet's iterations
            // do: otherwise a pass pays for the previous pass's garbage or not, by luck, and the
            // minimum measures that luck (on Corpus1000 the parse's median was 2.5x its minimum).
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        samples.Sort();
        cpu.Sort();
        return new Timing(samples[samples.Count / 2], samples[0], alloc, cpu[cpu.Count / 2]);
    }
}
