namespace ExecPlan.Validation;

using System;
using System.Collections.Generic;
using System.IO;

/// <summary>Whether a file is a plan, and why: what <c>execplan check --list</c> prints.</summary>
public sealed class PlanVerdict
{
    public PlanVerdict(bool isPlan, string reason)
    {
        IsPlan = isPlan;
        Reason = reason;
    }

    public bool IsPlan { get; }

    public string Reason { get; }
}

/// <summary>
/// Decides which Markdown files are plans, one rule for every front end. A file is a plan when
/// configuration says so (the build's <c>ExecPlan</c> metadata and <c>ExecPlanFiles</c> globs, and
/// for the build and the CLI alike an <c>.editorconfig</c> key <c>execplan_plan = true</c> on a
/// section such as <c>[docs/exec-plans/**.md]</c>; <c>false</c> opts out), or, when nothing is
/// configured, when it declares itself: within its first 2,000 characters it says "ExecPlan" or
/// carries the living-document notice. Well-known repository documents (README.md,
/// CHANGELOG.md, PLANS.md, ...) never count by declaration.
/// </summary>
public static class PlanDiscovery
{
    /// <summary>The .editorconfig key that marks (true) or unmarks (false) the files of a section as plans.</summary>
    public const string PlanKey = "execplan_plan";
    /// <summary>How much of the file's start is looked at.</summary>
    public const int SniffLength = 2000;


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
        // "exec plan" (any white space or none between) or "living document" (some white
        // space), in any case: a scan, so an IDE's first look at a file builds no regex.
        var end = Math.Min(text.Length, SniffLength);
        return HasPhrase(text, end, "exec", "plan", spaceRequired: false) || HasPhrase(text, end, "living", "document", spaceRequired: true);
    }

    /// <summary>Whether <c>text[0..end)</c> holds <paramref name="first"/>, white space (optional
    /// or required) and <paramref name="second"/>, ignoring ASCII case (the words are ASCII
    /// letters, which ignore-case comparison folds only to each other).</summary>
    internal static bool HasPhrase(string text, int end, string first, string second, bool spaceRequired)
    {
        for (var at = IndexOfWord(text, 0, end, first); at >= 0; at = IndexOfWord(text, at + 1, end, first))
        {
            var next = at + first.Length;
            var afterSpace = next;
            while (afterSpace < end && char.IsWhiteSpace(text[afterSpace]))
            {
                afterSpace++;
            }

            if ((afterSpace > next || !spaceRequired) && afterSpace + second.Length <= end &&
                string.Compare(text, afterSpace, second, 0, second.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOfWord(string text, int from, int end, string word) =>
        end - from < word.Length ? -1 : text.IndexOf(word, from, end - from, StringComparison.OrdinalIgnoreCase);

    /// <summary>The sniff for a file nobody marked: a Markdown file, not a well-known document,
    /// whose start declares it an ExecPlan.</summary>
    public static bool IsUnmarkedPlan(string path, string text) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !IsWellKnownDocument(path) && DeclaresItself(text);

    /// <summary>The <c>execplan_plan</c> value among a file's .editorconfig options: true, false, or null (not set or not a boolean).</summary>
    public static bool? ConfiguredFlag(IReadOnlyDictionary<string, string> editorConfigOptions)
    {
        if (editorConfigOptions is null || !editorConfigOptions.TryGetValue(PlanKey, out var value))
        {
            return null;
        }

        return value.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => null,
        };
    }

    /// <summary>
    /// The verdict for a file no build metadata or glob decided: the .editorconfig key, else the
    /// declaration in its first characters (<paramref name="head"/> reads them; null when unreadable).
    /// </summary>
    public static PlanVerdict Classify(string path, IReadOnlyDictionary<string, string> editorConfigOptions, Func<string?> head)
    {
        if (head is null)
        {
            throw new ArgumentNullException(nameof(head));
        }

        switch (ConfiguredFlag(editorConfigOptions))
        {
            case true:
                return new PlanVerdict(true, "marked by .editorconfig (" + PlanKey + " = true)");
            case false:
                return new PlanVerdict(false, "opted out by .editorconfig (" + PlanKey + " = false)");
        }

        if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return new PlanVerdict(false, "not a Markdown file");
        }

        if (IsWellKnownDocument(path))
        {
            return new PlanVerdict(false, Path.GetFileName(path) + " is a well-known repository document, never a plan by declaration");
        }

        var text = head();
        if (text is null)
        {
            return new PlanVerdict(true, "unreadable; checked so the problem is reported");
        }

        return DeclaresItself(text)
            ? new PlanVerdict(true, "declares itself (\"ExecPlan\" or \"living document\" in its first " + SniffLength.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters)")
            : new PlanVerdict(false, "does not declare itself a plan (mark it with " + PlanKey + " = true in .editorconfig)");
    }
}
