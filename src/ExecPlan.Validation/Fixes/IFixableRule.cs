namespace ExecPlan.Validation.Fixes;

/// <summary>
/// Marks a <see cref="Rules.PlanRule"/> whose findings can carry a <see cref="PlanFix"/>. The
/// fixable rules are the rules of <see cref="PlanValidator.Rules"/> that implement this interface
/// (<see cref="PlanFixer.FixableRules"/>); nothing else lists them.
/// </summary>
public interface IFixableRule
{
    /// <summary>
    /// Where this rule's repairs come in <see cref="PlanFixer"/>'s rounds: a round applies the fixes
    /// of the fixable rule with the lowest order that has any. Repairs that change the structure
    /// other repairs are computed on go first (the outer fence before everything, fenced blocks
    /// before headings and lists, layout before inserted sections, sections before Status).
    /// </summary>
    int FixOrder { get; }
}
