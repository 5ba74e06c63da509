namespace ExecPlan.Validation.Rules;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Fixes;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;
using Markdig.Syntax;

/// <summary>EXP051: no triple-backtick fenced block inside the plan; the skill wants indented
/// blocks so the plan can itself be pasted inside one fence. Tilde fences do not break an outer
/// backtick fence and are left alone. Fix: the block becomes an indented block in its container
/// (list item, block quote), its info string kept as <c>&lt;!-- language: bash --&gt;</c>; a block
/// whose info string cannot sit in a comment, or a quoted line that does not repeat the quote
/// markers, is left for a person.</summary>
public sealed class EXP051NestedFence : PlanRule, IFixableRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP051;

    /// <summary>Right after the outer fence: what is code decides what is a heading or a list.</summary>
    public int FixOrder => 20;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var blocks = plan.FencedBlocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            var fenced = blocks[b];
            if (fenced.FencedChar == '`')
            {
                var edits = context.WantsFixes ? FenceEdits(plan, fenced) : null;
                context.Report(plan.FirstLineSpanOf(fenced),
                    "replace this ``` block with an indented block (four spaces); fences must not be nested inside an ExecPlan.",
                    edits is null ? null : new PlanFix("Turn the fenced block into an indented block", edits));
            }
        }
    }

    private static List<TextEdit>? FenceEdits(PlanDocument plan, FencedCodeBlock fenced)
    {
        var lines = plan.Lines;
        var openLine = lines.LineIndexOf(fenced.Span.Start);
        var lastLine = lines.LineIndexOf(fenced.Span.End);
        var openText = LineEdits.LineText(plan, openLine);
        var fenceColumn = openText.IndexOf("```", StringComparison.Ordinal);
        if (fenceColumn < 0)
        {
            return null;
        }

        var prefix = openText.Substring(0, fenceColumn);
        var plainPrefix = LineEdits.IsBlank(prefix);
        var closed = fenced.ClosingFencedCharCount > 0 && lastLine > openLine;

        // The content lines as Markdig saw them (an unclosed fence in a container ends with it).
        var contentLines = new SortedSet<int>();
        for (var k = 0; k < fenced.Lines.Count; k++)
        {
            var line = lines.LineIndexOf(fenced.Lines.Lines[k].Position);
            if (line > openLine && (!closed || line < lastLine))
            {
                contentLines.Add(line);
            }
        }

        var edits = new List<TextEdit>();
        foreach (var line in contentLines)
        {
            var text = LineEdits.LineText(plan, line);
            var start = lines.LineStart(line);
            if (LineEdits.IsBlank(text))
            {
                continue;
            }

            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                edits.Add(new TextEdit(start + prefix.Length, 0, "    "));
            }
            else if (plainPrefix)
            {
                // Less indented than the fence: CommonMark strips what indentation there is.
                var lead = 0;
                while (lead < text.Length && text[lead] is ' ' or '\t')
                {
                    lead++;
                }

                edits.Add(new TextEdit(start, lead, prefix + "    "));
            }
            else
            {
                return null; // A quoted line that does not repeat the quote markers: not mechanical.
            }
        }

        // The info string (```bash) is kept where the reader of the source sees it: the opening
        // fence becomes <!-- language: bash -->, the hint indented blocks take. One that cannot
        // sit in a comment leaves the block alone, for a person.
        var info = openText.Substring(fenceColumn).TrimStart('`').Trim();
        if (info.Length == 0)
        {
            edits.Add(RemoveFenceLine(plan, openLine, prefix, openLine - 1, before: true));
        }
        else if (info.IndexOf("--", StringComparison.Ordinal) >= 0 || info.IndexOf('>') >= 0 || info.EndsWith("-", StringComparison.Ordinal))
        {
            return null;
        }
        else
        {
            edits.Add(LineEdits.ReplaceLine(plan, openLine, prefix + "<!-- language: " + info + " -->"));
        }

        if (closed)
        {
            edits.Add(RemoveFenceLine(plan, lastLine, prefix, lastLine + 1, before: false));
        }

        return edits;
    }

    /// <summary>Deletes a fence line, or blanks it where an indented block needs a blank line to
    /// start (after a paragraph line) or to end cleanly (before text).</summary>
    private static TextEdit RemoveFenceLine(PlanDocument plan, int line, string prefix, int neighbour, bool before)
    {
        var neighbourBlank = before
            ? neighbour < 0 || LineEdits.IsBlankLine(plan, neighbour)
            : neighbour >= plan.Lines.LineCount || LineEdits.IsBlankLine(plan, neighbour);
        return neighbourBlank ? LineEdits.DeleteLine(plan, line) : LineEdits.ReplaceLine(plan, line, prefix.TrimEnd());
    }
}
