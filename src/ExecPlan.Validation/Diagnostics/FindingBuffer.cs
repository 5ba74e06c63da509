namespace ExecPlan.Validation.Diagnostics;

using System;
using System.Collections;
using System.Collections.Generic;
using ExecPlan.Validation.Rules;

/// <summary>
/// The raw findings of one validation, in the order the rules reported them. Kept in blocks of
/// <see cref="BlockSize"/> findings (about 41 KB each, under the 85,000-byte large-object
/// threshold), so a plan with 100,000 findings allocates no large array: large arrays count
/// against the large-object budget, and when it runs out the GC collects gen2 with the whole
/// model live. The first block grows like a list (most plans have a handful of findings).
/// </summary>
internal sealed class FindingBuffer : IEnumerable<Finding>
{
    /// <summary>Findings per block (a power of two, so an index splits by shift and mask).</summary>
    internal const int BlockSize = 1 << BlockShift;

    private const int BlockShift = 10;
    private const int BlockMask = BlockSize - 1;
    private const int FirstCapacity = 4;

    private Finding[][] _blocks = [[]];

    public int Count { get; private set; }

    public Finding this[int index]
    {
        get => _blocks[index >> BlockShift][index & BlockMask];
        set => _blocks[index >> BlockShift][index & BlockMask] = value;
    }

    public void Add(in Finding finding)
    {
        var block = Count >> BlockShift;
        var offset = Count & BlockMask;
        if (block == _blocks.Length)
        {
            Array.Resize(ref _blocks, _blocks.Length * 2);
        }

        var items = _blocks[block];
        if (items is null)
        {
            // Only the first block grows; a later one starts full size, as the plan has many findings.
            _blocks[block] = items = new Finding[BlockSize];
        }
        else if (offset == items.Length)
        {
            Array.Resize(ref items, Math.Max(FirstCapacity, items.Length * 2));
            _blocks[block] = items;
        }

        items[offset] = finding;
        Count++;
    }

    /// <summary>Keeps the first <paramref name="count"/> findings, dropping the rest.</summary>
    public void Truncate(int count)
    {
        if (count < 0 || count > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        for (var i = count; i < Count; i++)
        {
            this[i] = default;
        }

        Count = count;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Finding> IEnumerable<Finding>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the findings in order without allocating.</summary>
    internal struct Enumerator : IEnumerator<Finding>
    {
        private readonly FindingBuffer _buffer;
        private int _index;

        public Enumerator(FindingBuffer buffer)
        {
            _buffer = buffer;
            _index = -1;
        }

        public readonly Finding Current => _buffer[_index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _buffer.Count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}

/// <summary>A buffer's findings compared in report order (span, then rule ID).</summary>
internal readonly struct FindingKeys : IOrderKeys
{
    private readonly FindingBuffer _findings;

    public FindingKeys(FindingBuffer findings) => _findings = findings;

    public int Compare(int left, int right)
    {
        var a = _findings[left];
        var b = _findings[right];
        return DiagnosticOrder.Compare(a.Span, a.Descriptor.Id, b.Span, b.Descriptor.Id);
    }
}
