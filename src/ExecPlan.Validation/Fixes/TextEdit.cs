namespace ExecPlan.Validation.Fixes;

/// <summary>
/// One replacement in a plan's text: <see cref="Length"/> characters from <see cref="Start"/>
/// become <see cref="NewText"/>. Offsets count UTF-16 characters of the text given to
/// <see cref="PlanFixer.ComputeFixes"/>, byte-order mark included. A zero length inserts.
/// </summary>
/// <param name="Start">The offset of the first replaced character.</param>
/// <param name="Length">How many characters are replaced (0 for an insertion).</param>
/// <param name="NewText">The replacement text (empty for a deletion).</param>
/// <param name="RuleId">The rule whose finding the edit repairs, e.g. <c>EXP052</c>.</param>
public sealed record TextEdit(int Start, int Length, string NewText, string RuleId)
{
    /// <summary>The offset just past the replaced characters.</summary>
    public int End => Start + Length;
}
