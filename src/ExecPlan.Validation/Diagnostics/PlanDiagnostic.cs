using System;
using System.Globalization;

namespace ExecPlan.Validation.Diagnostics;

/// <summary>One finding in one plan file, ready for any front end to print or translate.</summary>
public sealed class PlanDiagnostic : IEquatable<PlanDiagnostic>
{
    public PlanDiagnostic(string id, RuleSeverity severity, string filePath, SourceSpan span, string message, string helpUri)
        : this(id, severity, filePath, span, message, helpUri, fix: null)
    {
    }

    /// <summary>A finding with its mechanical repair (null when it needs a person).</summary>
    public PlanDiagnostic(string id, RuleSeverity severity, string filePath, SourceSpan span, string message, string helpUri, Fixes.PlanFix? fix)
    {
        Id = id;
        Severity = severity;
        FilePath = filePath;
        Span = span;
        Message = message;
        HelpUri = helpUri;
        Fix = fix;
    }

    /// <summary>The stable rule ID, e.g. <c>EXP021</c>.</summary>
    public string Id { get; }

    /// <summary>The effective severity after profile and configuration were applied.</summary>
    public RuleSeverity Severity { get; }

    /// <summary>The file exactly as the caller named it.</summary>
    public string FilePath { get; }

    public SourceSpan Span { get; }

    public string Message { get; }

    public string HelpUri { get; }

    /// <summary>The repair of this finding, when it is mechanical (layout only), else null. Its
    /// edits' offsets count characters of the validated text, a byte-order mark included. Not part
    /// of equality: it follows from the finding.</summary>
    public Fixes.PlanFix? Fix { get; }

    /// <summary>The canonical compiler form: <c>path(line,col,endLine,endCol): error EXP001: message</c>,
    /// always one line: control characters in the path and the message (a newline in a file name,
    /// an ESC quoted from the plan) are printed as visible escapes (<see cref="Reporting.DisplayText"/>).</summary>
    public string ToCompilerString()
    {
        var word = Severity switch
        {
            RuleSeverity.Error => "error",
            RuleSeverity.Warning => "warning",
            _ => "info",
        };
        return string.Format(CultureInfo.InvariantCulture, "{0}{1}: {2} {3}: {4}",
            Reporting.DisplayText.Escape(FilePath), Span, word, Reporting.DisplayText.Escape(Id), Reporting.DisplayText.Escape(Message));
    }

    public override string ToString() => ToCompilerString();

    public bool Equals(PlanDiagnostic? other) =>
        other is not null && Id == other.Id && Severity == other.Severity && FilePath == other.FilePath &&
        Span == other.Span && Message == other.Message;

    public override bool Equals(object? obj) => Equals(obj as PlanDiagnostic);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id) ^ Span.GetHashCode();
}
