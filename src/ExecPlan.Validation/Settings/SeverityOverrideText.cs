namespace ExecPlan.Validation.Settings;

using System;
using System.Collections.Generic;
using System.Linq;
using ExecPlan.Validation.Diagnostics;

/// <summary>
/// The compact text form of per-ID severities, <c>EXP001=none,EXP021=error</c>, used to hand the
/// severities the build resolved (from .editorconfig) to the analyzer through item metadata.
/// </summary>
public static class SeverityOverrideText
{
    public static string Format(IReadOnlyDictionary<string, RuleSeverity> overrides) => string.Join(",", overrides
        .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
        .Select(p => p.Key.ToUpperInvariant() + "=" + p.Value.ToText()));

    /// <summary>Parses the text form; malformed pairs are ignored.</summary>
    public static Dictionary<string, RuleSeverity> Parse(string? text)
    {
        var result = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        foreach (var pair in text!.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0 && RuleSeverityText.TryParse(pair.Substring(equals + 1), out var severity))
            {
                result[pair.Substring(0, equals).Trim()] = severity;
            }
        }

        return result;
    }
}
