namespace ExecPlan.Validation.Diagnostics;

using System;
using System.Collections.Generic;

/// <summary>The one order every front end reports a plan's findings in: by span, then ID.</summary>
internal static class DiagnosticOrder
{
    /// <summary>Sorts by span, then ID, stably (findings of one rule at one place keep the rule's
    /// own order), in place and without LINQ: an insertion sort over the few findings of a plan,
    /// each rule's findings already in text order, so it is close to linear in practice.</summary>
    internal static void SortStable(List<PlanDiagnostic> diagnostics)
    {
        if (diagnostics.Count > 64)
        {
            // Many findings (a dense worst case): a merge-free stable sort by index tie-break.
            var keys = new int[diagnostics.Count];
            var items = diagnostics.ToArray();
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = i;
            }

            Array.Sort(keys, (a, b) =>
            {
                var c = Compare(items[a], items[b]);
                return c != 0 ? c : a.CompareTo(b);
            });
            for (var i = 0; i < keys.Length; i++)
            {
                diagnostics[i] = items[keys[i]];
            }

            return;
        }

        for (var i = 1; i < diagnostics.Count; i++)
        {
            var item = diagnostics[i];
            var j = i - 1;
            while (j >= 0 && Compare(diagnostics[j], item) > 0)
            {
                diagnostics[j + 1] = diagnostics[j];
                j--;
            }

            diagnostics[j + 1] = item;
        }
    }

    private static int Compare(PlanDiagnostic a, PlanDiagnostic b)
    {
        var c = a.Span.CompareTo(b.Span);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }
}
