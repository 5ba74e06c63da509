namespace ExecPlan.Validation.Diagnostics;

using System;
using System.Collections.Generic;

/// <summary>The one order every front end reports a plan's findings in: by span, then ID.</summary>
internal static class DiagnosticOrder
{
    /// <summary>Sorts by span, then ID, stably (findings of one rule at one place keep the rule's
    /// own order), in place and without LINQ. A natural merge sort: the list is cut into its
    /// already ordered runs (each rule reports in text order, and the rules run one after another),
    /// which are merged pairwise, so the cost is n log(runs), linear in the number of findings
    /// for a fixed number of rules, where a comparison sort would pay n log n.</summary>
    internal static void SortStable(List<PlanDiagnostic> diagnostics)
    {
        var items = diagnostics.ToArray();
        var sorted = SortStable(items, items.Length);
        for (var i = 0; i < sorted.Length && i < diagnostics.Count; i++)
        {
            diagnostics[i] = sorted[i];
        }
    }

    /// <summary>Sorts the first <paramref name="count"/> items of <paramref name="items"/> as
    /// above and returns the array that holds them in order: <paramref name="items"/> itself when it
    /// was in order already, else one buffer of the same length (the only other allocation, so a
    /// plan with many findings adds one large array, not several).</summary>
    internal static PlanDiagnostic[] SortStable(PlanDiagnostic[] items, int count)
    {
        if (count < 2)
        {
            return items;
        }

        // Run boundaries: runs[k] is where run k starts; the last entry is the count.
        var runs = new List<int> { 0 };
        for (var i = 1; i < count; i++)
        {
            if (Compare(items[i - 1], items[i]) > 0)
            {
                runs.Add(i);
            }
        }

        if (runs.Count == 1)
        {
            return items;
        }

        runs.Add(count);
        var source = items;
        var target = new PlanDiagnostic[items.Length];
        while (runs.Count > 2)
        {
            // Merge runs 0+1, 2+3, ... from source into target; an odd last run is copied.
            var merged = new List<int>((runs.Count / 2) + 2);
            for (var k = 0; k + 1 < runs.Count; k += 2)
            {
                merged.Add(runs[k]);
                if (k + 2 < runs.Count)
                {
                    Merge(source, runs[k], runs[k + 1], runs[k + 2], target);
                }
                else
                {
                    Array.Copy(source, runs[k], target, runs[k], runs[k + 1] - runs[k]);
                }
            }

            merged.Add(count);
            runs = merged;
            (source, target) = (target, source);
        }

        return source;
    }

    /// <summary>Merges the ordered ranges [from, middle) and [middle, to) of <paramref name="source"/>
    /// into the same range of <paramref name="target"/>; on a tie the left (earlier) one goes first.</summary>
    private static void Merge(PlanDiagnostic[] source, int from, int middle, int to, PlanDiagnostic[] target)
    {
        var left = from;
        var right = middle;
        var next = from;
        while (left < middle && right < to)
        {
            target[next++] = Compare(source[left], source[right]) <= 0 ? source[left++] : source[right++];
        }

        Array.Copy(source, left, target, next, middle - left);
        Array.Copy(source, right, target, next + (middle - left), to - right);
    }

    private static int Compare(PlanDiagnostic a, PlanDiagnostic b)
    {
        var c = a.Span.CompareTo(b.Span);
        return c != 0 || ReferenceEquals(a.Id, b.Id) ? c : string.CompareOrdinal(a.Id, b.Id);
    }
}
