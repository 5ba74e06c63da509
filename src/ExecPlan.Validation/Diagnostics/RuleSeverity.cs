using System;

namespace ExecPlan.Validation.Diagnostics;

/// <summary>How loudly a finding is reported. The names and order follow .editorconfig's
/// <c>dotnet_diagnostic.ID.severity</c> values so front ends can map them one to one.</summary>
public enum RuleSeverity
{
    /// <summary>The rule is off: nothing is reported.</summary>
    None = 0,

    /// <summary>Reported to tools (IDE "hidden"), never printed in a build.</summary>
    Silent = 1,

    /// <summary>A message or IDE suggestion; never fails anything.</summary>
    Suggestion = 2,

    /// <summary>A build warning.</summary>
    Warning = 3,

    /// <summary>A build error: fails the build and the CLI.</summary>
    Error = 4,
}

/// <summary>Parsing and printing of severities in the spelling users write in configuration.</summary>
public static class RuleSeverityText
{
    /// <summary>Parses a severity word given on a command line or in MSBuild metadata (none, silent,
    /// suggestion, warning, error; also <c>hidden</c> and <c>info</c>, the names the IDE shows).
    /// .editorconfig values are parsed by the configuration resolver with Roslyn's exact rules.</summary>
    public static bool TryParse(string? text, out RuleSeverity severity)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "NONE":
                severity = RuleSeverity.None;
                return true;
            case "SILENT":
            case "HIDDEN":
                severity = RuleSeverity.Silent;
                return true;
            case "SUGGESTION":
            case "INFO":
                severity = RuleSeverity.Suggestion;
                return true;
            case "WARNING":
                severity = RuleSeverity.Warning;
                return true;
            case "ERROR":
                severity = RuleSeverity.Error;
                return true;
            default:
                severity = RuleSeverity.None;
                return false;
        }
    }

    /// <summary>The lower-case word used in output and configuration.</summary>
    public static string ToText(this RuleSeverity severity) => severity switch
    {
        RuleSeverity.None => "none",
        RuleSeverity.Silent => "silent",
        RuleSeverity.Suggestion => "suggestion",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };
}
