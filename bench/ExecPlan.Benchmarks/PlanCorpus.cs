namespace ExecPlan.Benchmarks;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

/// <summary>One plan held in memory: a file name and its text.</summary>
public sealed record PlanText(string Name, string Text)
{
    public int Utf8Bytes { get; } = Encoding.UTF8.GetByteCount(Text);
}

/// <summary>
/// Builds the benchmark corpora in memory: the real plans from <c>../shared/corpus/real</c>
/// (never copied into the repository) repeated with deterministic mutations, plus generated
/// plans of 2 KB, 10 KB, 50 KB and 5 MB. Same seed, same corpus, on every machine.
/// </summary>
public static class PlanCorpus
{
    public const int CorpusSize = 1000;

    private static readonly Lazy<IReadOnlyList<PlanText>> RealPlans = new(LoadReal);

    /// <summary>The real plans, read once.</summary>
    public static IReadOnlyList<PlanText> Real => RealPlans.Value;

    /// <summary>The folder of real plans: $EXECPLAN_CORPUS, else shared/corpus/real above the
    /// current directory or the executable.</summary>
    public static string FindRealCorpus()
    {
        var fromEnv = Environment.GetEnvironmentVariable("EXECPLAN_CORPUS");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
        {
            return fromEnv;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "corpus", "real");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("shared/corpus/real was not found; set EXECPLAN_CORPUS to the folder of real plans.");
    }

    /// <summary>
    /// The 1000-plan corpus: 700 plans derived from the real ones (each real plan as is, then
    /// with CRLF line ends, a changed status, stripped timestamps, shuffled sections, a dropped
    /// section, repeated Progress, ...) and 300 generated: 150 small, 120 typical, 29 of 50 KB and
    /// one of 5 MB.
    /// </summary>
    public static IReadOnlyList<PlanText> Thousand()
    {
        var result = new List<PlanText>(CorpusSize);
        var real = Real;
        var random = new Random(20261125);
        for (var i = 0; result.Count < 700; i++)
        {
            var source = real[i % real.Count];
            var variant = i / real.Count;
            result.Add(new PlanText($"real-{i:D4}-{Path.GetFileNameWithoutExtension(source.Name)}.md", Mutate(source.Text, variant, random)));
        }

        for (var i = 0; i < 150; i++)
        {
            result.Add(new PlanText($"gen-small-{i:D3}.md", PlanGenerator.Generate(2 * 1024, seed: i)));
        }

        for (var i = 0; i < 120; i++)
        {
            result.Add(new PlanText($"gen-typical-{i:D3}.md", PlanGenerator.Generate(10 * 1024, seed: 1000 + i)));
        }

        for (var i = 0; i < 29; i++)
        {
            result.Add(new PlanText($"gen-50k-{i:D3}.md", PlanGenerator.Generate(50 * 1024, seed: 2000 + i)));
        }

        result.Add(new PlanText("gen-5m-000.md", PlanGenerator.Generate(5 * 1024 * 1024, seed: 3000)));
        return result;
    }

    /// <summary>A named set for the benchmarks' [Params].</summary>
    public static IReadOnlyList<PlanText> Set(string name) => name switch
    {
        "Corpus1000" => Thousand(),
        "Real" => Real,
        "Small2K" => Enumerable.Range(0, 100).Select(i => new PlanText($"s{i}.md", PlanGenerator.Generate(2 * 1024, i))).ToList(),
        "Typical10K" => Enumerable.Range(0, 50).Select(i => new PlanText($"t{i}.md", PlanGenerator.Generate(10 * 1024, i))).ToList(),
        "Large50K" => Enumerable.Range(0, 10).Select(i => new PlanText($"l{i}.md", PlanGenerator.Generate(50 * 1024, i))).ToList(),
        "Huge5M" => new[] { new PlanText("h.md", PlanGenerator.Generate(5 * 1024 * 1024, 7)) },
        _ => LinearCases.TrySet(name) ?? throw new ArgumentException("unknown set " + name, nameof(name)),
    };

    /// <summary>Writes plans to a folder (for the CLI and markdownlint comparison).</summary>
    public static long Write(IReadOnlyList<PlanText> plans, string folder)
    {
        Directory.CreateDirectory(folder);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        long bytes = 0;
        foreach (var plan in plans)
        {
            File.WriteAllText(Path.Combine(folder, plan.Name), plan.Text, utf8);
            bytes += plan.Utf8Bytes;
        }

        return bytes;
    }

    private static List<PlanText> LoadReal()
    {
        var folder = FindRealCorpus();
        return Directory.GetFiles(folder, "*.md")
            .Where(f => !string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new PlanText(Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();
    }

    /// <summary>Variant 0 is the plan as is; the others are realistic edits.</summary>
    internal static string Mutate(string text, int variant, Random random)
    {
        switch (variant % 10)
        {
            case 0:
                return text;
            case 1:
                return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
            case 2:
                return ReplaceStatus(text, random.Next(3) switch { 0 => "WIP", 1 => "COMPLETE", _ => "DRAFT" });
            case 3:
                return StripTimestamps(text);
            case 4:
                return ShuffleSections(text, random);
            case 5:
                return DropSection(text, random);
            case 6:
                return DuplicateProgress(text);
            case 7:
                return "```md\n" + text + "\n```\n";
            case 8:
                return text.Replace("- [x]", "- [ ]", StringComparison.Ordinal) + "\n<!-- execplan-disable-next-line EXP021 -->\n- [ ] trailing item\n";
            default:
                return text.Replace("## ", "### ", StringComparison.Ordinal);
        }
    }

    private static string ReplaceStatus(string text, string status)
    {
        var lines = text.Split('\n').ToList();
        var index = lines.FindIndex(l => l.TrimStart('*', '_', ' ').StartsWith("Status", StringComparison.OrdinalIgnoreCase) && l.Contains(':', StringComparison.Ordinal));
        if (index >= 0)
        {
            lines[index] = "Status: " + status;
        }
        else if (lines.Count > 1)
        {
            lines.Insert(1, "\nStatus: " + status);
        }

        return string.Join('\n', lines);
    }

    private static string StripTimestamps(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            var open = line.IndexOf("] (20", StringComparison.Ordinal);
            var close = open >= 0 ? line.IndexOf(')', open) : -1;
            builder.Append(close > open && open >= 0 ? line.Remove(open + 2, close - open) : line).Append('\n');
        }

        return builder.ToString(0, Math.Max(0, builder.Length - 1));
    }

    private static List<string> SplitSections(string text)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal) && current.Length > 0)
            {
                parts.Add(current.ToString());
                current.Clear();
            }

            current.Append(line).Append('\n');
        }

        parts.Add(current.ToString());
        return parts;
    }

    private static string ShuffleSections(string text, Random random)
    {
        var parts = SplitSections(text);
        if (parts.Count > 3)
        {
            var a = 1 + random.Next(parts.Count - 1);
            var b = 1 + random.Next(parts.Count - 1);
            (parts[a], parts[b]) = (parts[b], parts[a]);
        }

        return string.Concat(parts);
    }

    private static string DropSection(string text, Random random)
    {
        var parts = SplitSections(text);
        if (parts.Count > 2)
        {
            parts.RemoveAt(1 + random.Next(parts.Count - 1));
        }

        return string.Concat(parts);
    }

    private static string DuplicateProgress(string text)
    {
        var parts = SplitSections(text);
        var progress = parts.FindIndex(p => p.StartsWith("## Progress", StringComparison.OrdinalIgnoreCase));
        if (progress < 0)
        {
            return text;
        }

        var body = parts[progress];
        var firstBreak = body.IndexOf('\n', StringComparison.Ordinal);
        var items = firstBreak >= 0 ? body.Substring(firstBreak + 1) : string.Empty;
        parts[progress] = body + items + items;
        return string.Concat(parts);
    }
}

/// <summary>Generates plausible skill-profile plans of about a given size from a seed.</summary>
public static class PlanGenerator
{
    private static readonly string[] Words =
    [
        "the", "service", "reads", "orders", "from", "the", "queue", "and", "writes", "them", "to", "SQL", "with", "a",
        "retry", "policy", "so", "that", "tenants", "never", "see", "each", "other's", "data", "after", "migration",
        "`src/Orders.Api/Program.cs`", "**must**", "schema", "header", "tests", "pass", "build", "release", "cache",
    ];

    public static string Generate(int targetBytes, int seed)
    {
        var random = new Random(seed);
        var b = new StringBuilder(targetBytes + 4096);
        b.Append("# Plan ").Append(seed.ToString(CultureInfo.InvariantCulture)).Append(": make the orders service multi-tenant\n\n");
        b.Append("This ExecPlan is a living document. Keep Progress, Surprises & Discoveries, Decision Log and Outcomes & Retrospective up to date.\n\n");
        b.Append("Status: IN PROGRESS\n\n");
        b.Append("## Purpose / Big Picture\n\n").Append(Sentence(random, 40)).Append("\n\n");

        // The fixed skeleton takes ~1.5 KB; the repeated parts (Progress items, entries, context
        // paragraphs) fill the rest so every size has the same shape.
        var fill = Math.Max(0, targetBytes - 1800);
        var perSection = fill / 5;
        b.Append("## Constraints\n\n- Keep the public API unchanged.\n- No new runtime dependencies.\n\n");
        b.Append("## Tolerances\n\n- Stop and ask if the work takes more than 3 days or touches more than 20 files.\n\n");
        b.Append("## Risks\n\n");
        Repeat(b, perSection / 2, n =>
            $"- Risk: {Sentence(random, 8)}\n  Likelihood: Medium\n  Impact: High\n  Mitigation: {Sentence(random, 10)}\n\n");
        b.Append("## Progress\n\n");
        Repeat(b, perSection, n =>
            $"- [{(n % 3 == 0 ? ' ' : 'x')}] (2026-{1 + (n % 12):D2}-{1 + (n % 28):D2} {n % 24:D2}:{n % 60:D2}Z) {Sentence(random, 10)}\n");
        b.Append("\n## Surprises & Discoveries\n\n");
        Repeat(b, perSection / 2, n =>
            $"- Observation: {Sentence(random, 10)}\n  Evidence: {Sentence(random, 8)}\n\n");
        b.Append("## Decision Log\n\n");
        Repeat(b, perSection / 2, n =>
            $"- Decision: {Sentence(random, 8)}\n  Rationale: {Sentence(random, 12)}\n  Date/Author: 2026-05-{1 + (n % 28):D2} / agent\n\n");
        b.Append("## Outcomes & Retrospective\n\nNone yet.\n\n");
        b.Append("## Context and Orientation\n\n");
        Repeat(b, perSection, n => Sentence(random, 60) + "\n\n");
        b.Append("## Plan of Work\n\n").Append(Sentence(random, 30)).Append("\n\n");
        b.Append("## Concrete Steps\n\n    dotnet build\n    dotnet test\n\n");
        b.Append("## Validation and Acceptance\n\nRun `dotnet test` and expect all tests to pass.\n\n");
        b.Append("## Idempotence and Recovery\n\nEvery step can be repeated.\n\n");
        b.Append("## Artifacts and Notes\n\nNone.\n\n");
        b.Append("## Interfaces and Dependencies\n\nNo new interfaces.\n");
        return b.ToString();
    }

    private static void Repeat(StringBuilder b, int bytes, Func<int, string> item)
    {
        var start = b.Length;
        var n = 0;
        do
        {
            b.Append(item(n++));
        }
        while (b.Length - start < bytes);
    }

    private static string Sentence(Random random, int words)
    {
        var b = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                b.Append(' ');
            }

            b.Append(Words[random.Next(Words.Length)]);
        }

        return b.Append('.').ToString();
    }
}
