namespace ExecPlan.Benchmarks;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using Markdig;
using Markdig.Syntax;

/// <summary>
/// <c>parse-stages [SET...]</c>: where <see cref="PlanParser.Parse"/> spends its time beyond
/// Markdig's own parse. Each stage runs alone over every plan of the set (on syntax trees parsed
/// beforehand), so a stage's row is its own cost; the last rows compare the whole parse model
/// with bare Markdig, and the two linear-cost cases of the parser at 1x, 10x and 100x.
/// Times are the minimum and median of repeated passes after a warm-up (Stopwatch).
/// </summary>
internal static class ParseStages
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Run(string[] sets)
    {
        if (sets.Length == 0)
        {
            sets = ["Corpus1000", "Real", "Typical10K", "Huge5M"];
        }

        Console.WriteLine("| set | stage | min ms | median ms | alloc KB | min / Markdig min |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var set in sets)
        {
            Stages(set, Synthetic(set) ?? PlanCorpus.Set(set));
        }

        Console.WriteLine();
        Console.WriteLine("| case | scale | KB | Markdig ms | PlanParser ms | ratio | parse-model ns/byte vs 1x |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        Linear("decision entries (500 x scale)", n => LinearCases.Dense(500 * n, "- Decision: use X\n  Rationale: it is simpler\n\n", "Decision Log"));
        Linear("headings (300 x scale sections)", n => LinearCases.Dense(300 * n, "## Notes\n\ntext\n\n", "Idempotence and Recovery"));
    }

    private static void Stages(string set, IReadOnlyList<PlanText> all)
    {
        // A plan refused before Markdig runs (EXP000) has no stages to measure.
        var plans = all.Where(p => !LinearCases.IsRefused(p)).ToList();
        var texts = plans.Select(p => p.Text.Length > 0 && p.Text[0] == '\uFEFF' ? p.Text.Substring(1) : p.Text).ToList();
        var maps = texts.Select(t => new LineMap(t)).ToList();
        var trees = texts.Select(t => Markdown.Parse(t, MarkdownPipelineFactory.Pipeline)).ToList();
        var docs = plans.Select(p => PlanParser.Parse(p.Text, p.Name)).ToList();
        var headingTexts = docs.SelectMany(d => d.Headings.Select(h => h.Text)).ToList();
        var markdig = Time(() => { foreach (var t in texts) { Markdown.Parse(t, MarkdownPipelineFactory.Pipeline); } });
        Row(set, "Markdig parse (floor)", markdig, markdig);
        Row(set, "PlanParser.Parse (whole parse model)", Time(() => { foreach (var p in plans) { PlanParser.Parse(p.Text, p.Name); } }), markdig);
        Row(set, "LineMap", Time(() => { foreach (var t in texts) { _ = new LineMap(t); } }), markdig);
        Row(set, "InputLimits", Time(() => { for (var i = 0; i < texts.Count; i++) { InputLimits.Check(texts[i], maps[i]); } }), markdig);
        Row(set, "OuterFenceReader", Time(() => { for (var i = 0; i < texts.Count; i++) { var t = texts[i]; OuterFenceReader.Unwrap(ref t, maps[i]); } }), markdig);
        Row(set, "HeadingReader (with section match)", Time(() =>
        {
            for (var i = 0; i < trees.Count; i++)
            {
                foreach (var block in trees[i])
                {
                    if (block is HeadingBlock h)
                    {
                        HeadingReader.Read(h, maps[i]);
                    }
                }
            }
        }), markdig);
        Row(set, string.Format(Inv, "SectionCatalog.MatchDetailed ({0} headings)", headingTexts.Count), Time(() => { foreach (var h in headingTexts) { SectionCatalog.MatchDetailed(h); } }), markdig);
        var indexes = docs.Select(d =>
        {
            var position = new Dictionary<Block, int>();
            for (var i = 0; i < d.Syntax.Count; i++)
            {
                position[d.Syntax[i]] = i;
            }

            return d.Headings.Select(h => position[h.Block]).ToList();
        }).ToList();
        Row(set, "SectionBuilder (sections, preamble)", Time(() =>
        {
            for (var i = 0; i < docs.Count; i++)
            {
                var d = docs[i];
                var top = d.Syntax.ToList();
                var headings = d.Headings.ToList();
                var index = indexes[i];
                SectionBuilder.Build(top, headings, index, d.Title);
                SectionBuilder.Preamble(top, headings, index, d.Title);
            }
        }), markdig);
        Row(set, "StatusReader", Time(() => { foreach (var d in docs) { StatusReader.Find(d.Lines, d.Syntax.ToList(), d.Preamble, d.Sections); } }), markdig);
        Row(set, "ChecklistReader", Time(() =>
        {
            foreach (var d in docs)
            {
                var progress = d.Section(SectionKind.Progress);
                if (progress is not null)
                {
                    ChecklistReader.Collect(progress.Blocks, d.Lines);
                }
            }
        }), markdig);
        Row(set, "EntryParser", Time(() =>
        {
            foreach (var d in docs)
            {
                foreach (var s in d.Sections)
                {
                    if (EntryParser.HasEntries(s.Kind))
                    {
                        foreach (var _ in EntryParser.Parse(s, d.Text, d.Lines))
                        {
                        }
                    }
                }
            }
        }), markdig);
        Row(set, "SuppressionParser", Time(() => { foreach (var d in docs) { SuppressionParser.Parse(d.Syntax, d.Text, d.Lines); } }), markdig);
    }

    /// <summary>The linear cases as sets: <c>headings-N</c>, <c>decisions-N</c> (N = scale).</summary>
    private static IReadOnlyList<PlanText>? Synthetic(string set)
    {
        var dash = set.LastIndexOf('-');
        if (dash < 0 || !int.TryParse(set.AsSpan(dash + 1), NumberStyles.None, Inv, out var n))
        {
            return null;
        }

        return set.Substring(0, dash) switch
        {
            "headings" => [new PlanText("p.md", LinearCases.Dense(300 * n, "## Notes\n\ntext\n\n", "Idempotence and Recovery"))],
            "decisions" => [new PlanText("p.md", LinearCases.Dense(500 * n, "- Decision: use X\n  Rationale: it is simpler\n\n", "Decision Log"))],
            _ => null,
        };
    }

    private static void Linear(string name, Func<int, string> make)
    {
        double basePerByte = 0;
        foreach (var scale in new[] { 1, 10, 100 })
        {
            var text = make(scale);
            var markdig = Time(() => Markdown.Parse(text, MarkdownPipelineFactory.Pipeline), budgetMs: 1500);
            var model = Time(() => PlanParser.Parse(text, "p.md"), budgetMs: 1500);
            var perByte = model.Min * 1e6 / text.Length;
            basePerByte = scale == 1 ? perByte : basePerByte;
            Console.WriteLine(string.Format(Inv, "| {0} | {1}x | {2:F0} | {3:F2} | {4:F2} | {5:F2} | {6:F2} |",
                name, scale, text.Length / 1024.0, markdig.Min, model.Min, model.Min / markdig.Min, perByte / basePerByte));
        }
    }

    private static void Row(string set, string stage, (double Min, double Median, long Alloc) t, (double Min, double Median, long Alloc) markdig) =>
        Console.WriteLine(string.Format(Inv, "| {0} | {1} | {2:F3} | {3:F3} | {4:F0} | {5:F2} |", set, stage, t.Min, t.Median, t.Alloc / 1024.0, t.Min / markdig.Min));

    private static (double Min, double Median, long Alloc) Time(Action action, int budgetMs = 2000)
    {
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 3 || (warm.ElapsedMilliseconds < 300 && i < 50); i++)
        {
            action();
        }

        var alloc = GC.GetAllocatedBytesForCurrentThread();
        action();
        alloc = GC.GetAllocatedBytesForCurrentThread() - alloc;
        var samples = new List<double>();
        var total = Stopwatch.StartNew();
        while (samples.Count < 5 || (total.ElapsedMilliseconds < budgetMs && samples.Count < 100))
        {
            var watch = Stopwatch.StartNew();
            action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        return (samples[0], samples[samples.Count / 2], alloc);
    }
}
