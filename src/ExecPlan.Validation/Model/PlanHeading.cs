namespace ExecPlan.Validation.Model;

using ExecPlan.Validation.Diagnostics;
using Markdig.Syntax;
using SourceSpan = ExecPlan.Validation.Diagnostics.SourceSpan;

/// <summary>A top-level heading of the plan. A record: equal when every property is, the Markdig
/// <see cref="Block"/> by reference, so two headings of a plan are never equal (and
/// <see cref="AsOther"/> gives one unequal to the original).</summary>
public sealed record PlanHeading
{
    internal PlanHeading(HeadingBlock block, int level, string text, SourceSpan textSpan, SectionKind kind, bool followedByBlankLine)
        : this(block, level, text, textSpan, new Parsing.SectionMatch(kind, kind == SectionKind.Other ? Parsing.SectionMatchStrength.None : Parsing.SectionMatchStrength.Exact), followedByBlankLine)
    {
    }

    internal PlanHeading(HeadingBlock block, int level, string text, SourceSpan textSpan, Parsing.SectionMatch match, bool followedByBlankLine)
    {
        Kind = match.Kind;
        MatchStrength = match.Strength;
        Block = block;
        Level = level;
        Text = text;
        TextSpan = textSpan;
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

    /// <summary>How closely the heading matched <see cref="Kind"/> (exact name, a part of a
    /// bilingual heading, a name with inserted words, a qualified name).</summary>
    public Parsing.SectionMatchStrength MatchStrength { get; }

    /// <summary>The same heading, no longer taken as a known section (a looser duplicate).</summary>
    internal PlanHeading AsOther() =>
        new(Block, Level, Text, TextSpan, Parsing.SectionMatch.None, FollowedByBlankLine);

    /// <summary>Whether a blank line (or the end of the file) follows the heading.</summary>
    public bool FollowedByBlankLine { get; }
}
