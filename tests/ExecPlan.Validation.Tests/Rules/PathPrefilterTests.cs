namespace ExecPlan.Validation.Tests.Rules;

using System;
using System.Text;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Rules;
using Markdig.Syntax;

/// <summary>EXP045 skips a plan when its whole-text pre-filter finds no marker: that must never
/// skip a plan in which some region the rule reads passes the region filter (drive letters at a
/// block's first character, after list marks, quotes, tabs and fences included).</summary>
public class PathPrefilterTests
{
    private static readonly string[] Pieces =
    [
        "C:\\Users\\dana\\x", "C:/src/a", "d:\\work", "https://host/home/x", "/home/dana/p", "/Users/ann/q", "/root/.x",
        "xC:\\y", "_C:/y", "1C:/y", "é:/y", ".C:\\y", "~C:/y", "ç:\\y", "一:/y", "file:///C:/x", "a:b", "::/", ":\\",
        "/home", "/Users", "/roo/t", "$ cd C:\\src", "> C:\\q", "-C:\\x",
    ];

    private static readonly string[] Leads =
    [
        string.Empty, "- ", "* ", "1. ", "1) ", "> ", ">", "\t", "    ", "# ", "## ", "- [ ] ", "| a | ", "\n```\n", "\n~~~sh\n", "<div>", "  ",
    ];

    [Fact]
    public void The_whole_text_filter_passes_every_plan_with_a_region_that_may_hold_a_path()
    {
        var random = new Random(45);
        var regionsThatMayHold = 0;
        for (var round = 0; round < 3000; round++)
        {
            var text = new StringBuilder();
            var lines = random.Next(1, 8);
            for (var l = 0; l < lines; l++)
            {
                text.Append(Leads[random.Next(Leads.Length)]);
                var words = random.Next(0, 4);
                for (var w = 0; w < words; w++)
                {
                    text.Append(random.Next(3) == 0 ? "word" : Pieces[random.Next(Pieces.Length)]);
                    text.Append(random.Next(4) == 0 ? string.Empty : " ");
                }

                text.Append(random.Next(5) == 0 ? "\r\n" : random.Next(4) == 0 ? "\n\n" : "\n");
            }

            var plan = PlanParser.Parse(text.ToString(), "p.md");
            var any = EXP045MachineAbsolutePath.MayHoldAnyPath(plan.Text);
            foreach (var block in plan.AllBlocks)
            {
                if (block is CodeBlock)
                {
                    var first = plan.Lines.LineIndexOf(block.Span.Start);
                    var last = plan.Lines.LineIndexOf(Math.Min(plan.Text.Length, block.Span.End));
                    for (var line = first; line <= last; line++)
                    {
                        Check(plan.Text, plan.Lines.LineStart(line), plan.Lines.LineEnd(line), any, ref regionsThatMayHold);
                    }
                }
                else if (block is ParagraphBlock or HeadingBlock)
                {
                    Check(plan.Text, block.Span.Start, Math.Min(plan.Text.Length, block.Span.End + 1), any, ref regionsThatMayHold);
                }
            }
        }

        Assert.True(regionsThatMayHold > 500, "the random plans must often hold a region that may hold a path");
    }

    private static void Check(string text, int start, int end, bool any, ref int regionsThatMayHold)
    {
        if (end > start && EXP045MachineAbsolutePath.MayHoldPath(text, start, end))
        {
            regionsThatMayHold++;
            Assert.True(any, $"the region '{text.Substring(start, end - start)}' may hold a path, the whole-text filter said none: '{text}'");
        }
    }
}
