namespace ExecPlan.Validation.Diagnostics;

using System;
using System.Collections;
using System.Collections.Generic;

/// <summary>
/// A read-only list of a plan's diagnostics too many for one small array: blocks of
/// <see cref="BlockSize"/> references (64 KB, under the 85,000-byte large-object threshold), so a
/// plan with 100,000 findings does not allocate its result on the large object heap. Fewer
/// diagnostics are returned as a plain array (<see cref="Create"/>).
/// </summary>
internal sealed class ChunkedDiagnostics : IReadOnlyList<PlanDiagnostic>, ICollection<PlanDiagnostic>
{
    /// <summary>References per block, and the most diagnostics returned as one array.</summary>
    internal const int BlockSize = 1 << BlockShift;

    private const int BlockShift = 13;
    private const int BlockMask = BlockSize - 1;

    private readonly PlanDiagnostic[][] _blocks;

    private ChunkedDiagnostics(int count)
    {
        Count = count;
        _blocks = new PlanDiagnostic[(count + BlockMask) >> BlockShift][];
        for (var b = 0; b < _blocks.Length; b++)
        {
            _blocks[b] = new PlanDiagnostic[Math.Min(BlockSize, count - (b << BlockShift))];
        }
    }

    public int Count { get; }

    bool ICollection<PlanDiagnostic>.IsReadOnly => true;

    public PlanDiagnostic this[int index] =>
        (uint)index < (uint)Count ? _blocks[index >> BlockShift][index & BlockMask] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>An empty store for exactly <paramref name="count"/> diagnostics, filled by
    /// <see cref="Set"/>: a plain array up to <see cref="BlockSize"/>, else blocks.</summary>
    internal static IReadOnlyList<PlanDiagnostic> Create(int count) =>
        count <= BlockSize ? new PlanDiagnostic[count] : new ChunkedDiagnostics(count);

    /// <summary>Stores a diagnostic in a list <see cref="Create"/> made.</summary>
    internal static void Set(IReadOnlyList<PlanDiagnostic> list, int index, PlanDiagnostic diagnostic)
    {
        if (list is PlanDiagnostic[] array)
        {
            array[index] = diagnostic;
        }
        else
        {
            var chunked = (ChunkedDiagnostics)list;
            chunked._blocks[index >> BlockShift][index & BlockMask] = diagnostic;
        }
    }

    public bool Contains(PlanDiagnostic item) => IndexOf(item) >= 0;

    public void CopyTo(PlanDiagnostic[] array, int arrayIndex)
    {
        if (array is null)
        {
            throw new ArgumentNullException(nameof(array));
        }

        foreach (var block in _blocks)
        {
            Array.Copy(block, 0, array, arrayIndex, block.Length);
            arrayIndex += block.Length;
        }
    }

    public IEnumerator<PlanDiagnostic> GetEnumerator()
    {
        foreach (var block in _blocks)
        {
            foreach (var diagnostic in block)
            {
                yield return diagnostic;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<PlanDiagnostic>.Add(PlanDiagnostic item) => throw new NotSupportedException();

    void ICollection<PlanDiagnostic>.Clear() => throw new NotSupportedException();

    bool ICollection<PlanDiagnostic>.Remove(PlanDiagnostic item) => throw new NotSupportedException();

    private int IndexOf(PlanDiagnostic item)
    {
        for (var b = 0; b < _blocks.Length; b++)
        {
            var i = Array.IndexOf(_blocks[b], item);
            if (i >= 0)
            {
                return (b << BlockShift) + i;
            }
        }

        return -1;
    }
}
