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

    private static readonly Regex Notice = TextScan.Pattern(
        @"living[\s*_-]+(?:design[\s-]+(?:and[\s-]+delivery[\s-]+)?)?doc(?:ument)?(?![a-z])|活文档|活文件|动态文档|可演进文档|持续更新的文档|活的文档|生きた(?:ドキュメント|文書)|リビング\s*ドキュメント|살아\s*있는\s*문서|리빙\s*문서|documento\s+vivo|document\s+vivant|lebendes\s+dokument|documento\s+vivente|levend\s+document|живой\s+документ");

    /// <summary>The living sections' names as a notice lists them, in English.</summary>
    private static readonly Regex[] LivingNames =
    [
        TextScan.Pattern(@"\bconstraints\b"),
        TextScan.Pattern(@"\btolerances\b"),
        TextScan.Pattern(@"\brisks\b"),
        TextScan.Pattern(@"\bprogress\b"),
        TextScan.Pattern(@"\bsurprises\s*(?:&|and|&amp;)\s*discoveries\b"),
        TextScan.Pattern(@"\bdecision\s+log\b"),
        TextScan.Pattern(@"\boutcomes\s*(?:&|and|&amp;)\s*retrospective\b"),
    ];

    /// <summary>A notice in any language names the sections it keeps up to date; naming this
    /// many of them is taken as the notice even when the words "living document" are translated.</summary>
    private const int NamedSectionsForNotice = 3;

    public override RuleDescriptor Descriptor => RuleCatalog.EXP007;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var derived = context.Derived;
        if (derived is not null && derived.NoticeLine is null)
        {
            // The repository's PLANS.md skeleton carries no living-document notice.
            return;
        }

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

        context.Report(plan.TitleSpan, derived?.NoticeLine is { } line
            ? $"add one under the title, as the skeleton of {derived.Cite(line)} has it: say that this ExecPlan is a living document and name the sections kept up to date as work proceeds."
            : "add one under the title: say that this ExecPlan is a living document and name the sections kept up to date as work proceeds.");
    }

    /// <summary>A paragraph, block quote or list item (never an HTML comment: it is not shown)
    /// that says "living document" or names enough living sections.</summary>
    private static bool Mentions(PlanDocument plan, Block block)
    {
        if (block is HtmlBlock or CodeBlock)
        {
            return false;
        }

        var text = plan.SourceOf(block);
        if (Notice.IsMatch(text))
        {
            return true;
        }

        var named = 0;
        foreach (var name in LivingNames)
        {
            named += name.IsMatch(text) ? 1 : 0;
        }

        return named >= NamedSectionsForNotice;
    }
}
