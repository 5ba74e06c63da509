namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using System.Text;
using ExecPlan.Validation.Model;
using Markdig.Syntax;

/// <summary>The grouper as it was first written (a class per unit, a list of fields per unit, a
/// set of labels per entry): the specification the allocation-lean one in EntryParser.cs must
/// equal, entry for entry. Only the tests run it.</summary>
internal static partial class EntryParser
{
    /// <summary>For tests: the entries of a section by the reference grouper.</summary>
    internal static List<PlanEntry> ParseByReference(PlanSection section, string text, LineMap lines) => Reference.Parse(section, text, lines);

    private static partial class Reference
    {
        public static List<PlanEntry> Parse(PlanSection section, string text, LineMap lines)
        {
            var kind = section.Kind;
            var set = SetOf(kind);
            var units = new List<Unit>();
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case HeadingBlock heading:
                        var headingStart = heading.Span.Start;
                        var headingEnd = Math.Min(text.Length, heading.Span.End + 1);
                        var (nameStart, nameEnd) = StripHeadingMarks(text, headingStart, headingEnd);
                        units.Add(set.TryHeadingStart(text, nameStart, nameEnd, out var headingLabel) && set.CanonicalAt(headingLabel.Canonical) == set.Primary
                            ? new Unit(TrimStartOf(text, headingStart, headingEnd), TrimEnd(text, headingStart, headingEnd), UnitKind.Primary, set.Primary, isHeading: true)
                            : new Unit(headingStart, headingEnd, UnitKind.Break, null));
                        break;
                    case ThematicBreakBlock:
                        units.Add(new Unit(block.Span.Start, block.Span.Start, UnitKind.Break, null));
                        break;
                    case ListBlock list:
                        foreach (var item in list)
                        {
                            SplitRegion(units, text, lines, set, item.Span.Start, Math.Min(text.Length, item.Span.End + 1), keepUnlabelled: true);
                        }

                        break;
                    case CodeBlock code:
                        var (codeStart, codeEnd) = CodeContent(code, text, lines);
                        if (codeEnd > codeStart)
                        {
                            SplitRegion(units, text, lines, set, codeStart, codeEnd, keepUnlabelled: false);
                        }

                        break;
                    case ParagraphBlock paragraph:
                        SplitRegion(units, text, lines, set, paragraph.Span.Start, Math.Min(text.Length, paragraph.Span.End + 1), keepUnlabelled: false);
                        break;
                }
            }

            var entries = new List<PlanEntry>();
            var open = new List<Unit>();
            var openLabels = new HashSet<string>(StringComparer.Ordinal);
            void Flush()
            {
                if (open.Count > 0)
                {
                    entries.Add(MakeEntry(kind, set, text, lines, open));
                    open.Clear();
                    openLabels.Clear();
                }
            }

            foreach (var unit in units)
            {
                switch (unit.Kind)
                {
                    case UnitKind.Break:
                        Flush();
                        break;
                    case UnitKind.Unlabelled when open.Count > 0 && open[0].IsHeading:
                        // An entry opened by its own heading ("### Decision 2") owns its subsection:
                        // a bare list item there is part of its body, not an entry of its own.
                        open.Add(unit);
                        break;
                    case UnitKind.Unlabelled:
                        Flush();
                        open.Add(unit);
                        Flush();
                        break;
                    case UnitKind.Primary:
                        if (open.Count == 1 && open[0].IsHeading && !unit.IsHeading)
                        {
                            // "### Decision 2: ..." then "- Decision: ...": the heading only titles
                            // the labelled entry under it.
                            open.Clear();
                            openLabels.Clear();
                        }

                        Flush();
                        open.Add(unit);
                        openLabels.Add(unit.Label!);
                        break;
                    default:
                        // A field continues the open entry unless that entry already has it (then a
                        // new entry with no primary label starts: it will be reported as such).
                        if (open.Count == 0 || openLabels.Contains(unit.Label!))
                        {
                            Flush();
                        }

                        open.Add(unit);
                        foreach (var field in FindFields(set, text, unit))
                        {
                            openLabels.Add(field.Canonical);
                        }

                        break;
                }
            }

            Flush();
            return entries;
        }

        private static PlanEntry MakeEntry(SectionKind kind, LabelSet set, string text, LineMap lines, List<Unit> units)
        {
            var fields = new List<EntryField>(units.Count == 1 ? FindFields(set, text, units[0]).Count : 4);

            // Most entries are one unit: their text is one substring, no builder.
            var entryText = units.Count == 1 ? null : new StringBuilder();
            foreach (var unit in units)
            {
                if (entryText is not null)
                {
                    if (entryText.Length > 0)
                    {
                        entryText.Append('\n');
                    }

                    entryText.Append(text, unit.Start, unit.End - unit.Start);
                }

                var found = FindFields(set, text, unit);
                for (var i = 0; i < found.Count; i++)
                {
                    var field = found[i];
                    var valueStart = field.ValueStart;
                    var valueEnd = i + 1 < found.Count ? found[i + 1].LabelStart : unit.End;
                    while (valueEnd > valueStart && (char.IsWhiteSpace(text[valueEnd - 1]) || text[valueEnd - 1] is '*' or '_'))
                    {
                        valueEnd--;
                    }

                    valueEnd = Math.Max(valueEnd, valueStart);
                    fields.Add(new EntryField(
                        field.Canonical,
                        LabelText(text, field.LabelStart, field.LabelEnd, field.Canonical),
                        text.Substring(valueStart, valueEnd - valueStart),
                        lines.Span(field.LabelStart, field.LabelEnd),
                        valueEnd > valueStart ? lines.Span(valueStart, valueEnd) : lines.Point(valueStart)));
                }
            }

            var start = units[0].Start;
            var end = units[units.Count - 1].End;
            var firstLineEnd = start;
            while (firstLineEnd < end && text[firstLineEnd] != '\n' && text[firstLineEnd] != '\r')
            {
                firstLineEnd++;
            }

            var textOfEntry = entryText?.ToString() ?? text.Substring(units[0].Start, units[0].End - units[0].Start);
            var isNone = fields.Count == 0
                ? IsNoneMarker(textOfEntry.Trim())
                : AllFieldsNone(fields);
            return new PlanEntry(kind, textOfEntry, lines.Span(start, Math.Max(end, start + 1)), lines.Span(start, Math.Max(firstLineEnd, start + 1)), fields, isNone);
        }
    }
}
