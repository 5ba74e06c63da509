namespace ExecPlan.Validation.Fixes;

using System;
using System.Collections.Generic;
using System.Linq;

/// <summary>
/// The mechanical repair of one finding: a short title (what a code-fix menu shows) and the text
/// edits, sorted by offset and never conflicting with one another. A fix is applied whole or not at
/// all. Every front end (<c>execplan fix</c>, an IDE code fix) reads the same edits from
/// <see cref="Diagnostics.PlanDiagnostic.Fix"/>.
/// </summary>
public sealed class PlanFix
{
    /// <summary>A fix of one or more edits; they are sorted here, and must not conflict
    /// (<see cref="TextEdit.ConflictsWith"/>).</summary>
    public PlanFix(string title, IEnumerable<TextEdit> edits)
    {
        if (edits is null)
        {
            throw new ArgumentNullException(nameof(edits));
        }

        Title = title ?? throw new ArgumentNullException(nameof(title));
        var sorted = edits.OrderBy(e => e.Start).ThenBy(e => e.Length).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].ConflictsWith(sorted[i - 1]))
            {
                throw new ArgumentException("The edits of one fix overlap.", nameof(edits));
            }
        }

        Edits = sorted;
    }

    /// <summary>A fix of a single edit.</summary>
    public PlanFix(string title, TextEdit edit)
        : this(title, [edit])
    {
    }

    /// <summary>What the fix does, e.g. "Add a blank line after the heading".</summary>
    public string Title { get; }

    /// <summary>The edits, sorted by offset.</summary>
    public IReadOnlyList<TextEdit> Edits { get; }

    /// <summary>Whether any edit of this fix conflicts with any of <paramref name="edits"/>.</summary>
    public bool ConflictsWith(IReadOnlyList<TextEdit> edits)
    {
        if (edits is null)
        {
            return false;
        }

        foreach (var mine in Edits)
        {
            foreach (var other in edits)
            {
                if (mine.ConflictsWith(other))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The same fix with every edit moved by <paramref name="offset"/> characters and
    /// stamped with <paramref name="ruleId"/> where it has none.</summary>
    internal PlanFix With(int offset, string ruleId)
    {
        if (offset == 0 && Edits.All(e => e.RuleId.Length > 0))
        {
            return this;
        }

        return new PlanFix(Title, Edits.Select(e => e with
        {
            Start = e.Start + offset,
            RuleId = e.RuleId.Length > 0 ? e.RuleId : ruleId,
        }));
    }
}
