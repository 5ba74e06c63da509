namespace ExecPlan.Validation.Authoring;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Settings;

/// <summary>
/// A fresh plan for <c>execplan new</c>: the title, the living-document notice, <c>Status: DRAFT</c>
/// and every section of the profile's skeleton in order, each holding a short prompt written as an
/// angle-bracket placeholder. Validating it reports only what the author must still write
/// (EXP040 placeholders, and the EXP042/EXP043 findings that follow from them).
/// </summary>
public static class PlanTemplate
{
    /// <summary>The sections a new plan of a profile holds, in skeleton order.</summary>
    public static IReadOnlyList<SectionKind> Sections(PlanProfile profile)
    {
        var required = new HashSet<SectionKind>(SectionCatalog.LivingSections(profile).Concat(SectionCatalog.SkeletonSections));
        return SectionCatalog.SkeletonOrder.Where(required.Contains).ToArray();
    }

    /// <summary>Writes the plan text with the given line break. When the repository has a PLANS.md,
    /// pass its repository-relative path as <paramref name="plansFile"/> and the plan references it (EXP008).</summary>
    public static string Create(string title, PlanProfile profile, string newLine = "\n", string? plansFile = null)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ArgumentException("A plan needs a title.", nameof(title));
        }

        var living = SectionCatalog.LivingSections(profile).Select(k => "`" + SectionCatalog.DisplayName(k) + "`").ToList();
        var named = living.Count > 1 ? string.Join(", ", living.Take(living.Count - 1)) + ", and " + living[living.Count - 1] : living[0];
        var lines = new List<string>
        {
            "# " + title.Trim(),
            string.Empty,
            "This ExecPlan is a living document. The sections " + named + " must be kept up to date as work proceeds.",
            string.Empty,
            "Status: DRAFT",
            string.Empty,
        };

        if (!string.IsNullOrEmpty(plansFile))
        {
            lines.Add("This plan is maintained in accordance with `" + plansFile!.Replace('\\', '/') + "` at the repository root.");
            lines.Add(string.Empty);
        }

        foreach (var kind in Sections(profile))
        {
            lines.Add("## " + SectionCatalog.DisplayName(kind));
            lines.Add(string.Empty);
            lines.AddRange(Prompt(kind));
            lines.Add(string.Empty);
        }

        var builder = new StringBuilder();
        for (var i = 0; i < lines.Count - 1; i++)
        {
            builder.Append(lines[i]).Append(newLine);
        }

        return builder.ToString();
    }

    /// <summary>A new plan from the repository's PLANS.md skeleton: its sections in its order, the
    /// living-document notice naming its living sections, its Status line when it has one (the
    /// first value it offers), each section with a placeholder prompt.</summary>
    public static string Create(string title, Profiles.DerivedProfile derived, string newLine = "\n")
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ArgumentException("A plan needs a title.", nameof(title));
        }

        if (derived is null)
        {
            throw new ArgumentNullException(nameof(derived));
        }

        var living = derived.Sections.Where(s => s.Living).Select(s => "`" + s.Name + "`").ToList();
        var lines = new List<string> { "# " + title.Trim(), string.Empty };
        var reference = "It is maintained in accordance with `" + derived.PlansFile + "`.";
        if (living.Count > 0)
        {
            var named = living.Count > 1 ? string.Join(", ", living.Take(living.Count - 1)) + " and " + living[living.Count - 1] : living[0];
            lines.Add("This ExecPlan is a living document. The sections " + named + " must be kept up to date as work proceeds. " + reference);
        }
        else
        {
            lines.Add("This ExecPlan is a living document. " + reference);
        }

        lines.Add(string.Empty);
        if (derived.Status is { } status)
        {
            lines.Add("Status: " + (status.AllowedValues.Count > 0 ? status.AllowedValues[0] : "DRAFT"));
            lines.Add(string.Empty);
        }

        foreach (var section in derived.Sections.Where(s => s.Required))
        {
            lines.Add("## " + section.Name);
            lines.Add(string.Empty);
            lines.AddRange(section.Kind == SectionKind.Other
                ? ["<Write the " + section.Name + " section as " + derived.Cite(section.Line).Replace("`", string.Empty) + " describes it>"]
                : Prompt(section.Kind));
            lines.Add(string.Empty);
        }

        var builder = new StringBuilder();
        for (var i = 0; i < lines.Count - 1; i++)
        {
            builder.Append(lines[i]).Append(newLine);
        }

        return builder.ToString();
    }

    private static string[] Prompt(SectionKind kind) => kind switch
    {
        SectionKind.Purpose => ["<What a user can do after this change that they cannot do now, and how to see it working>"],
        SectionKind.Constraints => ["- <Something this work must leave unchanged: a folder, a public API, a supported platform>"],
        SectionKind.Tolerances =>
        [
            "- Scope: <how many files or changed lines before you stop and ask>",
            "- Time: <how many hours a milestone may take before you stop and ask>",
            "- Iterations: <how many failing test runs in a row before you stop and ask>",
        ],
        SectionKind.Risks => ["<Each thing that could go wrong, as a list item with Severity, Likelihood and Mitigation lines>"],
        SectionKind.Progress => ["- [ ] <The first small step, written so its completion is obvious>"],
        SectionKind.Surprises => ["None yet."],
        SectionKind.DecisionLog => ["None yet."],
        SectionKind.Outcomes => ["<At each milestone and at the end: what was achieved, what is still open, what you learned>"],
        SectionKind.Context => ["<The current state for a newcomer: the files involved, by repository path, and the terms used>"],
        SectionKind.PlanOfWork => ["<The edits in order, in prose: which file, which function, what changes and why>"],
        SectionKind.ConcreteSteps => ["<The commands to run, the folder to run them in, and a short sample of their output>"],
        SectionKind.Validation => ["<How to exercise the result, the test command to run and the result to expect>"],
        SectionKind.Idempotence => ["<Which steps are safe to repeat, and how to back out a step that fails halfway>"],
        SectionKind.Artifacts => ["<Short transcripts, diffs or snippets that prove the work, as indented blocks>"],
        SectionKind.Interfaces => ["<The libraries, types and function signatures the finished work relies on or provides>"],
        _ => ["<Write this section>"],
    };
}
