namespace ExecPlan.Validation.Rules;

using System.Collections.Generic;
using System.Linq;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;

/// <summary>EXP006: known sections follow the skeleton's order. The sections outside the longest
/// in-order run are the ones reported, so one misplaced section gives one finding.</summary>
public sealed class EXP006SectionOrder : PlanRule
{
    public override RuleDescriptor Descriptor => RuleCatalog.EXP006;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        var order = SectionCatalog.SkeletonOrder;
        // A repeated section is EXP003's finding; only first occurrences are ordered here.
        var seen = new HashSet<SectionKind>();
        var sections = plan.Sections.Where(s => s.IsPrimary && order.Contains(s.Kind) && seen.Add(s.Kind)).ToList();
        if (sections.Count < 2)
        {
            return;
        }

        var rank = sections.Select(s => IndexOf(order, s.Kind)).ToArray();

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

        var inOrder = new HashSet<int>();
        for (var i = best; i >= 0; i = previous[i])
        {
            inOrder.Add(i);
        }

        for (var i = 0; i < sections.Count; i++)
        {
            if (inOrder.Contains(i))
            {
                continue;
            }

            var after = sections.Where((s, k) => inOrder.Contains(k) && rank[k] < rank[i]).LastOrDefault();
            var where = after is null
                ? "before the other sections"
                : $"after '{after.Heading.Text}'";
            context.Report(sections[i].Heading.TextSpan,
                $"'{sections[i].Heading.Text}' is out of the skeleton's order; move it {where}.");
        }
    }

    private static int IndexOf(IReadOnlyList<SectionKind> order, SectionKind kind)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == kind)
            {
                return i;
            }
        }

        return -1;
    }
}
