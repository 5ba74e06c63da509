namespace ExecPlan.Validation.Tests;

using System;
using System.Collections.Generic;
using System.Linq;
using ExecPlan.Validation.Diagnostics;

/// <summary>The report order (span, then ID, stable) of the natural merge sort, against LINQ's
/// stable OrderBy on many shapes: sorted, reversed, runs of several rules, ties, random.</summary>
public class DiagnosticOrderTests
{
    private static readonly string[] Ids = ["EXP001", "EXP021", "EXP040", "EXP053"];

    public static TheoryData<string, int> Shapes() => new()
    {
        { "sorted", 500 },
        { "reversed", 500 },
        { "runs", 2000 },
        { "ties", 300 },
        { "random", 1000 },
        { "random", 3 },
        { "one", 1 },
        { "none", 0 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sorting_gives_the_order_of_a_stable_sort_by_span_then_id(string shape, int count)
    {
        var diagnostics = Make(shape, count);
        var expected = diagnostics.OrderBy(d => d.Span).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();

        DiagnosticOrder.SortStable(diagnostics);

        Assert.Equal(expected.Count, diagnostics.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            // Reference equality: equal findings keep their order (the sort is stable).
            Assert.Same(expected[i], diagnostics[i]);
        }
    }

    private static List<PlanDiagnostic> Make(string shape, int count)
    {
        var random = new Random(13);
        var result = new List<PlanDiagnostic>();
        for (var i = 0; i < count; i++)
        {
            var (line, column, id) = shape switch
            {
                "sorted" => (i + 1, 1, Ids[0]),
                "reversed" => (count - i, 1, Ids[0]),
                // Each rule reports in text order, one rule after another (the validator's shape).
                "runs" => ((i % (count / 4)) + 1, 1 + (i % 3), Ids[i / (count / 4)]),
                "ties" => ((i % 5) + 1, 1, Ids[i % 2]),
                _ => (random.Next(1, 50), random.Next(1, 4), Ids[random.Next(Ids.Length)]),
            };
            result.Add(new PlanDiagnostic(id, RuleSeverity.Warning, "p.md", new SourceSpan(line, column, line, column + 1), "m" + i, "u"));
        }

        return result;
    }
}
