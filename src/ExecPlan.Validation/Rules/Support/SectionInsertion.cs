namespace ExecPlan.Validation.Rules.Support;

using System.Collections.Generic;
using ExecPlan.Validation.Fixes;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Profiles;

/// <summary>
/// Where a missing section goes, shared by EXP001 and EXP002: an empty heading at the plan's
/// section level, placed before the next section in skeleton order that the plan has, else
/// before a revision note (it stays last), else at the end of the file. Each missing section is
/// one edit computed on the plan as it is; two that land on the same place are ordered by the
/// fixer's rounds (the second is computed again once the first is in).
/// </summary>
internal static class SectionInsertion
{
    /// <summary>The insertion of a missing skill or classic section.</summary>
    public static PlanFix ForKind(PlanDocument plan, SectionKind kind)
    {
        var order = SectionCatalog.SkeletonOrder;
        var index = SectionKinds.IndexOf(order, kind);
        PlanHeading? before = null;
        for (var j = index + 1; j < order.Count && before is null && index >= 0; j++)
        {
            before = Primary(plan, order[j]);
        }

        return Insert(plan, SectionCatalog.DisplayName(kind), before);
    }

    /// <summary>The insertion of section <paramref name="index"/> of a PLANS.md-derived skeleton,
    /// before the next of its sections (in PLANS.md's order) that the plan has.</summary>
    public static PlanFix ForDerived(PlanDocument plan, DerivedProfile derived, int index)
    {
        var sections = derived.Sections;
        PlanHeading? before = null;
        for (var j = index + 1; j < sections.Count && before is null; j++)
        {
            before = DerivedProfile.Find(plan, sections[j]);
        }

        return Insert(plan, sections[index].Name, before);
    }

    private static PlanFix Insert(PlanDocument plan, string name, PlanHeading? before)
    {
        var level = 2;
        foreach (var section in plan.Sections)
        {
            if (section.IsPrimary)
            {
                level = section.Heading.Level;
                break;
            }
        }

        var heading = new string('#', level) + " " + name;
        var title = "Add the '" + name + "' section";
        before ??= LastRevisionNote(plan);
        return before is null
            ? new PlanFix(title, LineEdits.AppendBlock(plan, heading))
            : new PlanFix(title, LineEdits.InsertBlockBefore(plan, plan.Lines.LineIndexOf(before.Block.Span.Start), heading));
    }

    private static PlanHeading? Primary(PlanDocument plan, SectionKind kind)
    {
        foreach (var section in plan.Sections)
        {
            if (section.Kind == kind && section.IsPrimary)
            {
                return section.Heading;
            }
        }

        return null;
    }

    private static PlanHeading? LastRevisionNote(PlanDocument plan)
    {
        PlanHeading? note = null;
        foreach (var section in plan.Sections)
        {
            if (section.Kind == SectionKind.RevisionNote && section.IsPrimary)
            {
                note = section.Heading;
            }
        }

        return note;
    }
}
