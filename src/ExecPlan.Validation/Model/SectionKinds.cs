namespace ExecPlan.Validation.Model;

using System.Collections.Generic;

/// <summary>Section kinds as array indexes: rules that keep one slot per kind use a plain array
/// instead of a dictionary or set keyed by the enum (no hashing, no generic code to compile).</summary>
internal static class SectionKinds
{
    /// <summary>One more than the largest <see cref="SectionKind"/> value (they run from 0 up).</summary>
    public const int Count = (int)SectionKind.Status + 1;

    /// <summary>The index of <paramref name="kind"/> in <paramref name="kinds"/>, or -1 (not a
    /// generic search: no instantiation over the enum to compile on a first call).</summary>
    public static int IndexOf(IReadOnlyList<SectionKind> kinds, SectionKind kind)
    {
        for (var i = 0; i < kinds.Count; i++)
        {
            if (kinds[i] == kind)
            {
                return i;
            }
        }

        return -1;
    }
}
