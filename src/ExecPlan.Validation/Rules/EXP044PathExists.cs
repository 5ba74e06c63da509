namespace ExecPlan.Validation.Rules;

using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// EXP044: repository-relative paths named in code spans exist. To stay quiet on the many paths a
/// plan legitimately names before they exist, a path is checked only when: it contains '/', has
/// no spaces, wildcards or placeholders; its first segment exists in the repository (so
/// 'origin/main' or 'application/json' are not paths); and the sentence around it does not speak
/// of creating, adding, moving or removing something (for a path in a nested list item, the whole
/// outermost item is that sentence).
/// </summary>
public sealed class EXP044PathExists : PlanRule
{
    private static readonly Regex PathLike = TextScan.Pattern(@"^(?:\./)?(?<path>[\p{L}\p{N}_.\-]+(?:/[\p{L}\p{N}_.\-]+)+)/?(?::\d+(?:[:\-]\d+)?|#L\d+(?:-L?\d+)?)?$");

    private static readonly Regex ChangeWords = TextScan.Pattern(
        @"\b(?:creat\w*|add\w*|new|introduc\w*|generat\w*|writ\w*|wrote|renam\w*|mov\w*|defin\w*|implement\w*|exist\w*|delet\w*|remov\w*|drop\w*|will|would|future|later|planned|output\w*|produc\w*|emit\w*|artifact\w*|artefact\w*|scaffold\w*|touch|mkdir|cop(?:y|ies|ied)|split\w*|extract\w*|replac\w*|migrat\w*|becom\w*|instead)\b");

    public override RuleDescriptor Descriptor => RuleCatalog.EXP044;

    public override bool NeedsRepository => true;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var repository = context.Repository!;
        // A code span needs a backtick: a block without one is not inline-parsed for nothing
        // (most paragraphs are left unparsed by the plan pipeline, see DeferredInlines).
        var ticks = new CharCursor(plan.Text, '`');
        if (!ticks.Any)
        {
            return;
        }

        foreach (var block in SyntaxWalk.Blocks(plan.Syntax))
        {
            if (block is not LeafBlock leaf || leaf is CodeBlock
                || !ticks.In(System.Math.Max(0, leaf.Span.Start), System.Math.Min(plan.Text.Length, leaf.Span.End + 1))
                || plan.InlineOf(leaf) is null)
            {
                continue;
            }

            string? sentenceSource = null;
            foreach (var inline in SyntaxWalk.Inlines(plan, leaf))
            {
                if (inline is not CodeInline code)
                {
                    continue;
                }

                var match = PathLike.Match(code.Content.Trim());
                if (!match.Success)
                {
                    continue;
                }

                var path = match.Groups["path"].Value;
                var firstSegment = path.Substring(0, path.IndexOf('/'));
                if (firstSegment is "." or ".." || path.Contains("/../") || !repository.Exists(firstSegment) || repository.Exists(path))
                {
                    continue;
                }

                sentenceSource ??= plan.SourceOf(ContextBlock(leaf));
                if (ChangeWords.IsMatch(sentenceSource))
                {
                    continue;
                }

                context.Report(plan.Lines.Span(code.Span.Start, code.Span.End + 1),
                    $"'{path}' is not in the repository; fix the path (repository-relative), or say that the plan creates it.");
            }
        }
    }

    // A path in a list item is judged by the whole outermost item, so "- Create:" (or "- New files:")
    // above a nested path counts.
    private static Block ContextBlock(LeafBlock leaf)
    {
        Block context = leaf;
        for (var parent = leaf.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ListItemBlock item)
            {
                context = item;
            }
            else if (parent is not ListBlock)
            {
                break;
            }
        }

        return context;
    }
}
