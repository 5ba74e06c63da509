namespace ExecPlan.Validation;

using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

/// <summary>
/// Decides whether a Markdown file that nobody marked declares itself an ExecPlan: within its
/// first 2,000 characters it says "ExecPlan" or carries the living-document notice. Well-known
/// repository documents (README.md, CHANGELOG.md, PLANS.md, ...) never count. Shared by the
/// MSBuild task and the analyzer so both pick the same files.
/// </summary>
public static class PlanDiscovery
{
    /// <summary>How much of the file's start is looked at.</summary>
    public const int SniffLength = 2000;

    private static readonly Regex Declaration = new(
        @"exec\s*plan|living\s+document",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly HashSet<string> WellKnownDocuments = new(StringComparer.OrdinalIgnoreCase)
    {
        "README.md", "CHANGELOG.md", "CONTRIBUTING.md", "LICENSE.md", "CODE_OF_CONDUCT.md", "SECURITY.md",
        "SUPPORT.md", "AGENTS.md", "CLAUDE.md", "PLANS.md",
    };

    /// <summary>True for README.md and the like, which are never taken for plans by sniffing.</summary>
    public static bool IsWellKnownDocument(string path) => WellKnownDocuments.Contains(Path.GetFileName(path));

    /// <summary>True when the text's start declares it an ExecPlan.</summary>
    public static bool DeclaresItself(string text)
    {
        var head = text.Length > SniffLength ? text.Substring(0, SniffLength) : text;
        return Declaration.IsMatch(head);
    }

    /// <summary>The sniff for a file nobody marked: a Markdown file, not a well-known document,
    /// whose start declares it an ExecPlan.</summary>
    public static bool IsUnmarkedPlan(string path, string text) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !IsWellKnownDocument(path) && DeclaresItself(text);
}
