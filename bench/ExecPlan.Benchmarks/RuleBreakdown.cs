namespace ExecPlan.Benchmarks;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ExecPlan.Validation;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Rules;
using ExecPlan.Validation.Settings;

/// <summary>
/// <c>rules-inline SET</c>: every rule's share of one all-rules pass, measured inside the pass
/// (Stopwatch ticks and <see cref="GC.GetAllocatedBytesForCurrentThread"/> around each
/// <c>Analyze</c> call, summed over the plans and over 20 passes after a warm-up), so rules
/// that share lazily built model state are charged as in a real validation. Wall-clock sums: on a loaded machine
/// preemption is charged to whichever rule runs, so read shares, not absolute numbers, there.
/// </summary>
public static class RuleBreakdown
{
    public static void Run(string set)
    {
        var inv = CultureInfo.InvariantCulture;
        var plans = PlanCorpus.Set(set);
        var rules = PlanValidator.Rules;
        const int Passes = 20;
        var (ticks, bytes) = Measure(plans, warmup: 10, Passes);
        var totalMs = ticks.Sum() * 1000.0 / Stopwatch.Frequency / Passes;
        Console.WriteLine(string.Format(inv, "| rule | ms per pass over {0} | share | KB allocated per pass |", set));
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var r in Enumerable.Range(0, rules.Count).OrderByDescending(i => ticks[i]))
        {
            var ms = ticks[r] * 1000.0 / Stopwatch.Frequency / Passes;
            Console.WriteLine(string.Format(inv, "| {0} | {1:F3} | {2:P0} | {3:F1} |", rules[r].Descriptor.Id, ms, ms / totalMs, bytes[r] / 1024.0 / Passes));
        }

        Console.WriteLine(string.Format(inv, "| all rules | {0:F3} | 100 % | {1:F1} |", totalMs, bytes.Sum() / 1024.0 / Passes));
    }

    /// <summary>Each rule's summed Stopwatch ticks and allocated bytes over <paramref name="passes"/>
    /// all-rules passes (after <paramref name="warmup"/> more), on plans parsed afresh each pass.</summary>
    /// <remarks>With <paramref name="settled"/>, a full collection after each parse: the rules' own
    /// cost, without the promotion of the fresh plan model that a collection inside them would charge
    /// to whichever rule runs then.</remarks>
    public static (long[] Ticks, long[] Bytes) Measure(IReadOnlyList<PlanText> plans, int warmup, int passes, bool settled = false)
    {
        var settings = new ValidationSettings();
        var rules = PlanValidator.Rules;
        var ticks = new long[rules.Count];
        var bytes = new long[rules.Count];
        for (var pass = 0; pass < warmup + passes; pass++)
        {
            // Fresh documents each pass (lazy model state is built by whichever rule asks first).
            var docs = plans.Select(p => PlanParser.Parse(p.Text, p.Name)).ToList();
            if (settled)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            }

            foreach (var doc in docs)
            {
                var findings = new FindingBuffer();
                for (var r = 0; r < rules.Count; r++)
                {
                    var rule = rules[r];
                    if (rule.NeedsRepository && settings.Repository is null)
                    {
                        continue;
                    }

                    var context = new RuleContext(settings, rule.Descriptor, findings);
                    var a = GC.GetAllocatedBytesForCurrentThread();
                    var t = Stopwatch.GetTimestamp();
                    rule.Analyze(doc, context);
                    t = Stopwatch.GetTimestamp() - t;
                    a = GC.GetAllocatedBytesForCurrentThread() - a;
                    if (pass >= warmup)
                    {
                        ticks[r] += t;
                        bytes[r] += a;
                    }
                }
            }
        }

        return (ticks, bytes);
    }
}
