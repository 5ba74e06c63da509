namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Settings;

/// <summary>What a rule sees besides the plan: the settings, and a place to report findings.</summary>
public sealed class RuleContext
{
    private readonly FindingBuffer _findings;

    internal RuleContext(ValidationSettings settings, RuleDescriptor descriptor, FindingBuffer findings)
    {
        Settings = settings;
        Descriptor = descriptor;
        _findings = findings;
    }

    public ValidationSettings Settings { get; }

    /// <summary>The fixed profile (skill or classic); <see cref="PlanProfile.Auto"/> reads as skill.</summary>
    public PlanProfile Profile => Settings.BaseProfile;

    /// <summary>The repository's PLANS.md-derived profile when it is in force (profile auto), else null.</summary>
    public Profiles.DerivedProfile? Derived => Settings.Derived;

    /// <summary>The repository, or null when file access is not allowed (the analyzer).</summary>
    public IRepositoryView? Repository => Settings.Repository;

    // Set before each rule runs: one context serves a whole pass (it is the rule's only way to report).
    internal RuleDescriptor Descriptor { get; set; }

    /// <summary>Whether the caller wants the findings' repairs (<see cref="PlanValidator.IncludeFixes"/>);
    /// a fixable rule computes a fix only then, so checking and building pay nothing for fixes.</summary>
    public bool WantsFixes { get; internal init; }

    /// <summary>Reports a finding of the current rule at a span with a message that says what to do.</summary>
    public void Report(SourceSpan span, string message) => _findings.Add(new Finding(Descriptor, span, message));

    /// <summary>Reports a finding with its mechanical repair (null when it needs a person). The
    /// fix's offsets are those of <see cref="Model.PlanDocument.Text"/>; its edits are stamped with
    /// the rule's ID.</summary>
    public void Report(SourceSpan span, string message, Fixes.PlanFix? fix) =>
        _findings.Add(new Finding(Descriptor, span, message, WantsFixes ? fix?.With(0, Descriptor.Id) : null));
}

/// <summary>A rule's raw report, before severity and suppression are applied.</summary>
internal readonly struct Finding
{
    public Finding(RuleDescriptor descriptor, SourceSpan span, string message, Fixes.PlanFix? fix = null)
    {
        Descriptor = descriptor;
        Span = span;
        Message = message;
        Fix = fix;
    }

    public RuleDescriptor Descriptor { get; }

    public SourceSpan Span { get; }

    public string Message { get; }

    public Fixes.PlanFix? Fix { get; }
}
