namespace ExecPlan.Validation.Tests;

using System;
using System.Linq;
using ExecPlan.Validation.Parsing;
using Markdig;
using Markdig.Syntax;

/// <summary>The paragraph markup guard counts per leaf block: a long run of list items, headings
/// or quotes without blank lines is many small inline passes for Markdig and is parsed, while
/// lines that only continue a paragraph (however they look) still add up and are refused. Each
/// shape's block structure is checked against Markdig itself, so the test says what it means.</summary>
public sealed class LeafBlockMarkupGuardTests
{
    // 9 markup characters a line: 1,500 lines hold 13,500, over the 10,000 per paragraph.
    private const string Markup = "`a` *b* [c](d) <e> !f _g_";

    public static TheoryData<string, string> SeparateBlocks => new()
    {
        { "bullet items", "- [x] " + Markup + "\n" },
        { "star and plus items", "* " + Markup + "\n+ " + Markup + "\n" },
        { "nested bullet items", "- " + Markup + "\n  - " + Markup + "\n" },
        { "ordered items", "{n}. " + Markup + "\n" },
        { "ordered items with a lazy line", "{n}) " + Markup + "\nlazy " + Markup + "\n" },
        { "headings", "## " + Markup + "\n" },
        { "items and comments", "<!-- execplan-disable EXP021 " + Markup + " -->\n- [x] x " + Markup + "\n" },
        { "quoted items", "> - " + Markup + "\n" },
    };

    public static TheoryData<string, string> OneParagraph => new()
    {
        { "plain lines", Markup + "\n" },
        { "lines numbered past 1 after a paragraph", "{n}. " + Markup + "\n" },
        { "bullets indented four columns", "    - " + Markup + "\n" },
        { "tab-indented bullets", "\t- " + Markup + "\n" },
        { "lazy lines of one item", "lazy " + Markup + "\n" },
        { "quote lines and lazy lines", "> " + Markup + "\n" + Markup + "\n" },
        { "a nested ordered list not starting at 1", "   {n}. " + Markup + "\n" },
    };

    [Theory]
    [MemberData(nameof(SeparateBlocks))]
    public void A_run_of_separate_leaf_blocks_without_blank_lines_is_parsed(string shape, string repeated)
    {
        var text = Plan(shape.StartsWith("ordered", StringComparison.Ordinal) ? "1" + repeated[3] + " first\n" : "- [ ] first\n", repeated);

        Assert.True(LargestParagraphMarkup(text) < PlanParser.MaxInlineMarkupPerBlock, shape + ": Markdig makes one large paragraph of it");
        Assert.DoesNotContain(Validate.Text(text), d => d.Id == "EXP000");
    }

    [Theory]
    [MemberData(nameof(OneParagraph))]
    public void Lines_that_only_continue_a_paragraph_still_add_up_and_are_refused(string shape, string repeated)
    {
        var lead = shape switch
        {
            "lazy lines of one item" => "- item " + Markup + "\n",
            "a nested ordered list not starting at 1" => "1. item " + Markup + "\n",
            _ => "A paragraph " + Markup + "\n",
        };
        var text = Plan(lead, repeated);

        Assert.True(LargestParagraphMarkup(text) > PlanParser.MaxInlineMarkupPerBlock, shape + ": Markdig does not make one large paragraph of it");
        var exp000 = Assert.Single(Validate.Text(text), d => d.Id == "EXP000");
        // The quote interrupts the lead paragraph; its lazy lines are one paragraph from line 4.
        var paragraphLine = shape == "quote lines and lazy lines" ? 4 : 3;
        Assert.Contains($"paragraph starting on line {paragraphLine}", exp000.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_count_restarts_at_the_item_so_the_message_names_the_paragraph_that_is_too_long()
    {
        var text = "# T\n\n- [x] a\n- [x] b\n" + string.Concat(Enumerable.Repeat(Markup + "\n", 1_500));

        var exp000 = Assert.Single(Validate.Text(text), d => d.Id == "EXP000");

        Assert.Contains("paragraph starting on line 4", exp000.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Right_after_a_fence_the_message_names_the_paragraph_after_it()
    {
        // Line 6 (1-based) is the first line after the closing fence.
        var text = "# T\n\n```\ncode\n```\n" + string.Concat(Enumerable.Repeat(Markup + "\n", 1_500));

        var exp000 = Assert.Single(Validate.Text(text), d => d.Id == "EXP000");

        Assert.Contains("paragraph starting on line 6", exp000.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_paragraph_with_little_markup_is_parsed()
    {
        // 40,000 characters in one paragraph, 2,000 of them markup: long runs are counted exactly,
        // not refused for their length.
        var text = "# T\n\n" + string.Concat(Enumerable.Repeat("plain words and a `code` span here\n", 1_000));

        Assert.DoesNotContain(Validate.Text(text), d => d.Id == "EXP000");
    }

    [Fact]
    public void Markup_spread_over_a_long_run_of_items_counts_per_item_even_past_the_run_limit()
    {
        // The run passes 10,000 characters at once (long prose lines), then its items hold 9
        // markup characters each: the count of the paragraph in progress must be exact, not the run's.
        var prose = string.Concat(Enumerable.Repeat("word ", 2_400)) + "\n";
        var text = "# T\n\n" + prose + string.Concat(Enumerable.Repeat("- " + Markup + "\n", 2_000)) + string.Concat(Enumerable.Repeat(Markup + "\n", 1_200));

        var exp000 = Assert.Single(Validate.Text(text), d => d.Id == "EXP000");

        // The last item, on line 2,003, takes in the lazy lines after it.
        Assert.Contains("paragraph starting on line 2003", exp000.Message, StringComparison.Ordinal);
    }

    private static string Plan(string lead, string repeated) =>
        "# T\n\n" + lead + string.Concat(Enumerable.Range(2, 1_500).Select(n => repeated.Replace("{n}", n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));

    /// <summary>The most inline markup characters Markdig puts in one paragraph of the text.</summary>
    private static int LargestParagraphMarkup(string text)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, MarkdownPipelineFactory.Pipeline);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("depth limit", StringComparison.Ordinal))
        {
            // Only one paragraph's inlines nest that deep.
            return int.MaxValue;
        }

        return document.Descendants<ParagraphBlock>()
            .Select(p => text.Substring(p.Span.Start, p.Span.Length).Count(c => c is '`' or '*' or '_' or '[' or '<' or '!'))
            .DefaultIfEmpty(0)
            .Max();
    }
}
