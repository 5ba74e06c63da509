namespace ExecPlan.Validation.Rules;

using System;
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

    /// <summary>The three "Example ... step" sentences are far shorter than the rest (23 to 32
    /// characters, the rest 38 or more): searched with them, the window and so every skip would
    /// be 23 characters. Each starts with "example", so they are searched apart, only in a block
    /// whose fold holds <see cref="ExampleStem"/> (its rare first letter is found fast).</summary>
    private const string ExampleStem = "xample";

    /// <summary>Finds whether a block holds any other sentence without folding it: almost none does.</summary>
    private static readonly FoldedSearch Search = new(Array.FindAll(FoldedGuidance, g => !IsExample(g)));

    private static readonly FoldedSearch ExampleSearch = new(Array.FindAll(FoldedGuidance, IsExample));

    public override RuleDescriptor Descriptor => RuleCatalog.EXP041;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var text = plan.Text;
        var blocks = plan.AllBlocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b] is not LeafBlock leaf || leaf is FencedCodeBlock)
            {
                continue;
            }

            var start = Math.Max(0, leaf.Span.Start);
            var end = Math.Min(text.Length, leaf.Span.End + 1);
            if (!Search.ContainsAny(text, start, end) &&
                !(TextScan.ContainsFoldedWord(text, start, end, ExampleStem) && ExampleSearch.ContainsAny(text, start, end)))
            {
                continue;
            }

            // Rare: the block holds guidance. Fold it with offsets to report each sentence.
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

    private static bool IsExample(string foldedSentence) => foldedSentence.StartsWith("e" + ExampleStem, StringComparison.Ordinal);

    private static string Short(string sentence) => sentence.Length <= 50 ? sentence : sentence.Substring(0, 50) + "…";
}
