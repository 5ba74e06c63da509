namespace ExecPlan.Validation.Model;

using System.Collections.Generic;
using Markdig.Syntax;

/// <summary>A section: a heading and the top-level blocks under it, up to the next heading of the
/// same or a higher level. Subsections belong to it.</summary>
public sealed class PlanSection
{
    internal PlanSection(PlanHeading heading, IReadOnlyList<Block> blocks, bool isEmpty, bool isPrimary)
    {
        Heading = heading;
        Blocks = blocks;
        IsEmpty = isEmpty;
        IsPrimary = isPrimary;
    }

    public PlanHeading Heading { get; }

    public SectionKind Kind => Heading.Kind;

    /// <summary>The blocks under the heading, including subsection headings and their content.</summary>
    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>True when nothing but blank lines and HTML comments follows the heading.</summary>
    public bool IsEmpty { get; }

    /// <summary>True when the heading is at the plan's section level; false for a known section
    /// name found only deeper (accepted so that grouping headings do not hide sections).</summary>
    public bool IsPrimary { get; }
}
