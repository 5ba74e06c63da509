namespace ExecPlan.Validation.Settings;

using System;
using System.Collections.Generic;
using System.Text;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Rules;

/// <summary>
/// The severity presets users opt into with <c>ExecPlanAnalysisMode</c>: each is a global
/// analyzer config derived from the catalogue's defaults, shipped in the package as
/// <c>build/config/ExecPlan.{mode}.globalconfig</c> (a test keeps the files equal to
/// <see cref="GlobalConfig"/>). Its <c>global_level</c> is below a user's own .globalconfig, and
/// any .editorconfig entry wins over it, so a preset is a starting point users still tune.
/// </summary>
public static class SeverityPresets
{
    /// <summary>The modes that ship a preset (<c>default</c> is the catalogue itself).</summary>
    public static IReadOnlyList<string> Modes { get; } = ["strict", "minimal"];

    /// <summary>The severity a rule gets under a preset.</summary>
    public static RuleSeverity SeverityIn(string mode, RuleDescriptor rule)
    {
        if (rule is null)
        {
            throw new ArgumentNullException(nameof(rule));
        }

        return mode switch
        {
            // Every finding fails the build: for CI gates on plans the team already keeps clean.
            "strict" => RuleSeverity.Error,
            // Only what breaks a plan's envelope fails; the rest stays visible in the IDE.
            "minimal" => rule.DefaultSeverity switch
            {
                RuleSeverity.Error => RuleSeverity.Error,
                RuleSeverity.Warning => RuleSeverity.Suggestion,
                _ => RuleSeverity.None,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "known modes: strict, minimal"),
        };
    }

    /// <summary>The text of the preset's global analyzer config.</summary>
    public static string GlobalConfig(string mode)
    {
        var text = new StringBuilder();
        text.Append("# ExecPlan.Build severity preset '").Append(mode).Append("' (ExecPlanAnalysisMode=").Append(mode).Append(").\n");
        text.Append("# Generated from the rule catalogue; do not edit. Any .editorconfig entry and a .globalconfig of\n");
        text.Append("# your own win over it.\n");
        text.Append("is_global = true\n");
        text.Append("global_level = -100\n\n");
        foreach (var rule in RuleCatalog.All)
        {
            text.Append("# ").Append(rule.Title).Append(" (default: ").Append(rule.DefaultSeverity.ToText()).Append(")\n");
            text.Append("dotnet_diagnostic.").Append(rule.Id).Append(".severity = ").Append(SeverityIn(mode, rule).ToText()).Append('\n');
        }

        return text.ToString();
    }
}
