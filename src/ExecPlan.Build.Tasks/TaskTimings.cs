namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Where the task's time goes, for profiling a build: with <c>EXECPLAN_TASK_TIMINGS=1</c> in the
/// environment the task logs one high-importance line of elapsed milliseconds per phase (phases
/// timed many times, like the per-plan steps, are summed). Otherwise every call is a no-op.
/// </summary>
internal sealed class TaskTimings
{
    private readonly Stopwatch? _clock;
    private readonly List<KeyValuePair<string, long>> _phases = new();
    private long _last;

    private TaskTimings(bool enabled)
    {
        _clock = enabled ? Stopwatch.StartNew() : null;
    }

    public static TaskTimings FromEnvironment() =>
        new(Environment.GetEnvironmentVariable("EXECPLAN_TASK_TIMINGS") == "1");

    /// <summary>Ends the phase running since the last mark and adds it to <paramref name="phase"/>.</summary>
    public void Mark(string phase)
    {
        if (_clock is null)
        {
            return;
        }

        var now = _clock.ElapsedTicks;
        for (var i = 0; i < _phases.Count; i++)
        {
            if (_phases[i].Key == phase)
            {
                _phases[i] = new KeyValuePair<string, long>(phase, _phases[i].Value + now - _last);
                _last = now;
                return;
            }
        }

        _phases.Add(new KeyValuePair<string, long>(phase, now - _last));
        _last = now;
    }

    public void Report(TaskLoggingHelper log)
    {
        if (_clock is null)
        {
            return;
        }

        var text = new StringBuilder("ExecPlan timings (ms):");
        foreach (var phase in _phases)
        {
            text.Append(' ').Append(phase.Key).Append('=')
                .Append((phase.Value * 1000.0 / Stopwatch.Frequency).ToString("0.0", CultureInfo.InvariantCulture));
        }

        log.LogMessage(MessageImportance.High, text.ToString());
    }
}
