namespace ExecPlan.AnalyzerBench;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.IO;
using System.Linq;

/// <summary>
/// With <c>--jit</c>: records the runtime's JIT events while the first analysis runs and prints,
/// to stderr, how many methods were compiled and how long the JIT took, by namespace (which
/// assembly's code the first call pays for). The listener itself costs time, so the timings of a
/// <c>--jit</c> run are not the bench's figures.
/// </summary>
internal sealed class JitRecorder : EventListener
{
    private const int MethodLoadVerbose = 143;
    private const int MethodJittingStarted = 145;
    private const long JitKeyword = 0x10;

    private readonly ConcurrentDictionary<long, DateTime> _started = new();
    private readonly ConcurrentQueue<(string Name, double Ms, string Tier, DateTime At)> _compiled = new();

    /// <summary>Prints the methods whose compilation started between <paramref name="from"/> and <paramref name="to"/>
    /// (the runtime delivers the events late, on its own thread: the window is by their time stamps).</summary>
    public void Print(TextWriter output, DateTime from, DateTime to, int top)
    {
        System.Threading.Thread.Sleep(1500);
        var methods = _compiled.Where(m => m.At >= from && m.At <= to).ToArray();
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "jit: {0} methods, {1:F1} ms of JIT", methods.Length, methods.Sum(m => m.Ms)));
        foreach (var group in methods.GroupBy(m => Area(m.Name)).OrderByDescending(g => g.Sum(m => m.Ms)))
        {
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-60} {1,5} methods {2,7:F1} ms", group.Key, group.Count(), group.Sum(m => m.Ms)));
        }

        if (Environment.GetCommandLineArgs().Contains("--jit-all"))
        {
            foreach (var method in methods)
            {
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  method {0,7:F2} ms {1} {2}", method.Ms, method.Tier, method.Name));
            }
        }

        output.WriteLine("slowest:");
        foreach (var method in methods.OrderByDescending(m => m.Ms).Take(top))
        {
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,7:F2} ms {1} {2}", method.Ms, method.Tier, method.Name));
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var id = Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("MethodID")], CultureInfo.InvariantCulture);
        if (eventData.EventId == MethodJittingStarted)
        {
            _started[id] = eventData.TimeStamp;
        }
        else if (eventData.EventId == MethodLoadVerbose && _started.TryRemove(id, out var start))
        {
            var ns = eventData.Payload[eventData.PayloadNames.IndexOf("MethodNamespace")] as string ?? string.Empty;
            var name = eventData.Payload[eventData.PayloadNames.IndexOf("MethodName")] as string ?? string.Empty;
            var tierIndex = eventData.PayloadNames.IndexOf("OptimizationTier");
            var tier = tierIndex >= 0 ? Convert.ToString(eventData.Payload[tierIndex], CultureInfo.InvariantCulture) ?? string.Empty : string.Empty;
            _compiled.Enqueue((ns + "." + name, (eventData.TimeStamp - start).TotalMilliseconds, tier, start));
        }
    }

    /// <summary>The first two parts of a type's namespace (Markdig.Parsers, ExecPlan.Validation, ...).</summary>
    private static string Area(string name)
    {
        var parts = name.Split('.');
        return parts.Length >= 4 ? parts[0] + "." + parts[1] + "." + parts[2] : string.Join(".", parts.Take(2));
    }
}
