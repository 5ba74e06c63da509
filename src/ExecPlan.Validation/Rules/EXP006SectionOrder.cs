namespace ExecPlan.Validation.Rules;

using System.Collections.Generic;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;

/// <summary>EXP006: known sections follow the skeleton's order. The sections outside the longest
/// in-order run are the ones reported, so one misplaced section gives one finding.</summary>
public sealed class EXP006SectionOrder : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP006;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        if (context.Derived is { } derived)
        {
            AnalyzeDerived(plan, context, derived);
            return;
        }

        var order = SectionCatalog.SkeletonOrder;

        // A repeated section is EXP003's finding; only first occurrences are ordered here. Plain
        // loops and an array by kind: no closures or value-type collections to JIT on a first call.
        var seen = new bool[SectionKinds.Count];
        var sections = plan.Sections;
        var headings = new List<PlanHeading>();
        var ranks = new List<int>();
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            if (!section.IsPrimary)
            {
                continue;
            }

            var rank = SectionKinds.IndexOf(order, section.Kind);
            if (rank < 0 || seen[(int)section.Kind])
            {
                continue;
            }

            seen[(int)section.Kind] = true;
            headings.Add(section.Heading);
            ranks.Add(rank);
        }

        if (headings.Count < 2)
        {
            return;
        }

        ReportOutOfOrder(context, headings, ranks.ToArray(), "the skeleton's order");
    }

    /// <summary>The order of the repository's PLANS.md skeleton: the plan's headings that are its
    /// sections, ranked by their place there.</summary>
    private static void AnalyzeDerived(PlanDocument plan, RuleContext context, Profiles.DerivedProfile derived)
    {
        var seen = new HashSet<Profiles.DerivedSection>();
        var headings = new List<PlanHeading>();
        var ranks = new List<int>();
        // Only headings at the plan's section level: a subsection named like a section is content.
        int? level = null;
        foreach (var section in plan.Sections)
        {
            if (section.IsPrimary)
            {
                level = section.Heading.Level;
                break;
            }
        }

        foreach (var heading in plan.Headings)
        {
            if (ReferenceEquals(heading, plan.Title) || (level is { } l && heading.Level != l) || derived.SectionOf(heading) is not { } section || !seen.Add(section))
            {
                continue;
            }

            headings.Add(heading);
            ranks.Add(IndexOf(derived.Sections, section));
        }

        if (headings.Count >= 2)
        {
            ReportOutOfOrder(context, headings, ranks.ToArray(), $"the order of {derived.Cite(derived.SkeletonLine)}");
        }
    }

    private static void ReportOutOfOrder(RuleContext context, List<PlanHeading> sections, int[] rank, string orderName)
    {

        // Longest non-decreasing subsequence (n is at most a few dozen).
        var length = new int[rank.Length];
        var previous = new int[rank.Length];
        var best = 0;
        for (var i = 0; i < rank.Length; i++)
        {
            length[i] = 1;
            previous[i] = -1;
            for (var j = 0; j < i; j++)
            {
                if (rank[j] <= rank[i] && length[j] + 1 > length[i])
                {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }

            if (length[i] > length[best])
            {
                best = i;
            }
        }

        var inOrder = new bool[rank.Length];
        for (var i = best; i >= 0; i = previous[i])
        {
            inOrder[i] = true;
        }

        for (var i = 0; i < sections.Count; i++)
        {
            if (inOrder[i])
            {
                continue;
            }

            context.Report(sections[i].TextSpan,
                $"'{sections[i].Text}' is out of {orderName}; move it {Where(sections, rank, i)}.");
        }
    }

    /// <summary>Names a neighbour the section is not already beside: written too late (a section
    /// the skeleton puts after it comes first), "before" the first such section; written too early,
    /// "after" the section the skeleton puts just before it among those that follow.</summary>
    private static string Where(List<PlanHeading> sections, int[] rank, int i)
    {
        for (var k = 0; k < i; k++)
        {
            if (rank[k] > rank[i])
            {
                return $"before '{sections[k].Text}' (line {sections[k].TextSpan.StartLine})";
            }
        }

        var after = -1;
        for (var k = i + 1; k < sections.Count; k++)
        {
            if (rank[k] < rank[i] && (after < 0 || rank[k] > rank[after]))
            {
                after = k;
            }
        }

        return after < 0 ? "into the skeleton's order" : $"after '{sections[after].Text}' (line {sections[after].TextSpan.StartLine})";
    }

    private static int IndexOf<T>(IReadOnlyList<T> order, T kind)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(order[i], kind))
            {
                return i;
            }
        }

        return -1;
    }
}
