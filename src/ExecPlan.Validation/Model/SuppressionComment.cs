namespace ExecPlan.Validation.Model;

using System.Collections.Generic;
using ExecPlan.Validation.Diagnostics;

/// <summary>The scopes an in-plan suppression comment can have.</summary>
public enum SuppressionKind
{
    /// <summary><c>&lt;!-- execplan-disable IDs --&gt;</c>: from this line until a matching enable.</summary>
    Disable,

    /// <summary><c>&lt;!-- execplan-enable IDs --&gt;</c>: ends a disable region.</summary>
    Enable,

    /// <summary><c>&lt;!-- execplan-disable-next-line IDs --&gt;</c>: the line after the comment.</summary>
    DisableNextLine,

    /// <summary><c>&lt;!-- execplan-disable-line IDs --&gt;</c>: the comment's own line.</summary>
    DisableLine,

    /// <summary><c>&lt;!-- execplan-disable-file IDs --&gt;</c>: the whole file.</summary>
    DisableFile,
}

/// <summary>One ID named in a suppression comment, with where it is written. A value.</summary>
public sealed record SuppressedId
{
    internal SuppressedId(string id, SourceSpan span)
    {
        Id = id;
        Span = span;
    }

    public string Id { get; }

    public SourceSpan Span { get; }
}

/// <summary>An <c>execplan-*</c> HTML comment in the plan. No ID means every rule. A record: equal
/// when every property is (<see cref="Ids"/> by reference).</summary>
public sealed record SuppressionComment
{
    internal SuppressionComment(SuppressionKind kind, IReadOnlyList<SuppressedId> ids, SourceSpan span)
    {
        Kind = kind;
        Ids = ids;
        Span = span;
    }

    public SuppressionKind Kind { get; }

    public IReadOnlyList<SuppressedId> Ids { get; }

    public SourceSpan Span { get; }

    public bool AppliesToAll => Ids.Count == 0;
}
