namespace ExecPlan.Validation.Rules;

using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP031: a risk's Severity and Likelihood are low, medium or high (the start of the
/// value, case-insensitive; trailing explanation is allowed). Ratings that sit on the same scale
/// are accepted: compounds ("medium-high", "low to medium"), "moderate", "critical", "very high",
/// and the words in Chinese, Japanese, Korean, French, German, Spanish and Portuguese. The template's unfilled
/// "low | medium | high" starts with a valid word but is still reported.</summary>
public sealed class EXP031InvalidRiskRating : PlanRule
{
    private static readonly Regex TemplateChoices = TextScan.Pattern(@"\b(?:low|medium|high)[ \t]*\|[ \t]*(?:low|medium|high)\b");

    // Words that place a rating on the three-level scale, in English and in the languages plans
    // are written in: a compound of them ("medium-high", "low to medium") is a rating too.
    private static readonly Regex ScaleValue = TextScan.Pattern(
        @"^[\s*_`""'(\[]*(?:(?:very|extremely)[ \t]+)?(?:low|medium|med|high|moderate|critical|" +
        @"低|中|高|低い|高い|中程度|낮음|중간|보통|높음|낮|중|높|faible|moyen(?:ne)?|élevée?|haute?|bas(?:se)?|niedrig|mittel|hoch|bajo|baja|medio|media|alto|alta|baixo|médio|alto)" +
        @"(?:[ \t]*(?:-|–|/|to|~|〜|～|->|→)[ \t]*(?:low|medium|med|high|moderate|critical|低|中|高))?(?![\p{L}\p{N}])",
        RegexOptions.IgnoreCase);

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

                if (ScaleValue.IsMatch(field.Value) && !TemplateChoices.IsMatch(field.Value))
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

    private static string Shorten(string value)
    {
        var line = value.Split('\n')[0].Trim();
        return line.Length <= 40 ? line : line.Substring(0, 40) + "…";
    }
}
