namespace ExecPlan.Benchmarks;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;

/// <summary>What one timed action cost: minimum and median over the samples, and per sample the
/// allocations, collections per generation and GC pause (medians).</summary>
public readonly record struct Cost(double MinCpuMs, double MedianCpuMs, double MinWallMs, double MedianWallMs, long AllocBytes, double Gen0, double Gen1, double Gen2, double PauseMs, int Samples);

/// <summary>
/// Samples an action from a settled heap, as a fresh process validating one plan sees it: before
/// each sample a full blocking, compacting collection (not timed), so garbage of earlier samples
/// is neither promoted nor collected inside the sample. A pass shorter than 10 ms is repeated
/// within its sample (the sample's cost divided by the repeats). Time is this thread's CPU time
/// (<c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c> on Linux, wall time elsewhere): on a machine shared
/// with other work it leaves out the time the thread waited for a core; the GC is workstation and
/// non-concurrent (the project file), so every collection runs on this thread and is counted.
/// </summary>
public static class Sampler
{
    private const int ClockThreadCpuTime = 3;

    /// <summary>The shortest sample: shorter passes are repeated within one.</summary>
    private const double MinSampleMs = 10;

    /// <summary>The least warm-up before the first sample.</summary>
    private const int WarmupMs = 1500;

    private static readonly bool HasThreadClock = OperatingSystem.IsLinux() && TryThreadCpu(out _);

    /// <summary>Warm-up (JIT tiers settle), then at least <paramref name="minRuns"/> samples, more
    /// while <paramref name="budgetMs"/> of wall time lasts (at most 200).</summary>
    public static Cost Measure(Action action, int minRuns = 5, int budgetMs = 2000, Action? beforeEach = null)
    {
        var warm = Stopwatch.StartNew();
        var fastest = double.MaxValue;
        // Long enough for tiered JIT to move the hot methods to tier 1 (its background compiles
        // start after 100 ms without new tier-0 methods, later on a busy machine).
        for (var i = 0; i < 3 || (warm.ElapsedMilliseconds < WarmupMs && i < 5000); i++)
        {
            beforeEach?.Invoke();
            var pass = CpuMs();
            action();
            fastest = Math.Min(fastest, CpuMs() - pass);
        }

        // A pass far shorter than a collection (a 5 KB plan) is repeated within its sample, so the
        // sample is not dominated by the cold caches the collection before it leaves.
        var repeat = (int)Math.Clamp(Math.Ceiling(MinSampleMs / Math.Max(fastest, 0.001)), 1, 1000);

        var cpu = new List<double>();
        var wall = new List<double>();
        var alloc = new List<long>();
        var g0 = new List<double>();
        var g1 = new List<double>();
        var g2 = new List<double>();
        var pause = new List<double>();
        var total = Stopwatch.StartNew();
        while (cpu.Count < minRuns || (total.ElapsedMilliseconds < budgetMs && cpu.Count < 200))
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var c0 = GC.CollectionCount(0);
            var c1 = GC.CollectionCount(1);
            var c2 = GC.CollectionCount(2);
            var p = GC.GetTotalPauseDuration();
            var a = GC.GetAllocatedBytesForCurrentThread();
            double elapsedCpu = 0;
            long elapsedWall = 0;
            for (var k = 0; k < repeat; k++)
            {
                // Preparation (a fresh parse for the rules) is neither timed nor counted.
                if (beforeEach is not null)
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    beforeEach();
                    a += GC.GetAllocatedBytesForCurrentThread() - before;
                    if (k == 0)
                    {
                        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                        c0 = GC.CollectionCount(0);
                        c1 = GC.CollectionCount(1);
                        c2 = GC.CollectionCount(2);
                        p = GC.GetTotalPauseDuration();
                    }
                }

                var t = CpuMs();
                var w = Stopwatch.GetTimestamp();
                action();
                elapsedWall += Stopwatch.GetTimestamp() - w;
                elapsedCpu += CpuMs() - t;
            }

            wall.Add(elapsedWall * 1000.0 / Stopwatch.Frequency / repeat);
            cpu.Add(elapsedCpu / repeat);
            alloc.Add((GC.GetAllocatedBytesForCurrentThread() - a) / repeat);
            g0.Add((GC.CollectionCount(0) - c0) / (double)repeat);
            g1.Add((GC.CollectionCount(1) - c1) / (double)repeat);
            g2.Add((GC.CollectionCount(2) - c2) / (double)repeat);
            pause.Add((GC.GetTotalPauseDuration() - p).TotalMilliseconds);
        }

        return new Cost(Min(cpu), Median(cpu), Min(wall), Median(wall), Median(alloc), Median(g0), Median(g1), Median(g2), Median(pause), cpu.Count);
    }

    /// <summary>This thread's CPU time in ms (wall time where there is no thread clock).</summary>
    public static double CpuMs() =>
        HasThreadClock && TryThreadCpu(out var ms) ? ms : Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency;

    /// <summary>How the samples are timed, for the report.</summary>
    public static string ClockName => HasThreadClock ? "thread CPU time" : "wall time";

    private static bool TryThreadCpu(out double ms)
    {
        ms = 0;
        try
        {
            if (NativeMethods.ClockGetTime(ClockThreadCpuTime, out var spec) != 0)
            {
                return false;
            }

            ms = (spec.Seconds * 1000.0) + (spec.Nanoseconds / 1e6);
            return true;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static double Min(List<double> values)
    {
        var min = double.MaxValue;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
        }

        return min;
    }

    private static double Median(List<double> values)
    {
        var sorted = new List<double>(values);
        sorted.Sort();
        return sorted[sorted.Count / 2];
    }

    private static long Median(List<long> values)
    {
        var sorted = new List<long>(values);
        sorted.Sort();
        return sorted[sorted.Count / 2];
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "clock_gettime")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int ClockGetTime(int clock, out TimeSpec spec);
    }
}
