namespace ExecPlan.Validation.Model;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Diagnostics;

/// <summary>One <c>Label: value</c> field of an entry. A value: equal when every property is.</summary>
public sealed record EntryField
{
    internal EntryField(string label, string writtenLabel, string value, SourceSpan labelSpan, SourceSpan valueSpan)
    {
        Label = label;
        WrittenLabel = writtenLabel;
        Value = value;
        LabelSpan = labelSpan;
        ValueSpan = valueSpan;
    }

    /// <summary>The canonical label, e.g. <c>Severity</c> or <c>Date/Author</c>.</summary>
    public string Label { get; }

    /// <summary>The label as the plan spells it, e.g. <c>date / author</c> or <c>深刻度</c>.</summary>
    public string WrittenLabel { get; }

    public string Value { get; }

    public SourceSpan LabelSpan { get; }

    public SourceSpan ValueSpan { get; }
}

/// <summary>A Risk, Surprise or Decision entry: everything from one primary label (Risk,
/// Observation, Decision) to the next, whether its fields are nested bullets, sibling bullets,
/// paragraphs or lines of an indented block; or an unlabelled list item. A record: equal when
/// every property is (<see cref="Fields"/> by reference); no two entries of a plan share a span.</summary>
public sealed record PlanEntry
{
    internal PlanEntry(SectionKind section, string text, SourceSpan span, SourceSpan firstLineSpan, IReadOnlyList<EntryField> fields, bool isNoneMarker)
    {
        Section = section;
        Text = text;
        Span = span;
        FirstLineSpan = firstLineSpan;
        Fields = fields;
        IsNoneMarker = isNoneMarker;
    }

    public SectionKind Section { get; }

    public string Text { get; }

    public SourceSpan Span { get; }

    /// <summary>The entry's first line: where diagnostics about the whole entry point.</summary>
    public SourceSpan FirstLineSpan { get; }

    public IReadOnlyList<EntryField> Fields { get; }

    /// <summary>True for "None yet." and the like: a placeholder saying there is nothing to record.</summary>
    public bool IsNoneMarker { get; }

    /// <summary>True when the entry carries no label at all (a bare bullet of prose).</summary>
    public bool IsUnlabelled => Fields.Count == 0;

    public bool Has(string label)
    {
        // An index loop: foreach over the interface would box an enumerator per call.
        for (var i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i].Label, label, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
