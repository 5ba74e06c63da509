namespace ExecPlan.Validation.Diagnostics;

using System;
using System.Collections.Generic;

/// <summary>The one order every front end reports a plan's findings in: by span, then ID.</summary>
internal static class DiagnosticOrder
{
    /// <summary>Sorts by span, then ID, stably (findings of one rule at one place keep the rule's
    /// own order), in place and without LINQ, by <see cref="ReportOrder{TKeys}"/>.</summary>
    internal static void SortStable(List<PlanDiagnostic> diagnostics)
    {
        var items = diagnostics.ToArray();
        var order = new ReportOrder<DiagnosticKeys>(new DiagnosticKeys(items), items.Length);
        var next = 0;
        while (order.TryNext(out var index))
        {
            diagnostics[next++] = items[index];
        }
    }

    /// <summary>The report order of two findings: span, then ID (ordinal).</summary>
    internal static int Compare(in SourceSpan leftSpan, string leftId, in SourceSpan rightSpan, string rightId)
    {
        var c = leftSpan.CompareTo(rightSpan);
        return c != 0 || ReferenceEquals(leftId, rightId) ? c : string.CompareOrdinal(leftId, rightId);
    }

    private readonly struct DiagnosticKeys : IOrderKeys
    {
        private readonly PlanDiagnostic[] _items;

        public DiagnosticKeys(PlanDiagnostic[] items) => _items = items;

        public int Compare(int left, int right) =>
            DiagnosticOrder.Compare(_items[left].Span, _items[left].Id, _items[right].Span, _items[right].Id);
    }
}

/// <summary>Compares two items of a sequence by index, in report order.</summary>
internal interface IOrderKeys
{
    int Compare(int left, int right);
}

/// <summary>
/// The indexes of a sequence's items in stable report order, one at a time, without moving or
/// copying the items. The sequence is cut into its already ordered runs (each rule reports in
/// text order, and the rules run one after another), and the runs are merged through a heap of
/// their next items, ties going to the earlier run: the stable order, for n log(runs)
/// comparisons (linear in the findings for a fixed number of rules) and no buffer of the
/// sequence's size, so a plan with many findings allocates no large array to sort them.
/// A mutable struct: keep it in one local and do not copy it.
/// </summary>
internal struct ReportOrder<TKeys>
    where TKeys : struct, IOrderKeys
{
    private readonly TKeys _keys;
    private readonly int _count;
    private readonly int[]? _next;
    private readonly int[]? _ends;
    private readonly int[]? _heap;
    private int _position;
    private int _heapSize;

    public ReportOrder(TKeys keys, int count)
    {
        _keys = keys;
        _count = count;
        _position = 0;
        _next = _ends = _heap = null;
        _heapSize = 0;

        // Counted first, then recorded: no list grows, and a sequence in order allocates nothing.
        var runs = 1;
        for (var i = 1; i < count; i++)
        {
            if (keys.Compare(i - 1, i) > 0)
            {
                runs++;
            }
        }

        if (runs == 1)
        {
            // Already in order (the usual case): the indexes as they are.
            return;
        }

        _next = new int[runs];
        _ends = new int[runs];
        _heap = new int[runs];
        var run = 0;
        for (var i = 1; i < count; i++)
        {
            if (keys.Compare(i - 1, i) > 0)
            {
                _ends[run] = i;
                _next[++run] = i;
            }
        }

        _ends[run] = count;
        for (var r = 0; r < runs; r++)
        {
            _heap[r] = r;
        }

        _heapSize = runs;
        for (var h = (runs / 2) - 1; h >= 0; h--)
        {
            SiftDown(h);
        }
    }

    /// <summary>The index of the next item in report order; false after the last.</summary>
    public bool TryNext(out int index)
    {
        if (_heap is null)
        {
            index = _position;
            _position++;
            return index < _count;
        }

        if (_heapSize == 0)
        {
            index = -1;
            return false;
        }

        var run = _heap[0];
        index = _next![run]++;
        if (_next[run] == _ends![run])
        {
            _heap[0] = _heap[--_heapSize];
        }

        SiftDown(0);
        return true;
    }

    private readonly void SiftDown(int at)
    {
        var heap = _heap!;
        var size = _heapSize;
        var run = heap[at];
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= size)
            {
                break;
            }

            if (child + 1 < size && Before(heap[child + 1], heap[child]))
            {
                child++;
            }

            if (!Before(heap[child], run))
            {
                break;
            }

            heap[at] = heap[child];
            at = child;
        }

        heap[at] = run;
    }

    /// <summary>Whether run <paramref name="a"/>'s next item comes before run <paramref name="b"/>'s:
    /// by key, and on a tie the earlier run first (what keeps the order stable).</summary>
    private readonly bool Before(int a, int b)
    {
        var c = _keys.Compare(_next![a], _next[b]);
        return c < 0 || (c == 0 && a < b);
    }
}
