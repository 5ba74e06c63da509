namespace ExecPlan.Validation.Profiles;

using System;
using System.Collections.Generic;
using System.Linq;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;

/// <summary>Where a PLANS.md keeps its plan skeleton.</summary>
public enum SkeletonShape
{
    /// <summary>An indented (four-space) block of headings.</summary>
    Indented,

    /// <summary>A fenced block (```` ```md ````, ```` ```markdown ```` or unlabelled) of headings.</summary>
    Fenced,

    /// <summary>Headings of their own under a "Skeleton", "Template" or "Required sections" heading.</summary>
    Bare,

    /// <summary>A list of section names (backticked bullets, or plain names in a text fence)
    /// under such a heading.</summary>
    List,

    /// <summary>The PLANS.md is itself the template: its own headings are the sections.</summary>
    WholeFile,
}

/// <summary>One section of a derived skeleton.</summary>
public sealed class DerivedSection
{
    internal DerivedSection(string name, SectionKind kind, int line, bool required)
    {
        Name = name;
        Kind = kind;
        Line = line;
        Required = required;
        Normalized = SectionCatalog.Normalize(name);
    }

    /// <summary>The heading as PLANS.md writes it (leading numbering removed).</summary>
    public string Name { get; }

    /// <summary>The known section it is, or <see cref="SectionKind.Other"/> for a custom one.</summary>
    public SectionKind Kind { get; }

    /// <summary>PLANS.md line (1-based) of the heading or list item.</summary>
    public int Line { get; }

    /// <summary>Whether a plan must have it (false when PLANS.md marks it optional).</summary>
    public bool Required { get; }

    /// <summary>Whether a missing section is an error (EXP001) rather than a warning (EXP002):
    /// the living sections, and every section when PLANS.md says its sections are required
    /// ("Required sections", "must include these sections") or names no living sections at all.</summary>
    public bool Mandatory { get; internal set; }

    /// <summary>Whether it is a living section, and the PLANS.md line that says so.</summary>
    public bool Living => LivingLine is not null;

    public int? LivingLine { get; internal set; }

    internal string Normalized { get; }

    /// <summary>Whether the kind identifies this section alone in its skeleton.</summary>
    internal bool KindIsUnique { get; set; }
}

/// <summary>The <c>Status:</c> line of a derived skeleton.</summary>
public sealed class DerivedStatus
{
    internal DerivedStatus(int line, IReadOnlyList<string> allowedValues)
    {
        Line = line;
        AllowedValues = allowedValues;
    }

    public int Line { get; }

    /// <summary>The values the line offers (<c>DRAFT | APPROVED | …</c>); empty when it names none.</summary>
    public IReadOnlyList<string> AllowedValues { get; }
}

/// <summary>
/// The plan profile a repository's PLANS.md defines: its skeleton's sections in order, which are
/// living and required, the Status line, the living-document notice and the title form. Every fact
/// remembers its PLANS.md line.
/// </summary>
public sealed class DerivedProfile
{
    internal DerivedProfile(string plansFile, SkeletonShape shape, int skeletonLine, IReadOnlyList<DerivedSection> sections,
        DerivedStatus? status, int? noticeLine, string? titleForm, int? titleLine, string fingerprint)
    {
        PlansFile = plansFile;
        Shape = shape;
        SkeletonLine = skeletonLine;
        Sections = sections;
        Status = status;
        NoticeLine = noticeLine;
        TitleForm = titleForm;
        TitleLine = titleLine;
        Fingerprint = fingerprint;
        var counts = sections.Where(s => s.Kind != SectionKind.Other).GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Count());
        foreach (var section in sections)
        {
            section.KindIsUnique = section.Kind != SectionKind.Other && counts[section.Kind] == 1;
        }
    }

    /// <summary>The PLANS.md path as the messages cite it (repository-relative, forward slashes).</summary>
    public string PlansFile { get; }

    public SkeletonShape Shape { get; }

    /// <summary>The first line of the skeleton in PLANS.md.</summary>
    public int SkeletonLine { get; }

    /// <summary>The sections, in skeleton order.</summary>
    public IReadOnlyList<DerivedSection> Sections { get; }

    /// <summary>The Status line, or null when the skeleton has none (then Status is optional).</summary>
    public DerivedStatus? Status { get; }

    /// <summary>The line of the living-document sentence, or null when PLANS.md has none (then the
    /// notice is not required).</summary>
    public int? NoticeLine { get; }

    /// <summary>The skeleton's title line as written (<c># Plan: &lt;short title&gt;</c>), or null.</summary>
    public string? TitleForm { get; }

    public int? TitleLine { get; }

    /// <summary>A stable digest of the PLANS.md path and text, for cache keys.</summary>
    public string Fingerprint { get; }

    /// <summary>"`.agent/PLANS.md` (line 12)", for messages.</summary>
    public string Cite(int line) => "`" + PlansFile + "` (line " + line + ")";

    /// <summary>The plan's heading for a derived section, or null when the plan has none.</summary>
    public static PlanHeading? Find(PlanDocument plan, DerivedSection section)
    {
        if (plan is null || section is null)
        {
            throw new ArgumentNullException(plan is null ? nameof(plan) : nameof(section));
        }

        if (section.KindIsUnique && plan.Section(section.Kind) is { } known)
        {
            return known.Heading;
        }

        foreach (var heading in plan.Headings)
        {
            if (!ReferenceEquals(heading, plan.Title) && Same(heading, section))
            {
                return heading;
            }
        }

        return null;
    }

    /// <summary>The derived section a plan heading is, or null.</summary>
    public DerivedSection? SectionOf(PlanHeading heading)
    {
        if (heading is null)
        {
            throw new ArgumentNullException(nameof(heading));
        }

        foreach (var section in Sections)
        {
            if (Same(heading, section) || (section.KindIsUnique && heading.Kind == section.Kind && heading.MatchStrength >= SectionMatchStrength.Segment))
            {
                return section;
            }
        }

        return null;
    }

    private static bool Same(PlanHeading heading, DerivedSection section)
    {
        var normalized = SectionCatalog.Normalize(heading.Text);
        return normalized.Length > 0 && string.Equals(normalized, section.Normalized, StringComparison.Ordinal);
    }
}

/// <summary>What deriving a profile from a PLANS.md gave: a profile, or the reason there is none.</summary>
public sealed class PlansFileDerivation
{
    private PlansFileDerivation(string plansFile, DerivedProfile? profile, string? failure, int failureLine)
    {
        PlansFile = plansFile;
        Profile = profile;
        Failure = failure;
        FailureLine = failureLine;
    }

    public string PlansFile { get; }

    /// <summary>The derived profile, or null when PLANS.md has no skeleton the tool can read.</summary>
    public DerivedProfile? Profile { get; }

    /// <summary>Why nothing was derived (for EXP060), or null.</summary>
    public string? Failure { get; }

    /// <summary>The PLANS.md line the failure points at (1 when it is about the whole file).</summary>
    public int FailureLine { get; }

    internal static PlansFileDerivation Derived(DerivedProfile profile) => new(profile.PlansFile, profile, null, 0);

    internal static PlansFileDerivation Failed(string plansFile, string reason, int line) => new(plansFile, null, reason, Math.Max(1, line));
}
