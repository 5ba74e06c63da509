namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;

/// <summary>EXP054: a revision note section, where there is one, is the last section.</summary>
public sealed class EXP054RevisionNoteLast : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP054;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        // Plain loops (no closures to JIT on a first call): the last revision note, then the
        // first heading after it at its level or above.
        var sections = plan.Sections;
        PlanSection? note = null;
        for (var i = sections.Count - 1; i >= 0; i--)
        {
            if (sections[i].Kind == SectionKind.RevisionNote)
            {
                note = sections[i];
                break;
            }
        }

        if (note is null)
        {
            return;
        }

        var start = note.Heading.Block.Span.Start;
        var level = note.Heading.Level;
        foreach (var later in plan.Headings)
        {
            if (later.Block.Span.Start > start && later.Level <= level)
            {
                context.Report(note.Heading.TextSpan,
                    $"move it to the end of the plan: '{later.Text}' (line {later.TextSpan.StartLine}) follows it.");
                return;
            }
        }
    }
}
