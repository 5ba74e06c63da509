namespace ExecPlan.Validation.Parsing;

using System;

/// <summary>Thrown by the parser for input it refuses to parse; the validator turns it into EXP000.</summary>
public sealed class PlanTooComplexException : Exception
{
    public PlanTooComplexException()
    {
    }

    public PlanTooComplexException(string message)
        : base(message)
    {
    }

    public PlanTooComplexException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PlanTooComplexException(int line, string message)
        : base(message)
    {
        Line = line;
    }

    /// <summary>The 1-based line that was refused.</summary>
    public int Line { get; } = 1;
}
