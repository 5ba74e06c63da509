namespace ExecPlan.Validation.Model;

using ExecPlan.Validation.Diagnostics;

/// <summary>A list item in Progress, with or without a checkbox. Deliberately not a record: it holds
/// a mutable rule-side cache and a <see cref="Parent"/> link, so its identity is the object.</summary>
public sealed class ChecklistItem
{
    internal ChecklistItem(bool hasCheckbox, bool isChecked, string text, int textOffset, SourceSpan markerSpan, SourceSpan textSpan, int depth, ChecklistItem? parent = null)
    {
        HasCheckbox = hasCheckbox;
        IsChecked = isChecked;
        Text = text;
        TextOffset = textOffset;
        MarkerSpan = markerSpan;
        TextSpan = textSpan;
        Depth = depth;
        Parent = parent;
    }

    public bool HasCheckbox { get; }

    /// <summary>Rule-side cache of the item's first timestamp (EXP021 and EXP022 both need it);
    /// a reference, so a racing second reader sees either null or the complete result.</summary>
    internal object? TimestampCache { get; set; }

    public bool IsChecked { get; }

    /// <summary>The raw source of the item's first paragraph (after the checkbox).</summary>
    public string Text { get; }

    /// <summary>The offset of <see cref="Text"/> in the plan text.</summary>
    public int TextOffset { get; }

    /// <summary>The list marker and checkbox, e.g. <c>- [x]</c>.</summary>
    public SourceSpan MarkerSpan { get; }

    /// <summary>The first line of the item's text.</summary>
    public SourceSpan TextSpan { get; }

    /// <summary>0 for a top-level item of a Progress list, 1 for an item nested in it, ...</summary>
    public int Depth { get; }

    /// <summary>The Progress item this one is nested in, or null for a top-level item.</summary>
    public ChecklistItem? Parent { get; }
}
