namespace ExecPlan.Validation.Parsing;

using System;

/// <summary>The grouper's working data: a unit, a label found in it, and the per-thread buffers
/// that hold them while one section is read.</summary>
internal static partial class EntryParser
{
    /// <summary>No label (a unit that starts with none, or a break).</summary>
    private const int NoLabel = -1;

    /// <summary>A label found in a unit: where it is written, where its value starts, its canonical name.</summary>
    private readonly struct FoundField
    {
        public FoundField(LabelHit hit, string canonical)
        {
            LabelStart = hit.LabelStart;
            LabelEnd = hit.LabelEnd;
            ValueStart = hit.End;
            CanonicalIndex = hit.Canonical;
            Canonical = canonical;
        }

        public int LabelStart { get; }

        public int LabelEnd { get; }

        public int ValueStart { get; }

        /// <summary>The index of <see cref="Canonical"/> in its set.</summary>
        public int CanonicalIndex { get; }

        public string Canonical { get; }
    }

    /// <summary>A unit of a section, with the run of <see cref="Scratch.Found"/> that holds its
    /// labels (found when the unit is cut: every unit but a break ends up in an entry or beside one).</summary>
    private readonly struct Unit
    {
        public Unit(int start, int end, UnitKind kind, int label, bool isHeading, int fieldStart, int fieldCount)
        {
            Start = start;
            End = end;
            Kind = kind;
            Label = label;
            IsHeading = isHeading;
            FieldStart = fieldStart;
            FieldCount = fieldCount;
        }

        public int Start { get; }

        public int End { get; }

        public UnitKind Kind { get; }

        /// <summary>The index of the unit's first label in its set, or <see cref="NoLabel"/>.</summary>
        public int Label { get; }

        public bool IsHeading { get; }

        public int FieldStart { get; }

        public int FieldCount { get; }
    }

    /// <summary>The buffers one section is grouped in (units, their fields, the text of an entry of
    /// several units), kept per thread and reused: a section allocates its entries only. A buffer
    /// grown past <see cref="KeepLimit"/> by a huge section is dropped afterwards, not kept.</summary>
    private sealed class Scratch
    {
        private const int KeepLimit = 4096;

        [ThreadStatic]
        private static Scratch? ThreadScratch;

        private bool _inUse;

        public Unit[] Units { get; private set; } = new Unit[64];

        public int UnitCount { get; private set; }

        public FoundField[] Found { get; private set; } = new FoundField[64];

        public int FoundCount { get; private set; }

        private char[] _chars = new char[256];

        /// <summary>This thread's buffers, empty; a fresh set if they are in use (never re-entered today).</summary>
        public static Scratch Take()
        {
            var scratch = ThreadScratch;
            if (scratch is null || scratch._inUse)
            {
                scratch = new Scratch();
                ThreadScratch ??= scratch;
            }

            scratch._inUse = true;
            scratch.UnitCount = 0;
            scratch.FoundCount = 0;
            return scratch;
        }

        public void Release()
        {
            if (Units.Length > KeepLimit)
            {
                Units = new Unit[64];
            }

            if (Found.Length > KeepLimit)
            {
                Found = new FoundField[64];
            }

            if (_chars.Length > KeepLimit * 4)
            {
                _chars = new char[256];
            }

            _inUse = false;
        }

        /// <summary>Adds a unit [start, end) and, unless it is a break, finds its labels.</summary>
        public void AddUnit(LabelSet set, string text, int start, int end, UnitKind kind, int label, bool isHeading)
        {
            end = Math.Max(start, end);
            var fieldStart = FoundCount;
            if (kind != UnitKind.Break)
            {
                FindFields(this, set, text, start, end, isHeading);
            }

            if (UnitCount == Units.Length)
            {
                var grown = new Unit[Units.Length * 2];
                Array.Copy(Units, grown, UnitCount);
                Units = grown;
            }

            Units[UnitCount++] = new Unit(start, end, kind, label, isHeading, fieldStart, FoundCount - fieldStart);
        }

        public void AddField(FoundField field)
        {
            if (FoundCount == Found.Length)
            {
                var grown = new FoundField[Found.Length * 2];
                Array.Copy(Found, grown, FoundCount);
                Found = grown;
            }

            Found[FoundCount++] = field;
        }

        /// <summary>The text of units [first, first + count): each unit's text, a line break
        /// between (none before the first non-empty one), as one string.</summary>
        public string Join(string text, int first, int count)
        {
            var length = 0;
            for (var u = first; u < first + count; u++)
            {
                var unitLength = Units[u].End - Units[u].Start;
                length += length > 0 ? unitLength + 1 : unitLength;
            }

            if (_chars.Length < length)
            {
                _chars = new char[Math.Max(length, _chars.Length * 2)];
            }

            var at = 0;
            for (var u = first; u < first + count; u++)
            {
                if (at > 0)
                {
                    _chars[at++] = '\n';
                }

                var unitLength = Units[u].End - Units[u].Start;
                text.CopyTo(Units[u].Start, _chars, at, unitLength);
                at += unitLength;
            }

            return new string(_chars, 0, at);
        }
    }
}
