namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Diagnostics;

/// <summary>The fixed facts about one rule: what the task, the analyzer and the CLI all show.</summary>
public sealed class RuleDescriptor
{
    private readonly string _lead;

    internal RuleDescriptor(string id, string title, RuleSeverity defaultSeverity, string description)
    {
        Id = id;
        Title = title;
        DefaultSeverity = defaultSeverity;
        Description = description;
        _lead = title + ": ";
        MessageFormat = title.Replace("{", "{{").Replace("}", "}}") + ": {0}";
    }

    /// <summary>The stable ID users write in .editorconfig, NoWarn and suppression comments.</summary>
    public string Id { get; }

    /// <summary>A short title for rule lists and the IDE.</summary>
    public string Title { get; }

    /// <summary>What a user gets with no configuration.</summary>
    public RuleSeverity DefaultSeverity { get; }

    /// <summary>One sentence on what the rule flags.</summary>
    public string Description { get; }

    /// <summary>
    /// The shape of every message of this rule, in <see cref="string.Format(string, object)"/> form:
    /// the title as a fixed lead naming the problem, then <c>{0}</c>, the finding's own part (what,
    /// where, and what to do), e.g. <c>Heading not followed by a blank line: {0}</c>. The library
    /// formats it once (<see cref="FormatMessage"/>), so the build, the CLI, SARIF and the IDE
    /// (whose Roslyn descriptor carries the same format) print the same text.
    /// </summary>
    public string MessageFormat { get; }

    /// <summary>The full message for a finding: <see cref="MessageFormat"/> with <paramref name="detail"/> as <c>{0}</c>.</summary>
    public string FormatMessage(string detail) => _lead + detail;

    /// <summary>The finding's own part of a message <see cref="FormatMessage"/> made (the argument a
    /// Roslyn diagnostic formats back into the same text); a message without the lead is returned whole.</summary>
    public string DetailOf(string message) =>
        message is not null && message.StartsWith(_lead, System.StringComparison.Ordinal) ? message.Substring(_lead.Length) : message!;

    /// <summary>The diagnostic category, used by <c>dotnet_analyzer_diagnostic.category-ExecPlan.severity</c>.</summary>
    public string Category { get; } = RuleCatalog.Category;

    /// <summary>The rule's documentation page (built once: every diagnostic carries it).</summary>
    public string HelpUri => _helpUri ??= RuleCatalog.HelpUriBase + Id + ".md";

    private string? _helpUri;

    public override string ToString() => Id + ": " + Title;
}
