namespace ExecPlan.Validation.Rules;

using System.Linq;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP042: Tolerances names at least one concrete threshold: a digit, a number word, a
/// percentage, or a CJK numeral (placeholders like &lt;N&gt; do not count).</summary>
public sealed class EXP042ToleranceThreshold : PlanRule
{
    /// <summary>Built on the rare path only (a section without a plain number), not at first use.</summary>
    private static class Patterns
    {
        public static readonly Regex Placeholder = TextScan.Pattern(@"<[^<>\r\n]{1,100}>");

        public static readonly Regex Threshold = TextScan.Pattern(
            @"\d|%|[一二三四五六七八九十百千万两]|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|single|twice|double|half|once|dozen)\b");
    }

    public override RuleDescriptor Descriptor => RuleCatalog.EXP042;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var tolerances = plan.Section(SectionKind.Tolerances);
        if (tolerances is null || tolerances.IsEmpty)
        {
            return;
        }

        if (HasPlainNumber(plan, tolerances))
        {
            return;
        }

        var text = string.Concat(tolerances.Blocks.Select(plan.SourceOf));
        if (!Patterns.Threshold.IsMatch(Patterns.Placeholder.Replace(text, " ")))
        {
            context.Report(tolerances.Heading.TextSpan,
                "state measurable limits (e.g. 'more than 10 files', 'tests fail after 3 attempts', 'over 2 hours').");
        }
    }

    /// <summary>The usual case without building the section's text: no '&lt;' (so no placeholder
    /// to blank out) and a digit, '%' or CJK numeral, which the threshold pattern matches by itself.</summary>
    private static bool HasPlainNumber(PlanDocument plan, PlanSection section)
    {
        var text = plan.Text;
        var number = false;
        foreach (var block in section.Blocks)
        {
            var end = System.Math.Min(text.Length, block.Span.End + 1);
            for (var i = System.Math.Max(0, block.Span.Start); i < end; i++)
            {
                var c = text[i];
                if (c == '<')
                {
                    return false;
                }

                number |= c == '%' || char.IsDigit(c) || (c >= '\u4E00' && CjkNumerals.IndexOf(c) >= 0);
            }
        }

        return number;
    }

    private const string CjkNumerals = "一二三四五六七八九十百千万两";
}
