namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Model;
using Markdig.Syntax;

/// <summary>Cutting a section into units (regions split at primary labels) and finding the
/// <c>Label: value</c> fields in a unit.</summary>
internal static partial class EntryParser
{
    private static int TrimStartOf(string text, int start, int end)
    {
        while (start < end && (text[start] == '#' || text[start] == ' ' || text[start] == '\t'))
        {
            start++;
        }

        return start;
    }

    /// <summary>A heading's text without its marks: white space, then '#'s, trimmed from the start,
    /// then white space, then '#'s from the end (in that order), as offsets into the text.</summary>
    private static (int Start, int End) StripHeadingMarks(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (start < end && text[start] == '#')
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        while (end > start && text[end - 1] == '#')
        {
            end--;
        }

        return (start, end);
    }

    private static (int Start, int End) CodeContent(CodeBlock code, string text, LineMap lines)
    {
        var firstLine = lines.LineIndexOf(code.Span.Start);
        var lastLine = lines.LineIndexOf(Math.Min(text.Length, code.Span.End));
        if (code is FencedCodeBlock)
        {
            firstLine++;
            lastLine--;
        }

        if (lastLine < firstLine)
        {
            return (0, 0);
        }

        var start = code is FencedCodeBlock ? lines.LineStart(firstLine) : code.Span.Start;
        var end = lines.LineStart(lastLine) + PlanParser.LineText(text, lines, lastLine).Length;
        return (start, Math.Min(text.Length, end));
    }

    /// <summary>Cuts a region (list item, paragraph, indented block) into units at every line that
    /// starts with the primary label. Text before the first labelled line of a region whose first
    /// line is unlabelled is dropped, unless the region has no primary line at all and is a list
    /// item (then the whole item is one unlabelled unit). Units are added to <paramref name="scratch"/>.</summary>
    private static void SplitRegion(Scratch scratch, string text, LineMap lines, LabelSet set, int start, int end, bool keepUnlabelled)
    {
        var added = scratch.UnitCount;
        var firstLine = lines.LineIndexOf(start);
        var lastLine = lines.LineIndexOf(Math.Max(start, end - 1));
        var unitStart = -1;
        var unitKind = UnitKind.Unlabelled;
        var unitLabel = NoLabel;
        for (var line = firstLine; line <= lastLine; line++)
        {
            var lineStart = Math.Max(start, lines.LineStart(line));
            var lineEnd = LineEndFrom(text, lineStart, end);
            var contentStart = lineStart;
            while (contentStart < lineEnd && char.IsWhiteSpace(text[contentStart]))
            {
                contentStart++;
            }

            if (contentStart == lineEnd)
            {
                continue;
            }

            // Past the first line only the primary label matters (it starts a new unit).
            var label = line == firstLine || set.MayStartWithPrimary(text, lineStart, lineEnd) ? set.MatchIndexAtStart(text, lineStart, lineEnd) : NoLabel;
            if (line == firstLine)
            {
                unitStart = contentStart;
                unitKind = label == NoLabel ? UnitKind.Unlabelled : label == set.PrimaryIndex ? UnitKind.Primary : UnitKind.Field;
                unitLabel = label;
            }
            else if (label == set.PrimaryIndex)
            {
                if (unitKind != UnitKind.Unlabelled)
                {
                    scratch.AddUnit(set, text, unitStart, TrimEnd(text, unitStart, contentStart), unitKind, unitLabel, isHeading: false);
                }

                unitStart = contentStart;
                unitKind = UnitKind.Primary;
                unitLabel = label;
            }
        }

        if (unitStart >= 0 && (unitKind != UnitKind.Unlabelled || (keepUnlabelled && scratch.UnitCount == added)))
        {
            scratch.AddUnit(set, text, unitStart, TrimEnd(text, unitStart, end), unitKind, unitLabel, isHeading: false);
        }
    }

    /// <summary>The end of the line starting at <paramref name="lineStart"/> (before its break), at most <paramref name="limit"/>.</summary>
    private static int LineEndFrom(string text, int lineStart, int limit)
    {
        // A vectorised search: entry lines are long prose, and each is looked for twice (cut, fields).
        var lineEnd = lineStart < limit ? text.IndexOfAny(LineBreaks, lineStart, limit - lineStart) : -1;
        return lineEnd < 0 ? Math.Max(lineStart, limit) : lineEnd;
    }

    private static readonly char[] LineBreaks = ['\r', '\n'];

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>The labels of the unit [start, end): the one that starts each line (colon, dash or a
    /// bold label alone on its line), and colon labels further along a line ("Severity: low.
    /// Likelihood: high."), added to <paramref name="scratch"/>'s fields in order.</summary>
    private static void FindFields(Scratch scratch, LabelSet set, string text, int start, int end, bool isHeading)
    {
        var lineStart = start;
        while (lineStart < end)
        {
            var lineEnd = LineEndFrom(text, lineStart, end);
            var scanFrom = lineStart;
            LabelHit hit;
            if (set.MayStartWithLabel(text, lineStart, lineEnd)
                && (isHeading ? set.TryHeadingStart(text, lineStart, lineEnd, out hit) : set.TryAtStart(text, lineStart, lineEnd, out hit)))
            {
                scratch.AddField(new FoundField(hit, set.CanonicalAt(hit.Canonical)));
                scanFrom = hit.End;
            }

            // A colon label needs a colon: most lines have none after their leading label.
            if (scanFrom < lineEnd && text.IndexOfAny(Colons, scanFrom, lineEnd - scanFrom) >= 0)
            {
                while (set.TryAnywhere(text, lineStart, scanFrom, lineEnd, out hit))
                {
                    scratch.AddField(new FoundField(hit, set.CanonicalAt(hit.Canonical)));
                    scanFrom = hit.End;
                }
            }

            lineStart = NextLineStart(text, lineEnd, end);
        }
    }

    private static readonly char[] Colons = [':', '：'];

    private static int NextLineStart(string text, int lineEnd, int limit)
    {
        while (lineEnd < limit && (text[lineEnd] == '\n' || text[lineEnd] == '\r'))
        {
            lineEnd++;
        }

        return lineEnd;
    }

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
