namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Model;

/// <summary>Grouping a section's units into entries and building each entry and its fields.</summary>
internal static partial class EntryParser
{
    /// <summary>Groups the units into entries. The open entry is always a run of consecutive
    /// units (every unit but a break joins it, a break closes it), so it is a start and a count;
    /// its labels are a bit per canonical label of the set.</summary>
    private static void Group(List<PlanEntry> entries, Scratch scratch, SectionKind kind, LabelSet set, string text, LineMap lines)
    {
        var units = scratch.Units;
        var openStart = 0;
        var openCount = 0;
        var openLabels = 0;
        for (var u = 0; u < scratch.UnitCount; u++)
        {
            var unit = units[u];
            switch (unit.Kind)
            {
                case UnitKind.Break:
                    Flush(entries, scratch, kind, text, lines, openStart, ref openCount, ref openLabels);
                    break;
                case UnitKind.Unlabelled when openCount > 0 && units[openStart].IsHeading:
                    // An entry opened by its own heading ("### Decision 2") owns its subsection:
                    // a bare list item there is part of its body, not an entry of its own.
                    openCount++;
                    break;
                case UnitKind.Unlabelled:
                    Flush(entries, scratch, kind, text, lines, openStart, ref openCount, ref openLabels);
                    openStart = u;
                    openCount = 1;
                    Flush(entries, scratch, kind, text, lines, openStart, ref openCount, ref openLabels);
                    break;
                case UnitKind.Primary:
                    if (openCount == 1 && units[openStart].IsHeading && !unit.IsHeading)
                    {
                        // "### Decision 2: ..." then "- Decision: ...": the heading only titles
                        // the labelled entry under it.
                        openCount = 0;
                        openLabels = 0;
                    }

                    Flush(entries, scratch, kind, text, lines, openStart, ref openCount, ref openLabels);
                    openStart = u;
                    openCount = 1;
                    openLabels |= 1 << unit.Label;
                    break;
                default:
                    // A field continues the open entry unless that entry already has it (then a
                    // new entry with no primary label starts: it will be reported as such).
                    if (openCount == 0 || (openLabels & (1 << unit.Label)) != 0)
                    {
                        Flush(entries, scratch, kind, text, lines, openStart, ref openCount, ref openLabels);
                    }

                    if (openCount == 0)
                    {
                        openStart = u;
                    }

                    openCount++;
                    for (var f = unit.FieldStart; f < unit.FieldStart + unit.FieldCount; f++)
                    {
                        openLabels |= 1 << scratch.Found[f].CanonicalIndex;
                    }

                    break;
            }
        }

        Flush(entries, scratch, kind, text, lines, openStart, ref openCount, ref openLabels);
    }

    private static void Flush(List<PlanEntry> entries, Scratch scratch, SectionKind kind, string text, LineMap lines, int openStart, ref int openCount, ref int openLabels)
    {
        if (openCount > 0)
        {
            entries.Add(MakeEntry(kind, scratch, text, lines, openStart, openCount));
            openCount = 0;
            openLabels = 0;
        }
    }

    private static PlanEntry MakeEntry(SectionKind kind, Scratch scratch, string text, LineMap lines, int first, int count)
    {
        var units = scratch.Units;
        var found = scratch.Found;
        var fieldCount = 0;
        for (var u = first; u < first + count; u++)
        {
            fieldCount += units[u].FieldCount;
        }

        var fields = new List<EntryField>(fieldCount);

        // Whether some value says "none" and every other one is empty or says so too (as
        // AllFieldsNone), tested on the values' ranges as they are found.
        var anyNone = false;
        var notNone = false;
        for (var u = first; u < first + count; u++)
        {
            var unit = units[u];
            var last = unit.FieldStart + unit.FieldCount;
            for (var i = unit.FieldStart; i < last; i++)
            {
                var field = found[i];
                var valueStart = field.ValueStart;
                var valueEnd = i + 1 < last ? found[i + 1].LabelStart : unit.End;
                while (valueEnd > valueStart && (char.IsWhiteSpace(text[valueEnd - 1]) || text[valueEnd - 1] is '*' or '_'))
                {
                    valueEnd--;
                }

                valueEnd = Math.Max(valueEnd, valueStart);
                if (!notNone)
                {
                    var noneStart = valueStart;
                    var noneEnd = valueEnd;
                    TrimRange(text, ref noneStart, ref noneEnd);
                    var none = noneEnd > noneStart && MayBeNone(text, noneStart, noneEnd) && NoneValue.IsMatch(text.Substring(noneStart, noneEnd - noneStart));
                    notNone = !none && noneEnd > noneStart;
                    anyNone |= none;
                }

                fields.Add(new EntryField(
                    field.Canonical,
                    LabelText(text, field.LabelStart, field.LabelEnd, field.Canonical),
                    text,
                    valueStart,
                    valueEnd - valueStart,
                    lines.Span(field.LabelStart, field.LabelEnd),
                    valueEnd > valueStart ? lines.Span(valueStart, valueEnd) : lines.Point(valueStart)));
            }
        }

        var start = units[first].Start;
        var end = units[first + count - 1].End;
        var firstLineEnd = start;
        while (firstLineEnd < end && text[firstLineEnd] != '\n' && text[firstLineEnd] != '\r')
        {
            firstLineEnd++;
        }

        // Most entries are one unit: their text is a range of the plan's, cut when first read;
        // an entry of several units is joined now.
        var source = text;
        var textStart = start;
        var textLength = units[first].End - start;
        if (count > 1)
        {
            source = scratch.Join(text, first, count);
            textStart = 0;
            textLength = source.Length;
        }

        var isNone = fields.Count == 0
            ? IsNoneMarker(source, textStart, textStart + textLength)
            : anyNone && !notNone;
        return new PlanEntry(kind, source, textStart, textLength, lines.Span(start, Math.Max(end, start + 1)), lines.Span(start, Math.Max(firstLineEnd, start + 1)), fields, isNone);
    }

    /// <summary>A label as written; most are written as their canonical name ("Risk",
    /// "Rationale"), whose string is then shared instead of copied once per field.</summary>
    private static string LabelText(string text, int start, int end, string canonical) =>
        end - start == canonical.Length && string.CompareOrdinal(text, start, canonical, 0, canonical.Length) == 0
            ? canonical
            : text.Substring(start, end - start);
}
