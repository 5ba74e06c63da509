namespace ExecPlan.Benchmarks;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ExecPlan.Validation.Parsing;

/// <summary>One linear-cost case: a plan shape made at a scale (1, 10, 100).</summary>
public sealed record LinearCase(string Name, Func<int, IReadOnlyList<PlanText>> Make);

/// <summary>
/// The linear-cost cases, shared by <c>linear</c>, <c>linear-why</c> and (as sets named
/// <c>linear:NAME:SCALE</c>, NAME a substring of a case's name) <c>rules</c>, <c>rules-inline</c>
/// and <c>parse-stages</c>.
/// </summary>
public static class LinearCases
{
    public static IReadOnlyList<LinearCase> All { get; } =
    [
        new("plan size (typical plan grown)", n => [new PlanText("p.md", PlanGenerator.Generate(10 * 1024 * n, 5))]),
        new("plan count (10 typical plans x scale)", n => Enumerable.Range(0, 10 * n).Select(i => new PlanText("p.md", PlanGenerator.Generate(10 * 1024, i % 50))).ToList()),
        new("Progress items without timestamps (1000 x scale)", n => One(Dense(1000 * n, "- [x] done a thing without a time\n"))),
        new("suppressed findings (disable-line on each of 300 x scale items)", n => One(Dense(300 * n, "- [x] done <!-- execplan-disable-line EXP021 -->\n"))),
        new("open disable regions (200 x scale)", n => One(Dense(200 * n, "<!-- execplan-disable EXP021 -->\n- [x] x\n<!-- execplan-enable EXP021 -->\n- [x] y\n"))),
        // The two rows above are one run of non-blank lines: past 10x the parser's inline-markup
        // guard refuses it with one EXP000, so their 100x row times the guard, not the rules.
        // Blank-separated, the same items reach the rules at every scale.
        new("Progress items without timestamps, blank-separated (1000 x scale)", n => One(Dense(1000 * n, "- [x] done a thing without a time\n\n"))),
        new("open disable regions, blank-separated (200 x scale)", n => One(Dense(200 * n, "<!-- execplan-disable EXP021 -->\n\n- [x] x\n\n<!-- execplan-enable EXP021 -->\n\n- [x] y\n\n"))),
        new("decision entries (500 x scale)", n => One(Dense(500 * n, "- Decision: use X\n  Rationale: it is simpler\n\n", "Decision Log"))),
        new("headings (300 x scale sections)", n => One(Dense(300 * n, "## Notes\n\ntext\n\n", "Idempotence and Recovery"))),
        // Hostile shapes (issue: super-linear inputs under the size limit). Past the paragraph
        // markup guard they are refused with one EXP000, which must stay linear too.
        new("link reference definitions in one paragraph (2000 x scale)", n => One("# T\n\n" + string.Concat(Enumerable.Range(0, 2000 * n).Select(i => "[r" + i + "]: http://x/" + i + "\n")))),
        new("link reference definitions, blank-separated (2000 x scale)", n => One("# T\n\n" + string.Concat(Enumerable.Range(0, 2000 * n).Select(i => "[r" + i + "]: http://x/" + i + "\n\n")))),
        new("'[ (](' spread over paragraph lines (400 x scale lines)", n => One("# T\n\n" + string.Concat(Enumerable.Repeat("[ (]( [ (]( [ (]( [ (]( [ (](\n", 400 * n)))),
        new("suppression comments with 3,000 spaces (8 x scale)", n => One("# T\n\n" + string.Concat(Enumerable.Repeat("<!-- execplan-disable EXP021 --" + new string(' ', 3000) + "-->\n\n", 8 * n)))),
        new("runs of 5,000 dashes in Progress items (4 x scale)", n => One(Dense(4 * n, "- [x] drafted the " + new string('-', 5000) + "\n"))),
    ];

    /// <summary>The cases whose name contains <paramref name="only"/> (all when it is empty).</summary>
    public static IEnumerable<LinearCase> Matching(string only) =>
        All.Where(c => only.Length == 0 || c.Name.Contains(only, StringComparison.OrdinalIgnoreCase));

    /// <summary>A set named <c>linear:NAME:SCALE</c> (the first case matching NAME), or null.</summary>
    public static IReadOnlyList<PlanText>? TrySet(string set)
    {
        var parts = set.Split(':');
        if (parts.Length != 3 || parts[0] != "linear" || !int.TryParse(parts[2], out var scale))
        {
            return null;
        }

        var found = Matching(parts[1]).FirstOrDefault() ?? throw new ArgumentException("no linear case matches " + parts[1], nameof(set));
        return found.Make(scale);
    }

    private static IReadOnlyList<PlanText> One(string text) => [new PlanText("p.md", text)];

    /// <summary>A skeleton plan whose one section holds <paramref name="count"/> copies of a fragment.</summary>
    internal static string Dense(int count, string fragment, string section = "Progress")
    {
        var b = new StringBuilder();
        b.Append("# Dense plan\n\nThis ExecPlan is a living document.\n\nStatus: IN PROGRESS\n\n");
        foreach (var name in new[] { "Purpose / Big Picture", "Constraints", "Tolerances", "Risks", "Progress", "Surprises & Discoveries", "Decision Log", "Outcomes & Retrospective", "Context and Orientation", "Plan of Work", "Concrete Steps", "Validation and Acceptance", "Idempotence and Recovery", "Artifacts and Notes", "Interfaces and Dependencies" })
        {
            b.Append("## ").Append(name).Append("\n\n");
            if (name == section)
            {
                for (var i = 0; i < count; i++)
                {
                    b.Append(fragment);
                }

                b.Append('\n');
            }
            else
            {
                b.Append("None yet.\n\n");
            }
        }

        return b.ToString();
    }

    /// <summary>Whether the parser's input guard refuses <paramref name="plan"/> (one EXP000, no
    /// model): such a plan times the guard, not validation.</summary>
    internal static bool IsRefused(PlanText plan)
    {
        try
        {
            PlanParser.Parse(plan.Text, plan.Name);
            return false;
        }
        catch (PlanTooComplexException)
        {
            return true;
        }
    }
}
