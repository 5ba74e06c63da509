namespace ExecPlan.Validation.Rules;

using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;
using Markdig.Syntax;

/// <summary>EXP007: a paragraph near the top (before the first section, or in the first 40
/// lines) says the plan is a living document.</summary>
public sealed class EXP007LivingDocumentNotice : PlanRule
{
    private const int NearTopLines = 40;

    private static readonly Regex Notice = TextScan.Pattern(@"living[\s*_-]+(?:design[\s-]+(?:and[\s-]+delivery[\s-]+)?)?doc(?:ument)?(?![a-z])|活文档|活文件|动态文档|リビングドキュメント|살아있는\s*문서|documento\s+vivo|document\s+vivant|lebendes\s+dokument");

    public override RuleDescriptor Descriptor => RuleCatalog.EXP007;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        foreach (var block in plan.Preamble)
        {
            if (Mentions(plan, block))
            {
                return;
            }
        }

        foreach (var block in plan.Syntax)
        {
            if (block.Line >= NearTopLines)
            {
                break;
            }

            if (block is not CodeBlock && Mentions(plan, block))
            {
                return;
            }
        }

        context.Report(plan.TitleSpan,
            "Add the living-document notice under the title: say that this ExecPlan is a living document and name the sections kept up to date as work proceeds.");
    }

    private static bool Mentions(PlanDocument plan, Block block) => Notice.IsMatch(plan.SourceOf(block));
}
