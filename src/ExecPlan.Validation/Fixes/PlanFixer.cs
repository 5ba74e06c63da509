namespace ExecPlan.Validation.Fixes;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Rules;
using ExecPlan.Validation.Settings;

/// <summary>
/// Applies the mechanical repairs the rules attach to their findings (<see cref="PlanFix"/> on
/// <see cref="PlanDiagnostic.Fix"/>). It knows no rule: it validates the text with the file's
/// settings (so a rule at severity <c>none</c>, or suppressed inline, is neither reported nor
/// repaired), takes the fixes of the findings, drops conflicting ones, applies the rest and
/// validates again, round after round. Which rules can repair is derived: the rules of
/// <see cref="PlanValidator.Rules"/> that implement <see cref="IFixableRule"/>. Only layout is
/// repaired, never prose; line endings and a byte-order mark are kept; bad text gives no edits.
/// </summary>
/// <remarks>
/// <para>How rounds are ordered, and why. A round applies the fixes of <em>one</em> rule: the
/// fixable rule with the lowest <see cref="IFixableRule.FixOrder"/> that has any fix. Repairs of
/// different rules interact through the structure they are computed on: removing an outer fence
/// (EXP050) changes where the plan ends, so where a missing section is appended; turning a fence
/// into an indented block (EXP051) changes which lines are headings, paragraphs and lists (EXP052,
/// EXP053); an inserted section moves what the Status line goes after (EXP010). Each fix is
/// computed on a parse of the text it edits, and applying one rule's fixes, then validating again,
/// keeps that true for every round; a rule whose fixes reveal work for an earlier rule hands the
/// next round back to it.</para>
/// <para>Within a round, fixes are taken in the findings' order (position, then ID; a rule's own
/// order at one place), each whole or not at all; a fix that conflicts with one already taken
/// (<see cref="TextEdit.ConflictsWith"/>: overlapping ranges, or two insertions at one offset,
/// whose order and blank lines would be guesswork) waits for the next round, where it is computed
/// again on the repaired text. So two missing sections that go to the same place take two rounds,
/// the second placed after the first in skeleton order.</para>
/// <para>The rounds stop when no fix is left, when a round changes nothing, when a rule gets a
/// second round in a row without fewer repairable findings than before its first (its repair did not
/// take on this text, so repeating it could only pile up edits), or after <see cref="MaxRounds"/> (a
/// plan with only a title takes one round per missing section).</para>
/// </remarks>
public static class PlanFixer
{
    /// <summary>The most rounds <see cref="Fix"/> runs.</summary>
    public const int MaxRounds = 64;

    /// <summary>The rules that can repair, in fix order (lowest <see cref="IFixableRule.FixOrder"/> first).</summary>
    private static readonly IReadOnlyList<PlanRule> FixingRules = PlanValidator.Rules
        .Where(r => r is IFixableRule)
        .OrderBy(r => ((IFixableRule)r).FixOrder)
        .ThenBy(r => r.Descriptor.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>The IDs of the rules whose findings <see cref="Fix"/> can repair, in ID order.</summary>
    public static IReadOnlyList<string> FixableRules { get; } =
        FixingRules.Select(r => r.Descriptor.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The edits of one repair round (see the class remarks), sorted by offset and never
    /// overlapping; offsets count characters of <paramref name="text"/>, a byte-order mark included.
    /// Empty when nothing mechanical is left. Text that cannot be parsed gives no edits.
    /// </summary>
    public static IReadOnlyList<TextEdit> ComputeFixes(string text, ValidationSettings settings)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return NextRound(text, settings).Edits;
    }

    /// <summary>One round: the rule it repairs, how many of that rule's findings carry a fix, and the edits taken.</summary>
    private static (string RuleId, int Fixable, IReadOnlyList<TextEdit> Edits) NextRound(string text, ValidationSettings? settings)
    {
        var diagnostics = new PlanValidator(settings ?? ValidationSettings.Default) { IncludeFixes = true }.Validate(text, "plan.md", FixingRules);
        foreach (var rule in FixingRules)
        {
            var taken = new List<TextEdit>();
            var fixable = 0;
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Fix is not { } fix || diagnostic.Id != rule.Descriptor.Id || fix.Edits.Count == 0 || !Inside(fix, text.Length))
                {
                    continue;
                }

                fixable++;
                if (!fix.ConflictsWith(taken))
                {
                    taken.AddRange(fix.Edits);
                }
            }

            if (taken.Count > 0)
            {
                return (rule.Descriptor.Id, fixable, taken.OrderBy(e => e.Start).ThenBy(e => e.Length).ToList());
            }
        }

        return (string.Empty, 0, []);
    }

    /// <summary>Applies edits from <see cref="ComputeFixes"/> (or any non-overlapping set).</summary>
    public static string Apply(string text, IReadOnlyList<TextEdit> edits)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (edits is null || edits.Count == 0)
        {
            return text;
        }

        var sorted = edits.OrderBy(e => e.Start).ThenBy(e => e.Length).ToList();
        var builder = new StringBuilder(text.Length + 64);
        var position = 0;
        foreach (var edit in sorted)
        {
            if (edit.Start < position || edit.End > text.Length)
            {
                throw new ArgumentException("Edits overlap or fall outside the text.", nameof(edits));
            }

            builder.Append(text, position, edit.Start - position);
            builder.Append(edit.NewText);
            position = edit.End;
        }

        builder.Append(text, position, text.Length - position);
        return builder.ToString();
    }

    /// <summary>Applies repair rounds until none is left (or <see cref="MaxRounds"/>) and returns the repaired text.</summary>
    public static string Fix(string text, ValidationSettings settings) => Run(text, settings).Text;

    /// <summary>Applies repair rounds until none is left (or <see cref="MaxRounds"/>) and says what was done.</summary>
    public static FixResult Run(string text, ValidationSettings settings)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var applied = new List<TextEdit>();
        var rounds = 0;
        var (lastRule, lastFixable) = (string.Empty, 0);
        while (rounds < MaxRounds)
        {
            var (rule, fixable, edits) = NextRound(text, settings);

            // A rule that has as many repairable findings as before its own round did not repair
            // anything (its fix does not remove its finding on this text): stop rather than repeat it.
            if (edits.Count == 0 || (rule == lastRule && fixable >= lastFixable))
            {
                break;
            }

            var next = Apply(text, edits);
            rounds++;
            if (string.Equals(next, text, StringComparison.Ordinal))
            {
                break;
            }

            applied.AddRange(edits);
            text = next;
            (lastRule, lastFixable) = (rule, fixable);
        }

        return new FixResult(text, applied, rounds);
    }

    private static bool Inside(PlanFix fix, int length)
    {
        foreach (var edit in fix.Edits)
        {
            if (edit.Start < 0 || edit.End > length)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>What <see cref="PlanFixer.Run"/> did to a plan.</summary>
/// <param name="Text">The repaired text (the input when nothing was mechanical).</param>
/// <param name="Edits">Every edit applied, round by round; offsets are those of the text of their round.</param>
/// <param name="Rounds">How many rounds ran.</param>
public sealed record FixResult(string Text, IReadOnlyList<TextEdit> Edits, int Rounds);
