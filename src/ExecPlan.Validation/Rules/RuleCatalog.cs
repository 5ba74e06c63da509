namespace ExecPlan.Validation.Rules;

using System;
using System.Collections.Generic;
using System.Linq;
using ExecPlan.Validation.Diagnostics;

/// <summary>
/// The one table of rule descriptors. The MSBuild task, the Roslyn analyzer and the CLI read it;
/// IDs are never renumbered or reused.
/// </summary>
public static class RuleCatalog
{
    /// <summary>The category of every ExecPlan diagnostic.</summary>
    public const string Category = "ExecPlan";

    /// <summary>Where the rule pages live; a rule's help link is this plus <c>EXPnnn.md</c>.</summary>
    public const string HelpUriBase = "https://github.com/execplan-build/ExecPlan.Build/blob/main/docs/rules/";

    public static readonly RuleDescriptor EXP000 = new("EXP000", "Plan file cannot be validated", RuleSeverity.Error,
        "The file is missing, unreadable, not UTF-8 text, or over the size limit.");

    public static readonly RuleDescriptor EXP001 = new("EXP001", "Mandatory living section is missing", RuleSeverity.Error,
        "A mandatory living section (Progress, Decision Log, ...) is missing.");

    public static readonly RuleDescriptor EXP002 = new("EXP002", "Skeleton section is missing", RuleSeverity.Warning,
        "A section of the ExecPlan skeleton (Purpose / Big Picture, Plan of Work, ...) is missing.");

    public static readonly RuleDescriptor EXP003 = new("EXP003", "Section appears twice", RuleSeverity.Error,
        "The same section appears more than once.");

    public static readonly RuleDescriptor EXP004 = new("EXP004", "Plan must start with exactly one H1 title", RuleSeverity.Error,
        "The document does not start with exactly one level-1 title.");

    public static readonly RuleDescriptor EXP005 = new("EXP005", "Required section is empty", RuleSeverity.Warning,
        "A required section has a heading but no content.");

    public static readonly RuleDescriptor EXP006 = new("EXP006", "Sections out of skeleton order", RuleSeverity.Suggestion,
        "Sections appear in a different order than the skeleton's.");

    public static readonly RuleDescriptor EXP007 = new("EXP007", "Living-document notice is missing", RuleSeverity.Warning,
        "No paragraph near the top says the plan is a living document.");

    public static readonly RuleDescriptor EXP008 = new("EXP008", "PLANS.md is not referenced", RuleSeverity.Warning,
        "The repository has a PLANS.md but the plan does not reference it.");

    public static readonly RuleDescriptor EXP009 = new("EXP009", "Suppression comment names an unknown rule", RuleSeverity.Warning,
        "An execplan-disable comment names an ID that is not an ExecPlan rule.");

    public static readonly RuleDescriptor EXP010 = new("EXP010", "Status line is missing", RuleSeverity.Warning,
        "The plan has no 'Status:' line.");

    public static readonly RuleDescriptor EXP011 = new("EXP011", "Status value is invalid", RuleSeverity.Error,
        "Status is not exactly one of DRAFT, APPROVED, IN PROGRESS, BLOCKED, COMPLETE.");

    public static readonly RuleDescriptor EXP012 = new("EXP012", "Draft plan records completed work", RuleSeverity.Warning,
        "Status is DRAFT but Progress has checked items: no implementation before approval.");

    public static readonly RuleDescriptor EXP013 = new("EXP013", "Complete plan has unchecked Progress items", RuleSeverity.Error,
        "Status is COMPLETE but Progress still has unchecked items.");

    public static readonly RuleDescriptor EXP014 = new("EXP014", "Complete plan has no outcomes", RuleSeverity.Warning,
        "Status is COMPLETE but Outcomes & Retrospective is empty or holds only a placeholder.");

    public static readonly RuleDescriptor EXP015 = new("EXP015", "Blocked plan has no Decision Log entry", RuleSeverity.Warning,
        "Status is BLOCKED but the Decision Log has no entry documenting the escalation.");

    public static readonly RuleDescriptor EXP016 = new("EXP016", "Status was not updated when the work finished", RuleSeverity.Warning,
        "Status is DRAFT, APPROVED or IN PROGRESS, yet every Progress item is checked and Outcomes & Retrospective is written: the Status was not updated when the plan's state changed.");

    public static readonly RuleDescriptor EXP020 = new("EXP020", "Progress is not a checkbox list", RuleSeverity.Error,
        "Progress must be a list of '- [ ]' / '- [x]' items.");

    public static readonly RuleDescriptor EXP021 = new("EXP021", "Checked Progress item has no timestamp", RuleSeverity.Warning,
        "A completed Progress item has no timestamp like (2025-10-01 13:00Z).");

    public static readonly RuleDescriptor EXP022 = new("EXP022", "Timestamp is malformed", RuleSeverity.Error,
        "A Progress timestamp is malformed or impossible (month 13, 25:61, a time without a zone, a slash date).");

    public static readonly RuleDescriptor EXP030 = new("EXP030", "Risk entry is incomplete", RuleSeverity.Warning,
        "A Risks entry lacks Severity, Likelihood or Mitigation.");

    public static readonly RuleDescriptor EXP031 = new("EXP031", "Risk rating is invalid", RuleSeverity.Error,
        "A Severity or Likelihood is not low, medium or high.");

    public static readonly RuleDescriptor EXP032 = new("EXP032", "Surprise entry is incomplete", RuleSeverity.Warning,
        "A Surprises & Discoveries entry lacks Evidence or Impact.");

    public static readonly RuleDescriptor EXP033 = new("EXP033", "Decision entry is incomplete", RuleSeverity.Warning,
        "A Decision Log entry lacks Rationale or Date/Author.");

    public static readonly RuleDescriptor EXP040 = new("EXP040", "Template placeholder left in", RuleSeverity.Error,
        "An unfilled template placeholder such as <N> or <description> is left in the plan.");

    public static readonly RuleDescriptor EXP041 = new("EXP041", "Template instruction text left in", RuleSeverity.Warning,
        "A sentence of the skeleton's guidance is left verbatim.");

    public static readonly RuleDescriptor EXP042 = new("EXP042", "Tolerances state no threshold", RuleSeverity.Warning,
        "Tolerances names no number or measurable limit.");

    public static readonly RuleDescriptor EXP043 = new("EXP043", "Steps or validation show nothing to run", RuleSeverity.Warning,
        "Concrete Steps or Validation and Acceptance shows no command, or Validation shows no expected outcome.");

    public static readonly RuleDescriptor EXP044 = new("EXP044", "Referenced path does not exist", RuleSeverity.Warning,
        "A repository-relative path named in backticks does not exist in the repository.");

    public static readonly RuleDescriptor EXP045 = new("EXP045", "Machine-absolute path", RuleSeverity.Warning,
        "A path that starts at one machine's home folder or checkout (C:\\Users\\…, /home/<name>/…, /Users/<name>/…) where the skill asks for repository-relative paths.");

    public static readonly RuleDescriptor EXP050 = new("EXP050", "Plan file is wrapped in an outer fence", RuleSeverity.Error,
        "A file that holds only the plan must not wrap it in an outer ``` fence.");

    public static readonly RuleDescriptor EXP051 = new("EXP051", "Nested triple-backtick fence", RuleSeverity.Error,
        "A ``` fenced block inside the plan; use an indented block instead.");

    public static readonly RuleDescriptor EXP052 = new("EXP052", "Heading not followed by a blank line", RuleSeverity.Warning,
        "Every heading must be followed by a blank line.");

    public static readonly RuleDescriptor EXP053 = new("EXP053", "Malformed list syntax", RuleSeverity.Warning,
        "A line looks like a list item but is not one, or one list mixes bullet markers.");

    public static readonly RuleDescriptor EXP054 = new("EXP054", "Revision note is not the last section", RuleSeverity.Warning,
        "A revision note exists but is not the last section.");

    public static readonly RuleDescriptor EXP060 = new("EXP060", "PLANS.md has no readable plan skeleton", RuleSeverity.Suggestion,
        "The repository's PLANS.md has no plan skeleton the tool can read, so plans fall back to the skill profile.");

    /// <summary>Every descriptor, in ID order. Written out (no reflection over the fields, so
    /// trimming keeps it whole); a test checks it holds every descriptor field exactly once.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        EXP000, EXP001, EXP002, EXP003, EXP004, EXP005, EXP006, EXP007,
        EXP008, EXP009, EXP010, EXP011, EXP012, EXP013, EXP014, EXP015,
        EXP016, EXP020, EXP021, EXP022, EXP030, EXP031, EXP032, EXP033,
        EXP040, EXP041, EXP042, EXP043, EXP044, EXP045, EXP050, EXP051,
        EXP052, EXP053, EXP054, EXP060,
    ];

    private static readonly Dictionary<string, RuleDescriptor> ById =
        All.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Looks up a descriptor by ID (case-insensitive).</summary>
    public static bool TryGet(string id, out RuleDescriptor descriptor) => ById.TryGetValue(id, out descriptor!);
}
