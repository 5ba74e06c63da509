namespace ExecPlan.Validation.Model;

/// <summary>Section kinds as array indexes: rules that keep one slot per kind use a plain array
/// instead of a dictionary or set keyed by the enum (no hashing, no generic code to compile).</summary>
internal static class SectionKinds
{
    /// <summary>One more than the largest <see cref="SectionKind"/> value (they run from 0 up).</summary>
    public const int Count = (int)SectionKind.Status + 1;
}
