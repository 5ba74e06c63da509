namespace ExecPlan.Validation.Model;

using ExecPlan.Validation.Diagnostics;

/// <summary>The lifecycle states the skill allows.</summary>
public enum PlanStatusValue
{
    Draft,
    Approved,
    InProgress,
    Blocked,
    Complete,
}

/// <summary>The plan's <c>Status:</c> line. A value: equal when every property is.</summary>
public sealed record PlanStatus
{
    internal PlanStatus(string rawValue, SourceSpan valueSpan, SourceSpan lineSpan, PlanStatusValue? value, bool isFrontMatter = false)
    {
        IsFrontMatter = isFrontMatter;
        RawValue = rawValue;
        ValueSpan = valueSpan;
        LineSpan = lineSpan;
        Value = value;
    }

    /// <summary>The text after <c>Status:</c>, without emphasis markers.</summary>
    public string RawValue { get; }

    public SourceSpan ValueSpan { get; }

    public SourceSpan LineSpan { get; }

    /// <summary>The recognised value, or null when the text is not exactly one allowed value.</summary>
    public PlanStatusValue? Value { get; }

    /// <summary>True when the only status is a YAML front-matter key (<c>status: active</c>): the
    /// repository's tooling metadata, not the skill's <c>Status:</c> line. It stands in for the
    /// line (so EXP010 is silent) but its value is never reported as invalid (EXP011).</summary>
    public bool IsFrontMatter { get; }

    internal PlanStatus AsFrontMatter() => new(RawValue, ValueSpan, LineSpan, Value, isFrontMatter: true);
}
