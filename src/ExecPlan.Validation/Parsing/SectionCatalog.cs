namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Settings;

/// <summary>
/// Section names, loosely matched the way real plans write them: case-insensitive, '&amp;' equals
/// 'and', a trailing parenthetical, numbering, emphasis and punctuation ignored, and a few
/// common variants ("Artefacts", "Progress log", "Validation") accepted.
/// </summary>
public static class SectionCatalog
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private static readonly Regex TrailingParenthetical = new(@"\s*[\(\[][^\(\)\[\]]*[\)\]]\s*$", RegexOptions.CultureInvariant, RegexTimeout);

    private static readonly Regex LeadingNumbering = new(
        @"^\s*(?:(?:\d+(?:\.\d+)*|[A-Za-z]|[IVXivx]+)[.):]\s+|\d+\s+)", RegexOptions.CultureInvariant, RegexTimeout);

    private static readonly Dictionary<string, SectionKind> Names = BuildNames();

    /// <summary>The skeleton's order of sections, used by EXP006.</summary>
    public static IReadOnlyList<SectionKind> SkeletonOrder { get; } =
    [
        SectionKind.Purpose, SectionKind.Constraints, SectionKind.Tolerances, SectionKind.Risks,
        SectionKind.Progress, SectionKind.Surprises, SectionKind.DecisionLog, SectionKind.Outcomes,
        SectionKind.Context, SectionKind.PlanOfWork, SectionKind.ConcreteSteps, SectionKind.Validation,
        SectionKind.Idempotence, SectionKind.Artifacts, SectionKind.Interfaces,
    ];

    /// <summary>The non-living skeleton sections that EXP002 asks for.</summary>
    public static IReadOnlyList<SectionKind> SkeletonSections { get; } =
    [
        SectionKind.Purpose, SectionKind.Context, SectionKind.PlanOfWork, SectionKind.ConcreteSteps,
        SectionKind.Validation, SectionKind.Idempotence, SectionKind.Artifacts, SectionKind.Interfaces,
    ];

    private static readonly SectionKind[] SkillLiving =
    [
        SectionKind.Constraints, SectionKind.Tolerances, SectionKind.Risks, SectionKind.Progress,
        SectionKind.Surprises, SectionKind.DecisionLog, SectionKind.Outcomes,
    ];

    private static readonly SectionKind[] ClassicLiving =
    [
        SectionKind.Progress, SectionKind.Surprises, SectionKind.DecisionLog, SectionKind.Outcomes,
    ];

    /// <summary>The mandatory living sections of a profile (EXP001).</summary>
    public static IReadOnlyList<SectionKind> LivingSections(PlanProfile profile) =>
        profile == PlanProfile.Classic ? ClassicLiving : SkillLiving;

    /// <summary>The name the skill gives a section, for messages.</summary>
    public static string DisplayName(SectionKind kind) => kind switch
    {
        SectionKind.Purpose => "Purpose / Big Picture",
        SectionKind.Constraints => "Constraints",
        SectionKind.Tolerances => "Tolerances",
        SectionKind.Risks => "Risks",
        SectionKind.Progress => "Progress",
        SectionKind.Surprises => "Surprises & Discoveries",
        SectionKind.DecisionLog => "Decision Log",
        SectionKind.Outcomes => "Outcomes & Retrospective",
        SectionKind.Context => "Context and Orientation",
        SectionKind.PlanOfWork => "Plan of Work",
        SectionKind.ConcreteSteps => "Concrete Steps",
        SectionKind.Validation => "Validation and Acceptance",
        SectionKind.Idempotence => "Idempotence and Recovery",
        SectionKind.Artifacts => "Artifacts and Notes",
        SectionKind.Interfaces => "Interfaces and Dependencies",
        SectionKind.RevisionNote => "Revision note",
        SectionKind.Status => "Status",
        _ => "(other)",
    };

    /// <summary>Recognises a heading's text as a known section.</summary>
    public static SectionKind Match(string headingText) =>
        Names.TryGetValue(Normalize(headingText), out var kind) ? kind : SectionKind.Other;

    /// <summary>Folds a heading to the form names are compared in.</summary>
    public static string Normalize(string headingText)
    {
        var text = headingText.Trim();
        for (var i = 0; i < 3; i++)
        {
            var stripped = TrailingParenthetical.Replace(text, string.Empty);
            if (stripped.Length == 0 || stripped == text)
            {
                break;
            }

            text = stripped;
        }

        text = LeadingNumbering.Replace(text, string.Empty);
        var builder = new StringBuilder(text.Length + 8);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c == '&' || c == '+')
            {
                AppendWord(builder, "and", ref pendingSpace);
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    private static void AppendWord(StringBuilder builder, string word, ref bool pendingSpace)
    {
        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        builder.Append(word);
        pendingSpace = true;
    }

    private static Dictionary<string, SectionKind> BuildNames()
    {
        var names = new Dictionary<string, SectionKind>(StringComparer.Ordinal);
        void Add(SectionKind kind, params string[] variants)
        {
            foreach (var variant in variants)
            {
                names[Normalize(variant)] = kind;
            }
        }

        Add(SectionKind.Purpose, "Purpose / Big Picture", "Purpose and Big Picture", "Big Picture / Purpose", "Purpose",
            "Big Picture", "Purpose and Intent", "Purpose and Scope", "Goal", "Goals", "Objective", "Objectives");
        Add(SectionKind.Constraints, "Constraints", "Hard Constraints", "Constraints and Invariants", "Invariants");
        Add(SectionKind.Tolerances, "Tolerances", "Tolerance", "Exception Triggers", "Escalation Triggers",
            "Tolerances and Exception Triggers");
        Add(SectionKind.Risks, "Risks", "Risk", "Known Risks", "Risks and Mitigations", "Risk Register");
        Add(SectionKind.Progress, "Progress", "Progress Log", "Progress Notes", "Progress Checklist", "Progress Tracker");
        Add(SectionKind.Surprises, "Surprises & Discoveries", "Surprises", "Discoveries", "Surprises / Discoveries");
        Add(SectionKind.DecisionLog, "Decision Log", "Decisions Log", "Decisions", "Decision Record", "Decision History");
        Add(SectionKind.Outcomes, "Outcomes & Retrospective", "Outcomes & Retrospectives", "Outcome & Retrospective",
            "Outcomes / Retrospective", "Outcomes", "Retrospective", "Outcomes & Lessons Learned");
        Add(SectionKind.Context, "Context and Orientation", "Context & Orientation", "Context", "Orientation");
        Add(SectionKind.PlanOfWork, "Plan of Work", "Work Plan");
        Add(SectionKind.ConcreteSteps, "Concrete Steps", "Steps");
        Add(SectionKind.Validation, "Validation and Acceptance", "Validation", "Acceptance", "Acceptance Criteria",
            "Validation and Acceptance Criteria");
        Add(SectionKind.Idempotence, "Idempotence and Recovery", "Idempotency and Recovery", "Idempotence", "Recovery",
            "Idempotence and Rollback");
        Add(SectionKind.Artifacts, "Artifacts and Notes", "Artefacts and Notes", "Artifacts", "Artefacts");
        Add(SectionKind.Interfaces, "Interfaces and Dependencies", "Interfaces", "Dependencies");
        Add(SectionKind.RevisionNote, "Revision Note", "Revision Notes", "Revision History", "Revisions", "Change Log",
            "Changelog", "Revision Log");
        Add(SectionKind.Status, "Status", "Plan Status");
        return names;
    }
}
