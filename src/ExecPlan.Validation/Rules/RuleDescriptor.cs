namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Diagnostics;

/// <summary>The fixed facts about one rule: what the task, the analyzer and the CLI all show.</summary>
public sealed class RuleDescriptor
{
    internal RuleDescriptor(string id, string title, RuleSeverity defaultSeverity, string description)
    {
        Id = id;
        Title = title;
        DefaultSeverity = defaultSeverity;
        Description = description;
    }

    /// <summary>The stable ID users write in .editorconfig, NoWarn and suppression comments.</summary>
    public string Id { get; }

    /// <summary>A short title for rule lists and the IDE.</summary>
    public string Title { get; }

    /// <summary>What a user gets with no configuration.</summary>
    public RuleSeverity DefaultSeverity { get; }

    /// <summary>One sentence on what the rule flags.</summary>
    public string Description { get; }

    /// <summary>The diagnostic category, used by <c>dotnet_analyzer_diagnostic.category-ExecPlan.severity</c>.</summary>
    public string Category { get; } = RuleCatalog.Category;

    /// <summary>The rule's documentation page.</summary>
    public string HelpUri => RuleCatalog.HelpUriBase + Id + ".md";

    public override string ToString() => Id + ": " + Title;
}
