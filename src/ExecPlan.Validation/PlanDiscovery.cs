namespace ExecPlan.Validation;

using System;
using System.Text.RegularExpressions;

/// <summary>
/// Decides whether a Markdown file that nobody marked declares itself an ExecPlan: within its
/// first 2,000 characters it says "ExecPlan" / "execution plan" or carries the living-document
/// notice. Shared by the MSBuild task and the analyzer so both pick the same files.
/// </summary>
public static class PlanDiscovery
{
    /// <summary>How much of the file's start is looked at.</summary>
    public const int SniffLength = 2000;

    private static readonly Regex Declaration = new(
        @"\bexec\s*plan|\bexecution\s+plan\b|\bliving\s+document\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static bool DeclaresItself(string text)
    {
        var head = text.Length > SniffLength ? text.Substring(0, SniffLength) : text;
        return Declaration.IsMatch(head);
    }
}
