namespace ExecPlan.Validation;

/// <summary>Invariant lower case of one character, with an ASCII fast path: the comparison the
/// library's case-insensitive scans share (and its culture-invariant regexes made before them).</summary>
internal static class InvariantCase
{
    public static char ToLower(char c) =>
        c < '\u0080' ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);
}
