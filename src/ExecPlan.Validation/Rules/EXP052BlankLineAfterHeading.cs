namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Fixes;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Rules.Support;
using Markdig.Syntax;

/// <summary>EXP052: every heading (top-level or nested) is followed by a blank line or the end of the file.
/// Inside a block quote, a line holding only the quote markers ('&gt;') is that quote's blank line.
/// Fix: a blank line after the heading, unless something other than indentation precedes the
/// heading on its line (a quote marker: a truly blank line would end the quote, so a person decides).</summary>
public sealed class EXP052BlankLineAfterHeading : PlanRule, IFixableRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP052;

    /// <summary>After fences and lists are settled, before sections are inserted.</summary>
    public int FixOrder => 40;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var headings = plan.AllHeadings;
        for (var h = 0; h < headings.Count; h++)
        {
            var heading = headings[h];
            var headingLine = plan.Lines.LineIndexOf(heading.Span.End);
            var next = headingLine + 1;
            if (next < plan.Lines.LineCount && !IsBlankLine(plan, next, InQuote(heading)))
            {
                context.Report(plan.FirstLineSpanOf(heading), "add one after this heading.",
                    context.WantsFixes ? Fix(plan, heading, headingLine, next) : null);
            }
        }
    }

    private static PlanFix? Fix(PlanDocument plan, HeadingBlock heading, int headingLine, int next)
    {
        var firstLine = plan.Lines.LineIndexOf(heading.Span.Start);
        var column = heading.Span.Start - plan.Lines.LineStart(firstLine);
        var lead = LineEdits.LineText(plan, firstLine);
        if (!LineEdits.IsBlank(lead.Substring(0, System.Math.Min(column, lead.Length))))
        {
            return null;
        }

        return new PlanFix("Add a blank line after the heading",
            new TextEdit(plan.Lines.LineStart(next), 0, LineEdits.LineBreak(plan, headingLine)));
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

    /// <summary>Whether a line holds only white space (and, in a quote, '&gt;' marks), read in place.</summary>
    private static bool IsBlankLine(PlanDocument plan, int line, bool inQuote)
    {
        var text = plan.Text;
        var end = plan.Lines.LineEnd(line);
        for (var i = plan.Lines.LineStart(line); i < end; i++)
        {
            var c = text[i];
            if (!char.IsWhiteSpace(c) && !(inQuote && c == '>'))
            {
                return false;
            }
        }

        return true;
    }
}
