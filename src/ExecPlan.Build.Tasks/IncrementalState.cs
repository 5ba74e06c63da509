namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

/// <summary>
/// What lets the targets skip the task on a no-op build (see ExecPlan.Build.targets,
/// <c>_ExecPlanCheckUpToDate</c>). Beside the cache file:
/// <list type="bullet">
/// <item><c>.inputs</c>: the configuration files the last run consulted (the targets hash their
/// paths and write times into the fingerprint);</item>
/// <item><c>.absent</c>: the places a configuration file was looked for and not found (one that
/// appears changes the fingerprint);</item>
/// <item><c>.plans</c>: the plans validated (the task's <c>Plans</c> output when it is skipped);</item>
/// <item><c>.state</c>: the fingerprint the targets computed before a run that reported no error and
/// no warning. The targets skip the task only while it matches: a plan with an error or a warning
/// is validated (from the cache) and reported on every build.</item>
/// </list>
/// The state is removed when a run starts and written last, only when the configuration files of
/// this run are the ones the fingerprint was computed from, so a crash or a change during the run
/// leaves no state behind and the next build runs the task.
/// </summary>
internal static class IncrementalState
{
    public const string StateSuffix = ".state";
    public const string InputsSuffix = ".inputs";
    public const string AbsentSuffix = ".absent";
    public const string PlansSuffix = ".plans";

    /// <summary>Removes the state, so that this run must finish cleanly for the next build to skip.</summary>
    public static void Invalidate(string cacheFile) => TryDelete(cacheFile + StateSuffix);

    /// <summary>
    /// Records this run's inputs and, when <paramref name="clean"/> and they are the inputs the
    /// fingerprint covered, the fingerprint itself. Best effort: a write that fails leaves no state.
    /// </summary>
    public static void Save(string cacheFile, string fingerprint, bool clean, IEnumerable<string> existing, IEnumerable<string> absent, IEnumerable<string> plans)
    {
        var inputsChanged = Replace(cacheFile + InputsSuffix, Lines(existing));
        var absentChanged = Replace(cacheFile + AbsentSuffix, Lines(absent));
        Replace(cacheFile + PlansSuffix, Lines(plans));
        if (clean && !inputsChanged && !absentChanged && fingerprint.Length > 0)
        {
            File.WriteAllText(cacheFile + StateSuffix, fingerprint + "\n", new UTF8Encoding(false));
        }
    }

    private static string Lines(IEnumerable<string> paths)
    {
        var sorted = paths.Distinct(StringComparer.Ordinal).ToList();
        sorted.Sort(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var path in sorted)
        {
            text.Append(path).Append('\n');
        }

        return text.ToString();
    }

    // Writes the file when its text differs; true when it did (a missing file differs from any text).
    private static bool Replace(string path, string text)
    {
        try
        {
            if (File.Exists(path) && File.ReadAllText(path, Encoding.UTF8) == text)
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Rewritten below.
        }

        File.WriteAllText(path, text, new UTF8Encoding(false));
        return true;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The task runs only when the state differs from the fingerprint of the inputs, so a
            // state left behind matches nothing until the inputs return to exactly what it saw.
        }
    }
}
