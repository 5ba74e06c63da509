namespace ExecPlan.Validation.Rules;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;
using Markdig.Syntax;

/// <summary>
/// EXP041: sentences of the skeleton's guidance are not left in verbatim. Only distinctive
/// instruction sentences are listed (short ones a real plan might write on purpose are not), and
/// they are compared folded: case, emphasis and line wrapping do not matter.
/// </summary>
public sealed class EXP041TemplateInstructionText : PlanRule
{
    private static readonly string[] Guidance =
    [
        "Explain in a few sentences what someone gains after this change and how they can see it working.",
        "State the user-visible behaviour you will enable.",
        "Hard invariants that must hold throughout implementation.",
        "These are not suggestions; violation requires escalation, not workarounds.",
        "Paths/modules this plan must not modify.",
        "Public interfaces that must remain stable.",
        "Compatibility requirements (language versions, platforms, targets).",
        "Security or compliance considerations that constrain approach selection.",
        "If satisfying the objective requires violating a constraint, do not proceed.",
        "Thresholds that trigger escalation when breached.",
        "These define the boundaries of autonomous action, not quality criteria.",
        "Adjust these values based on the task.",
        "Small, well-understood changes warrant tighter tolerances; exploratory work may need looser ones.",
        "Known uncertainties that might affect the plan.",
        "Identify these upfront and update as work proceeds.",
        "Each risk should note severity, likelihood, and mitigation or contingency.",
        "Risks differ from Surprises: risks are anticipated; surprises are not.",
        "Use a list with checkboxes to summarise granular steps.",
        "Every stopping point must be documented here, even if it requires splitting a partially completed task into two",
        "This section must always reflect the actual current state of the work.",
        "Use timestamps to measure rates of progress and detect tolerance breaches.",
        "Example completed step.",
        "Example incomplete step.",
        "Example partially completed step",
        "Unexpected findings during implementation that were not anticipated as risks.",
        "Document with evidence so future work benefits.",
        "Record every significant decision made while working on the plan.",
        "Include decisions to escalate, decisions on ambiguous requirements, and design choices.",
        "Summarise outcomes, gaps, and lessons learned at major milestones or at completion.",
        "Compare the result against the original purpose.",
        "Note what would be done differently next time.",
        "Describe the current state relevant to this task as if the reader knows nothing.",
        "Name the key files and modules by full path.",
        "Describe, in prose, the sequence of edits and additions.",
        "For each edit, name the file and location (function, module) and what to insert or change.",
        "Structure as stages with explicit go/no-go points where appropriate",
        "Do not proceed to the next stage if the current stage's validation fails.",
        "State the exact commands to run and where to run them (working directory).",
        "When a command generates output, show a short expected transcript so the reader can compare.",
        "Describe how to start or exercise the system and what to observe.",
        "Phrase acceptance as behaviour, with specific inputs and outputs.",
        "If steps can be repeated safely, say so.",
        "If a step is risky, provide a safe retry or rollback path.",
        "Include the most important transcripts, diffs, or snippets as indented examples.",
        "Keep them concise and focused on what proves success.",
        "Name the libraries, modules, and services to use and why.",
        "Specify the types, traits/interfaces, and function signatures that must exist at the end of the milestone.",
        "If PLANS.md file is checked into the repo, reference the path to that file here",
    ];

    private static readonly string[] FoldedGuidance = Array.ConvertAll(Guidance, g => TextScan.Fold(g, 0, out _));

    private static readonly int ShortestGuidance = ShortestLength(FoldedGuidance);

    public override RuleDescriptor Descriptor => RuleCatalog.EXP041;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        // One buffer per plan, folded in place without offsets: almost no block holds guidance, so
        // the offset table (and the block's source string) is only built for a block that does.
        var buffer = new char[256];
        var text = plan.Text;
        foreach (var block in plan.AllBlocks)
        {
            if (block is not LeafBlock leaf || leaf is FencedCodeBlock)
            {
                continue;
            }

            var start = Math.Max(0, leaf.Span.Start);
            var end = Math.Min(text.Length, leaf.Span.End + 1);
            if (end - start < ShortestGuidance)
            {
                continue;
            }

            if (buffer.Length < end - start)
            {
                buffer = new char[Math.Max(end - start, buffer.Length * 2)];
            }

            var length = TextScan.FoldInto(text, start, end, buffer);
            if (length < ShortestGuidance || !ContainsAnyGuidance(new ReadOnlySpan<char>(buffer, 0, length)))
            {
                continue;
            }

            var source = plan.SourceOf(leaf);
            var folded = TextScan.Fold(source, start, out var offsets);
            for (var g = 0; g < FoldedGuidance.Length; g++)
            {
                var index = folded.IndexOf(FoldedGuidance[g], StringComparison.Ordinal);
                if (index < 0)
                {
                    continue;
                }

                var from = offsets[index];
                var to = offsets[index + FoldedGuidance[g].Length - 1] + 1;
                context.Report(plan.Lines.Span(from, to), $"'{Short(Guidance[g])}' is the skeleton's guidance, verbatim; replace it with this plan's own content.");
            }
        }
    }

    /// <summary>Guidance indices by the hash of their first two folded characters, chained
    /// through <see cref="NextInBucket"/>: one pass over a block instead of one search per sentence.</summary>
    private static readonly int[] BucketHeads = BuildBuckets(out NextInBucket);

    private static readonly int[] NextInBucket;

    // 4,096 buckets from the low six bits of each character: the 48 sentences' opening pairs
    // rarely share one, and a position whose pair opens no sentence costs one table read.
    private const int BucketMask = 4095;

    private static int Bucket(char first, char second) => ((first & 0x3F) << 6) | (second & 0x3F);

    private static int[] BuildBuckets(out int[] next)
    {
        var heads = new int[BucketMask + 1];
        next = new int[FoldedGuidance.Length];
        for (var i = 0; i < heads.Length; i++)
        {
            heads[i] = -1;
        }

        for (var g = FoldedGuidance.Length - 1; g >= 0; g--)
        {
            var b = Bucket(FoldedGuidance[g][0], FoldedGuidance[g][1]);
            next[g] = heads[b];
            heads[b] = g;
        }

        return heads;
    }

    private static bool ContainsAnyGuidance(ReadOnlySpan<char> folded)
    {
        var last = folded.Length - ShortestGuidance;
        var heads = BucketHeads;
        for (var i = 0; i <= last; i++)
        {
            for (var g = heads[Bucket(folded[i], folded[i + 1])]; g >= 0; g = NextInBucket[g])
            {
                var guidance = FoldedGuidance[g];
                if (guidance.Length <= folded.Length - i && guidance[0] == folded[i] && guidance[2] == folded[i + 2] &&
                    folded.Slice(i, guidance.Length).SequenceEqual(guidance.AsSpan()))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int ShortestLength(string[] strings)
    {
        var shortest = int.MaxValue;
        foreach (var s in strings)
        {
            shortest = Math.Min(shortest, s.Length);
        }

        return shortest;
    }

    private static string Short(string sentence) => sentence.Length <= 50 ? sentence : sentence.Substring(0, 50) + "…";
}
