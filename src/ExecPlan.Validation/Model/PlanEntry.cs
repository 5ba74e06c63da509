namespace ExecPlan.Validation.Model;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Diagnostics;

/// <summary>One <c>Label: value</c> field of an entry. A value: equal when every property is.</summary>
/// <remarks>The value is cut from the plan text when first read (most fields' values are never
/// read by any rule), so equality and the hash code are written out to compare it by content.</remarks>
public sealed record EntryField
{
    private readonly string _source;
    private readonly int _valueStart;
    private readonly int _valueLength;
    private string? _value;

    internal EntryField(string label, string writtenLabel, string value, SourceSpan labelSpan, SourceSpan valueSpan)
        : this(label, writtenLabel, value, 0, value.Length, labelSpan, valueSpan)
    {
        _value = value;
    }

    /// <summary>A field whose value is <paramref name="source"/>[valueStart, valueStart + valueLength).</summary>
    internal EntryField(string label, string writtenLabel, string source, int valueStart, int valueLength, SourceSpan labelSpan, SourceSpan valueSpan)
    {
        Label = label;
        WrittenLabel = writtenLabel;
        _source = source;
        _valueStart = valueStart;
        _valueLength = valueLength;
        LabelSpan = labelSpan;
        ValueSpan = valueSpan;
    }

    /// <summary>The canonical label, e.g. <c>Severity</c> or <c>Date/Author</c>.</summary>
    public string Label { get; }

    /// <summary>The label as the plan spells it, e.g. <c>date / author</c> or <c>深刻度</c>.</summary>
    public string WrittenLabel { get; }

    // A racing second reader builds an equal string; either one is kept.
    public string Value => _value ??= _valueLength == 0 ? string.Empty : _source.Substring(_valueStart, _valueLength);

    public SourceSpan LabelSpan { get; }

    public SourceSpan ValueSpan { get; }

    public bool Equals(EntryField? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && string.Equals(Label, other.Label, StringComparison.Ordinal)
            && string.Equals(WrittenLabel, other.WrittenLabel, StringComparison.Ordinal)
            && _valueLength == other._valueLength
            && string.CompareOrdinal(_source, _valueStart, other._source, other._valueStart, _valueLength) == 0
            && LabelSpan == other.LabelSpan
            && ValueSpan == other.ValueSpan);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = StringComparer.Ordinal.GetHashCode(Label);
            hash = (hash * -1521134295) + StringComparer.Ordinal.GetHashCode(WrittenLabel);
            hash = (hash * -1521134295) + StringComparer.Ordinal.GetHashCode(Value);
            hash = (hash * -1521134295) + LabelSpan.GetHashCode();
            return (hash * -1521134295) + ValueSpan.GetHashCode();
        }
    }
}

/// <summary>A Risk, Surprise or Decision entry: everything from one primary label (Risk,
/// Observation, Decision) to the next, whether its fields are nested bullets, sibling bullets,
/// paragraphs or lines of an indented block; or an unlabelled list item. A record: equal when
/// every property is (<see cref="Fields"/> by reference); no two entries of a plan share a span.</summary>
public sealed record PlanEntry
{
    private readonly string _source;
    private readonly int _textStart;
    private readonly int _textLength;
    private string? _text;

    internal PlanEntry(SectionKind section, string text, SourceSpan span, SourceSpan firstLineSpan, IReadOnlyList<EntryField> fields, bool isNoneMarker)
        : this(section, text, 0, text.Length, span, firstLineSpan, fields, isNoneMarker)
    {
        _text = text;
    }

    /// <summary>An entry whose text is <paramref name="source"/>[textStart, textStart + textLength).</summary>
    internal PlanEntry(SectionKind section, string source, int textStart, int textLength, SourceSpan span, SourceSpan firstLineSpan, IReadOnlyList<EntryField> fields, bool isNoneMarker)
    {
        Section = section;
        _source = source;
        _textStart = textStart;
        _textLength = textLength;
        Span = span;
        FirstLineSpan = firstLineSpan;
        Fields = fields;
        IsNoneMarker = isNoneMarker;
    }

    public SectionKind Section { get; }

    /// <summary>The entry's source (its units joined by line breaks), cut from the plan text when
    /// first read: rules read it for few entries.</summary>
    public string Text => _text ??= _textLength == 0 ? string.Empty : _source.Substring(_textStart, _textLength);

    public SourceSpan Span { get; }

    /// <summary>The entry's first line: where diagnostics about the whole entry point.</summary>
    public SourceSpan FirstLineSpan { get; }

    public IReadOnlyList<EntryField> Fields { get; }

    /// <summary>True for "None yet." and the like: a placeholder saying there is nothing to record.</summary>
    public bool IsNoneMarker { get; }

    /// <summary>True when the entry carries no label at all (a bare bullet of prose).</summary>
    public bool IsUnlabelled => Fields.Count == 0;

    /// <summary>Equal when every property is, <see cref="Fields"/> by reference (as a generated
    /// record equality would be; written out because <see cref="Text"/> is cut when first read).</summary>
    public bool Equals(PlanEntry? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Section == other.Section
            && _textLength == other._textLength
            && string.CompareOrdinal(_source, _textStart, other._source, other._textStart, _textLength) == 0
            && Span == other.Span
            && FirstLineSpan == other.FirstLineSpan
            && ReferenceEquals(Fields, other.Fields)
            && IsNoneMarker == other.IsNoneMarker);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = (int)Section;
            hash = (hash * -1521134295) + StringComparer.Ordinal.GetHashCode(Text);
            hash = (hash * -1521134295) + Span.GetHashCode();
            hash = (hash * -1521134295) + FirstLineSpan.GetHashCode();
            hash = (hash * -1521134295) + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Fields);
            return (hash * -1521134295) + IsNoneMarker.GetHashCode();
        }
    }

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
