namespace ExecPlan.Validation.Rules;

using System.Linq;
using ExecPlan.Validation.Model;

/// <summary>EXP054: a revision note section, where there is one, is the last section.</summary>
public sealed class EXP054RevisionNoteLast : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP054;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var note = plan.Sections.LastOrDefault(s => s.Kind == SectionKind.RevisionNote);
        if (note is null)
        {
            return;
        }

        var later = plan.Headings.FirstOrDefault(h =>
            h.Block.Span.Start > note.Heading.Block.Span.Start && h.Level <= note.Heading.Level);
        if (later is not null)
        {
            context.Report(note.Heading.TextSpan,
                $"move it to the end of the plan: '{later.Text}' (line {later.TextSpan.StartLine}) follows it.");
        }
    }
}
