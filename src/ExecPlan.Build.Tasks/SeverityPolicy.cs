namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Diagnostics;

/// <summary>
/// The project-level part of the severity pipeline, applied after the library (profile defaults
/// plus .editorconfig/.globalconfig) has decided a severity: <c>NoWarn</c> drops a diagnostic,
/// <c>WarningsAsErrors</c> and <c>TreatWarningsAsErrors</c> (minus <c>WarningsNotAsErrors</c>)
/// promote warnings to errors. MSBuild does not map <c>TreatWarningsAsErrors</c> onto task
/// warnings, so the task does all of it itself, the way the compiler does for analyzers.
/// </summary>
internal sealed class SeverityPolicy
{
    private static readonly char[] Separators = { ';', ',', ' ', '\t', '\r', '\n' };

    private readonly HashSet<string> _noWarn;
    private readonly HashSet<string> _warningsAsErrors;
    private readonly HashSet<string> _warningsNotAsErrors;
    private readonly bool _treatWarningsAsErrors;

    public SeverityPolicy(string? noWarn, string? warningsAsErrors, string? warningsNotAsErrors, bool treatWarningsAsErrors)
    {
        _noWarn = ParseIds(noWarn);
        _warningsAsErrors = ParseIds(warningsAsErrors);
        _warningsNotAsErrors = ParseIds(warningsNotAsErrors);
        _treatWarningsAsErrors = treatWarningsAsErrors;
    }

    /// <summary>A stable text of the policy, for logs.</summary>
    public override string ToString() =>
        "NoWarn=" + string.Join(",", Sorted(_noWarn)) + ";WarningsAsErrors=" + string.Join(",", Sorted(_warningsAsErrors)) +
        ";WarningsNotAsErrors=" + string.Join(",", Sorted(_warningsNotAsErrors)) + ";TreatWarningsAsErrors=" + (_treatWarningsAsErrors ? "true" : "false");

    /// <summary>The severity to report, or <see cref="RuleSeverity.None"/> to drop the diagnostic.</summary>
    public RuleSeverity Apply(string id, RuleSeverity severity)
    {
        if (severity <= RuleSeverity.Silent || _noWarn.Contains(id))
        {
            return RuleSeverity.None;
        }

        if (severity == RuleSeverity.Warning &&
            (_warningsAsErrors.Contains(id) || (_treatWarningsAsErrors && !_warningsNotAsErrors.Contains(id))))
        {
            return RuleSeverity.Error;
        }

        return severity;
    }

    /// <summary>Splits an MSBuild ID list (<c>;</c>, <c>,</c> or spaces between IDs).</summary>
    public static HashSet<string> ParseIds(string? list)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (list is null)
        {
            return ids;
        }

        foreach (var part in list.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            ids.Add(part.Trim());
        }

        return ids;
    }

    private static List<string> Sorted(HashSet<string> set)
    {
        var list = new List<string>(set);
        list.Sort(StringComparer.OrdinalIgnoreCase);
        return list;
    }
}
