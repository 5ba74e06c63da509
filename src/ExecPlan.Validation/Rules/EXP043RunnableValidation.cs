namespace ExecPlan.Validation.Rules;

using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// EXP043: Concrete Steps and Validation and Acceptance show something to run (a code block, a
/// code span, a '$ ' line, or a command line indented under a step that CommonMark reads as
/// paragraph text), and Validation says what to expect. The expected-outcome check uses English
/// words, so it is skipped for text that is mostly in another script; a section with no prose of
/// its own (only code) is judged by the script of the whole plan.
/// </summary>
public sealed class EXP043RunnableValidation : PlanRule
{
    /// <summary>What <see cref="OutcomeScan"/> reads; run only where the scan cannot.</summary>
    internal static readonly Regex Outcome = TextScan.Pattern(
        @"\b(?:expect\w*|should|must|pass\w*|succe\w*|fail\w*|return\w*|print\w*|output\w*|shows?|shown|see|seen|observ\w*|exit\w*|results?|green|respon\w*|errors?|warnings?|reports?|display\w*|contain\w*|match\w*|equal\w*|produc\w*|emit\w*|logs?|logged|verif\w*|confirm\w*|appear\w*|outcome\w*)\b|→|=>");

    public override RuleDescriptor Descriptor => RuleCatalog.EXP043;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var steps = plan.Section(SectionKind.ConcreteSteps);
        if (steps is { IsEmpty: false } && !HasCommand(plan, steps))
        {
            context.Report(steps.Heading.TextSpan,
                "Concrete Steps shows no command; give the exact commands to run (as indented blocks) and the working directory.");
        }

        var validation = plan.Section(SectionKind.Validation);
        if (validation is null || validation.IsEmpty)
        {
            return;
        }

        if (!HasCommand(plan, validation))
        {
            context.Report(validation.Heading.TextSpan,
                "Validation and Acceptance shows no command; say how to exercise the change (e.g. the test command to run).");
        }

        // The outcome first: most sections have one early, and then the script count is not needed.
        if (!HasOutcome(plan, validation.Blocks) && !IsMostlyForeign(plan, validation.Blocks))
        {
            context.Report(validation.Heading.TextSpan,
                "Validation and Acceptance shows no expected outcome; say what a reader should observe (e.g. 'expect 42 passed, 0 failed').");
        }
    }

    /// <summary>Whether the section's text (its blocks' source, concatenated) is mostly in another
    /// script; a section without prose letters is judged by the whole plan. Read block by block.</summary>
    internal static bool IsMostlyForeign(PlanDocument plan, IReadOnlyList<Block> blocks)
    {
        var text = plan.Text;
        var inCode = false;
        var prose = false;
        for (var b = 0; b < blocks.Count && !prose; b++)
        {
            var (start, end) = Bounds(text, blocks[b]);
            prose = TextScan.HasProseLetters(text, start, end, ref inCode);
        }

        if (!prose)
        {
            return TextScan.IsMostlyForeignWords(text);
        }

        var scripts = default(TextScan.WordScripts);
        for (var b = 0; b < blocks.Count; b++)
        {
            var (start, end) = Bounds(text, blocks[b]);
            scripts.Add(text, start, end);
        }

        return scripts.IsMostlyForeign;
    }

    /// <summary>Whether <see cref="Outcome"/> matches the blocks' source concatenated: a scan of
    /// the pieces, the regex only when the scan meets a character it leaves to it.</summary>
    internal static bool HasOutcome(PlanDocument plan, IReadOnlyList<Block> blocks)
    {
        var text = plan.Text;
        var scan = default(OutcomeScan);
        for (var b = 0; b < blocks.Count; b++)
        {
            var (start, end) = Bounds(text, blocks[b]);
            if (scan.Feed(text, start, end))
            {
                break;
            }
        }

        if (!scan.NeedsRegex)
        {
            return scan.Finish();
        }

        var builder = new StringBuilder();
        for (var b = 0; b < blocks.Count; b++)
        {
            var (start, end) = Bounds(text, blocks[b]);
            builder.Append(text, start, end - start);
        }

        return Outcome.IsMatch(builder.ToString());
    }

    /// <summary>A block's source range, as <see cref="PlanDocument.SourceOf"/> cuts it (empty when it has none).</summary>
    private static (int Start, int End) Bounds(string text, Block block)
    {
        var start = System.Math.Max(0, block.Span.Start);
        var end = System.Math.Min(text.Length, block.Span.End + 1);
        return end > start ? (start, end) : (start, start);
    }

    private static bool HasCommand(PlanDocument plan, PlanSection section)
    {
        foreach (var block in SyntaxWalk.Blocks(section.Blocks))
        {
            if (block is CodeBlock)
            {
                return true;
            }

            if (block is LeafBlock leaf && plan.InlineOf(leaf) is { } inline && HasCodeInline(inline))
            {
                return true;
            }

            if (block is ParagraphBlock paragraph && (HasPromptLine(plan.Text, System.Math.Max(0, block.Span.Start), System.Math.Min(plan.Text.Length, block.Span.End + 1)) || CommandLines.HasCommandLine(plan, paragraph)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasCodeInline(ContainerInline container)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is CodeInline || (child is ContainerInline inner && HasCodeInline(inner)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A line of the block's source (its start, or after a '\n') that reads as a prompt: spaces,
    /// tabs and '&gt;' marks, then '$', '&gt;' or '#', one or more spaces or tabs and a non-space
    /// character. A scan of the line starts where a regex ran over the block's substring.
    /// </summary>
    internal static bool HasPromptLine(string text, int start, int end)
    {
        for (var line = start; line < end;)
        {
            var i = line;
            for (; i < end && text[i] is ' ' or '\t' or '>'; i++)
            {
                if (text[i] == '>' && IsPromptAt(text, i, end))
                {
                    return true;
                }
            }

            if (i < end && text[i] is '$' or '#' && IsPromptAt(text, i, end))
            {
                return true;
            }

            var newline = text.IndexOf('\n', line, end - line);
            line = newline < 0 ? end : newline + 1;
        }

        return false;
    }

    /// <summary>After the prompt mark at <paramref name="mark"/>: spaces or tabs, then a non-space.</summary>
    private static bool IsPromptAt(string text, int mark, int end)
    {
        var i = mark + 1;
        while (i < end && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i > mark + 1 && i < end && !char.IsWhiteSpace(text[i]);
    }
}
