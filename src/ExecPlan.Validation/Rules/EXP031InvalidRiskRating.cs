namespace ExecPlan.Validation.Rules;

using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP031: a risk's Severity and Likelihood are low, medium or high (the first word of
/// the value, case-insensitive; trailing explanation is allowed). The template's unfilled
/// "low | medium | high" starts with a valid word but is still reported.</summary>
public sealed class EXP031InvalidRiskRating : PlanRule
{
    private static readonly Regex TemplateChoices = TextScan.Pattern(@"\b(?:low|medium|high)[ \t]*\|[ \t]*(?:low|medium|high)\b");

    public override RuleDescriptor Descriptor => RuleCatalog.EXP031;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        foreach (var entry in plan.Entries)
        {
            if (entry.Section != SectionKind.Risks)
            {
                continue;
            }

            foreach (var field in entry.Fields)
            {
                // Only English labels are held to the English words: '深刻度: 高' is a rating too.
                if (field.Label is not ("Severity" or "Likelihood" or "Probability") || !IsAscii(field.WrittenLabel))
                {
                    continue;
                }

                var word = FirstWord(field.Value);
                if (word is "low" or "medium" or "high" && !TemplateChoices.IsMatch(field.Value))
                {
                    continue;
                }

                var message = field.Value.IndexOf('|') >= 0
                    ? $"{field.Label} still lists the template's choices; keep one of low, medium or high."
                    : $"{field.Label} must be low, medium or high, not '{Shorten(field.Value)}'.";
                context.Report(field.ValueSpan, message);
            }
        }
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static string FirstWord(string value)
    {
        var start = 0;
        while (start < value.Length && !char.IsLetterOrDigit(value[start]))
        {
            start++;
        }

        var end = start;
        while (end < value.Length && (char.IsLetterOrDigit(value[end]) || value[end] == '-'))
        {
            end++;
        }

        return value.Substring(start, end - start).ToLowerInvariant();
    }

    private static string Shorten(string value)
    {
        var line = value.Split('\n')[0].Trim();
        return line.Length <= 40 ? line : line.Substring(0, 40) + "…";
    }
}
