namespace ExecPlan.Validation.Parsing;

using ExecPlan.Validation.Model;

/// <summary>How closely a heading matched a known section name (see <see cref="SectionCatalog.MatchDetailed"/>).</summary>
public enum SectionMatchStrength
{
    None = 0,
    Qualified,
    Inserted,
    Segment,
    Exact,
}

/// <summary>A heading recognised as a known section, and how closely.</summary>
public readonly struct SectionMatch
{
    public SectionMatch(SectionKind kind, SectionMatchStrength strength)
    {
        Kind = kind;
        Strength = strength;
    }

    public static SectionMatch None => new(SectionKind.Other, SectionMatchStrength.None);

    public SectionKind Kind { get; }

    public SectionMatchStrength Strength { get; }
}
