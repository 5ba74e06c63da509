namespace ExecPlan.Benchmarks;

using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Linq;
using ExecPlan.Validation;
using ExecPlan.Validation.Settings;

/// <summary>
/// <c>loh CASE SCALE</c>: which types a validation allocates on the large object heap (arrays over
/// 85,000 bytes), from the runtime's allocation-tick events (one per ~100 KB allocated, with the
/// type of the allocation that crossed it), summed per type over 5 validations. Large objects
/// count against the LOH budget; when it runs out the GC collects gen2, with everything live.
/// </summary>
public static class LargeObjects
{
    public static void Run(string only, int scale)
    {
        var plans = LinearCases.Matching(only).First().Make(scale);
        var validator = new PlanValidator(new ValidationSettings { MaxFileSizeBytes = 256L * 1024 * 1024 });
        foreach (var p in plans)
        {
            validator.Validate(p.Text, p.Name);
        }

        using var listener = new TickListener();
        var g2 = GC.CollectionCount(2);
        for (var i = 0; i < 5; i++)
        {
            foreach (var p in plans)
            {
                ValidationBenchmarks.MessageLength(validator.Validate(p.Text, p.Name));
            }
        }

        g2 = GC.CollectionCount(2) - g2;
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "gen2 collections in 5 validations: {0}", g2));
        Console.WriteLine("| heap | type | MB sampled per validation | ticks |");
        Console.WriteLine("| --- | --- | ---: | ---: |");
        foreach (var (key, value) in listener.Totals.OrderByDescending(kv => kv.Value.Bytes).Take(25))
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2:F2} | {3} |", key.Large ? "LOH" : "SOH", key.Type, value.Bytes / 5 / 1e6, value.Count));
        }
    }

    private sealed class TickListener : EventListener
    {
        public Dictionary<(bool Large, string Type), (long Bytes, int Count)> Totals { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is null)
            {
                return;
            }

            var kind = Convert.ToInt32(eventData.Payload![eventData.PayloadNames.IndexOf("AllocationKind")], CultureInfo.InvariantCulture);
            var type = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
            var amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
            var amount = Convert.ToInt64(eventData.Payload[amountIndex >= 0 ? amountIndex : eventData.PayloadNames.IndexOf("AllocationAmount")], CultureInfo.InvariantCulture);
            lock (Totals)
            {
                var key = (kind == 1, type);
                Totals.TryGetValue(key, out var total);
                Totals[key] = (total.Bytes + amount, total.Count + 1);
            }
        }
    }
}
