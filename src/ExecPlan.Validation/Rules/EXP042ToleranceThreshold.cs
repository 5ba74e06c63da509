namespace ExecPlan.Validation.Rules;

using System.Linq;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP042: Tolerances names at least one concrete threshold: a digit, a number word, a
/// percentage, or a CJK numeral (placeholders like &lt;N&gt; do not count).</summary>
public sealed class EXP042ToleranceThreshold : PlanRule
{
    private static readonly Regex Placeholder = TextScan.Pattern(@"<[^<>\r\n]{1,100}>");

    private static readonly Regex Threshold = TextScan.Pattern(
        @"\d|%|[一二三四五六七八九十百千万两]|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|single|twice|double|half|once|dozen)\b");

    public override RuleDescriptor Descriptor => RuleCatalog.EXP042;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var tolerances = plan.Section(SectionKind.Tolerances);
        if (tolerances is null || tolerances.IsEmpty)
        {
            return;
        }

        var text = string.Concat(tolerances.Blocks.Select(plan.SourceOf));
        if (!Threshold.IsMatch(Placeholder.Replace(text, " ")))
        {
            context.Report(tolerances.Heading.TextSpan,
                "state measurable limits (e.g. 'more than 10 files', 'tests fail after 3 attempts', 'over 2 hours').");
        }
    }
}
