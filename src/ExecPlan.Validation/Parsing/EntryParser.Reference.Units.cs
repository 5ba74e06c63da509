namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;

/// <summary>The reference grouper's units: a class per unit, its fields found once into a list of its own.</summary>
internal static partial class EntryParser
{
    private static partial class Reference
    {
        /// <summary>The end of the line starting at <paramref name="lineStart"/> (before its break), at most <paramref name="limit"/>.</summary>
        private static int LineEndFrom(string text, int lineStart, int limit)
        {
            var lineEnd = lineStart;
            while (lineEnd < limit && text[lineEnd] != '\n' && text[lineEnd] != '\r')
            {
                lineEnd++;
            }

            return lineEnd;
        }

        /// <summary>Cuts a region (list item, paragraph, indented block) into units at every line that
        /// starts with the primary label. Text before the first labelled line of a region whose first
        /// line is unlabelled is dropped, unless the region has no primary line at all and is a list
        /// item (then the whole item is one unlabelled unit). Units are added to <paramref name="result"/>.</summary>
        private static void SplitRegion(List<Unit> result, string text, LineMap lines, LabelSet set, int start, int end, bool keepUnlabelled)
        {
            var added = result.Count;
            var firstLine = lines.LineIndexOf(start);
            var lastLine = lines.LineIndexOf(Math.Max(start, end - 1));
            var unitStart = -1;
            UnitKind unitKind = UnitKind.Unlabelled;
            string? unitLabel = null;
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
                var label = line == firstLine || set.MayStartWithPrimary(text, lineStart, lineEnd) ? set.MatchAtStart(text, lineStart, lineEnd) : null;
                if (line == firstLine)
                {
                    unitStart = contentStart;
                    unitKind = label is null ? UnitKind.Unlabelled : label == set.Primary ? UnitKind.Primary : UnitKind.Field;
                    unitLabel = label;
                }
                else if (label == set.Primary)
                {
                    if (unitKind != UnitKind.Unlabelled)
                    {
                        result.Add(new Unit(unitStart, TrimEnd(text, unitStart, contentStart), unitKind, unitLabel));
                    }

                    unitStart = contentStart;
                    unitKind = UnitKind.Primary;
                    unitLabel = label;
                }
            }

            if (unitStart >= 0 && (unitKind != UnitKind.Unlabelled || (keepUnlabelled && result.Count == added)))
            {
                result.Add(new Unit(unitStart, TrimEnd(text, unitStart, end), unitKind, unitLabel));
            }
        }

        /// <summary>The labels of a unit: the one that starts each line (colon, dash or a bold label
        /// alone on its line), and colon labels further along a line ("Severity: low. Likelihood: high.").</summary>
        private static List<FoundField> FindFields(LabelSet set, string text, Unit unit)
        {
            return unit.Fields ??= Find(set, text, unit);

            static List<FoundField> Find(LabelSet set, string text, Unit unit)
            {
                var found = new List<FoundField>();
                var lineStart = unit.Start;
                while (lineStart < unit.End)
                {
                    var lineEnd = LineEndFrom(text, lineStart, unit.End);
                    var scanFrom = lineStart;
                    LabelHit hit;
                    if (set.MayStartWithLabel(text, lineStart, lineEnd)
                        && (unit.IsHeading ? set.TryHeadingStart(text, lineStart, lineEnd, out hit) : set.TryAtStart(text, lineStart, lineEnd, out hit)))
                    {
                        found.Add(new FoundField(hit, set.CanonicalAt(hit.Canonical)));
                        scanFrom = hit.End;
                    }

                    // A colon label needs a colon: most lines have none after their leading label.
                    if (scanFrom < lineEnd && text.IndexOfAny(Colons, scanFrom, lineEnd - scanFrom) >= 0)
                    {
                        while (set.TryAnywhere(text, lineStart, scanFrom, lineEnd, out hit))
                        {
                            found.Add(new FoundField(hit, set.CanonicalAt(hit.Canonical)));
                            scanFrom = hit.End;
                        }
                    }

                    lineStart = NextLineStart(text, lineEnd, unit.End);
                }

                return found;
            }
        }

        /// <summary>A unit of a section (a class, so the fields found in it are found once).</summary>
        private sealed class Unit
        {
            public Unit(int start, int end, UnitKind kind, string? label, bool isHeading = false)
            {
                Start = start;
                End = Math.Max(start, end);
                Kind = kind;
                Label = label;
                IsHeading = isHeading;
            }

            public int Start { get; }

            public int End { get; }

            public UnitKind Kind { get; }

            public string? Label { get; }

            public bool IsHeading { get; }

            /// <summary>The unit's labels, once <see cref="FindFields"/> has looked.</summary>
            public List<FoundField>? Fields { get; set; }
        }
    }
}
