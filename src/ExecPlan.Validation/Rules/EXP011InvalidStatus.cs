namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;

/// <summary>EXP011: the Status value is exactly one allowed value (case and a trailing period
/// forgiven); the template's "DRAFT | APPROVED | ..." line counts as unfilled.</summary>
public sealed class EXP011InvalidStatus : PlanRule
{
    private const string Allowed = "DRAFT, APPROVED, IN PROGRESS, BLOCKED or COMPLETE";

    public override RuleDescriptor Descriptor => RuleCatalog.EXP011;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var status = plan.Status;
        // A front-matter status key is the repository's metadata with its own vocabulary.
        if (status is null || status.Value is not null || status.IsFrontMatter)
        {
            return;
        }

        if (context.Derived?.Status is { AllowedValues.Count: > 0 } derived)
        {
            // The repository's PLANS.md offers its own values.
            foreach (var value in derived.AllowedValues)
            {
                if (string.Equals(value, status.RawValue.Trim().TrimEnd('.'), System.StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }
        }

        string message;
        if (status.RawValue.Length == 0)
        {
            message = $"it is empty; write exactly one of {Allowed}.";
        }
        else if (status.RawValue.IndexOf('|') >= 0)
        {
            message = $"it still lists the template's choices; keep exactly one of {Allowed}.";
        }
        else
        {
            message = $"write exactly one of {Allowed} instead of '{Shorten(status.RawValue)}', and move any other text elsewhere.";
        }

        context.Report(status.ValueSpan, message);
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value.Substring(0, 40) + "…";
}
