namespace ExecPlan.Validation.Model;

using ExecPlan.Validation.Diagnostics;
using Markdig.Syntax;
using SourceSpan = ExecPlan.Validation.Diagnostics.SourceSpan;

/// <summary>A top-level heading of the plan.</summary>
public sealed class PlanHeading
{
    internal PlanHeading(HeadingBlock block, int level, string text, SourceSpan textSpan, SectionKind kind, bool followedByBlankLine)
    {
        Block = block;
        Level = level;
        Text = text;
        TextSpan = textSpan;
        Kind = kind;
        FollowedByBlankLine = followedByBlankLine;
    }

    public HeadingBlock Block { get; }

    public int Level { get; }

    /// <summary>The heading's text without the '#' markers.</summary>
    public string Text { get; }

    /// <summary>Where the heading's text is (the place diagnostics about the heading point at).</summary>
    public SourceSpan TextSpan { get; }

    /// <summary>The known section this heading names, or <see cref="SectionKind.Other"/>.</summary>
    public SectionKind Kind { get; }

    /// <summary>Whether a blank line (or the end of the file) follows the heading.</summary>
    public bool FollowedByBlankLine { get; }
}
