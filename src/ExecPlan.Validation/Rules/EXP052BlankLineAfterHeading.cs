namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Rules.Support;
using Markdig.Syntax;

/// <summary>EXP052: every heading (top-level or nested) is followed by a blank line or the end of the file.
/// Inside a block quote, a line holding only the quote markers ('&gt;') is that quote's blank line.</summary>
public sealed class EXP052BlankLineAfterHeading : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP052;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        foreach (var block in plan.AllBlocks)
        {
            if (block is not HeadingBlock heading)
            {
                continue;
            }

            var next = plan.Lines.LineIndexOf(heading.Span.End) + 1;
            if (next < plan.Lines.LineCount && !IsBlankLine(PlanParser.LineText(plan.Text, plan.Lines, next), InQuote(heading)))
            {
                context.Report(plan.FirstLineSpanOf(heading), "add one after this heading.");
            }
        }
    }

    private static bool InQuote(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is QuoteBlock)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBlankLine(string line, bool inQuote)
    {
        foreach (var c in line)
        {
            if (!char.IsWhiteSpace(c) && !(inQuote && c == '>'))
            {
                return false;
            }
        }

        return true;
    }
}
