namespace ExecPlan.Validation.Fixes;

/// <summary>
/// One replacement in a plan's text: <see cref="Length"/> characters from <see cref="Start"/>
/// become <see cref="NewText"/>. Offsets count UTF-16 characters of the text that was validated
/// (<see cref="PlanFixer.ComputeFixes"/>, <see cref="PlanValidator.Validate(string, string)"/>),
/// byte-order mark included. A zero length inserts.
/// </summary>
/// <param name="Start">The offset of the first replaced character.</param>
/// <param name="Length">How many characters are replaced (0 for an insertion).</param>
/// <param name="NewText">The replacement text (empty for a deletion).</param>
/// <param name="RuleId">The rule whose finding the edit repairs, e.g. <c>EXP052</c>; a rule's
/// edits are stamped with its ID when it reports them.</param>
public sealed record TextEdit(int Start, int Length, string NewText, string RuleId)
{
    /// <summary>An edit a rule is about to report: its ID is filled in by
    /// <see cref="Rules.RuleContext.Report(Diagnostics.SourceSpan, string, PlanFix?)"/>.</summary>
    public TextEdit(int start, int length, string newText)
        : this(start, length, newText, string.Empty)
    {
    }

    /// <summary>The offset just past the replaced characters.</summary>
    public int End => Start + Length;

    /// <summary>Whether two edits cannot both be applied: their ranges intersect, an insertion
    /// falls strictly inside a replaced range, or both insert at one offset (their order would be
    /// arbitrary).</summary>
    public bool ConflictsWith(TextEdit other)
    {
        if (other is null)
        {
            return false;
        }

        if (Length == 0 && other.Length == 0)
        {
            return Start == other.Start;
        }

        if (Length == 0)
        {
            return Start > other.Start && Start < other.End;
        }

        if (other.Length == 0)
        {
            return other.Start > Start && other.Start < End;
        }

        return Start < other.End && other.Start < End;
    }
}
