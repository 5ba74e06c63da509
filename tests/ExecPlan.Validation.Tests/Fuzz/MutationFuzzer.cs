namespace ExecPlan.Validation.Tests.Fuzz;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

/// <summary>One fuzz input: what was done to which seed, the bytes (and the string they came
/// from, if any), and whether the input is deliberately absurd (then an EXP000 refusal is a
/// correct answer).</summary>
public sealed record FuzzCase(int Iteration, string Description, byte[] Bytes, string? Text, bool Absurd);

/// <summary>
/// A deterministic mutation fuzzer: iteration <c>i</c> of a run with seed <c>s</c> always yields
/// the same input. Seeds are the real plans and the rule fixtures; each input applies one to
/// three mutations: byte flips, line shuffles, truncation, random Unicode (surrogates, lone
/// surrogates, RTL marks, combining marks, emoji), deep list/quote nesting, huge lines, CRLF/CR
/// mixes, spliced fragments of other seeds and plan syntax.
/// </summary>
public sealed class MutationFuzzer
{
    private static readonly string[] Fragments =
    [
        "# Title\n", "## Progress\n", "## Decision Log\n", "## Risks\n", "## Surprises & Discoveries\n", "## Outcomes & Retrospective\n",
        "Status: DRAFT\n", "Status: WIP\n", "**Status:** COMPLETE\n", "- [x] (2025-10-01 13:00Z) done\n", "- [ ] todo\n", "- [x] no time\n",
        "- [x] (2025-13-45 25:61) bad\n", "- Decision: x\n  Rationale: y\n  Date/Author: 2025-01-01 / me\n", "- Risk: r\n  Likelihood: High\n",
        "```\ncode\n```\n", "````md\n# nested\n````\n", "    indented code\n", "> quote\n", "<!-- execplan-disable EXP021 -->\n",
        "<!-- execplan-enable -->\n", "<!-- execplan-disable-next-line -->\n", "<!-- execplan-disable-file EXP001, EXP999 -->\n",
        "| a | b |\n| - | - |\n| 1 | 2 |\n", "<placeholder>\n", "---\ntitle: x\nstatus: draft\n---\n", "* item\n+ item\n- item\n",
        "1. one\n2) two\n", "-broken\n", "Setext\n======\n", "Setext2\n------\n", "[link](http://x)\n", "<div>\n", "***\n", "\\\n", "`",
        "This ExecPlan is a living document.\n", "Use timestamps to measure rates of progress and detect tolerance breaches.\n",
    ];

    private static readonly string[] Exotic =
    [
        "\u202E", "\u202B", "\u200F", "\u200E", "\u0301", "\u0308\u0327", "\u05D0\u05D1", "\u0627\u0644", "\uFEFF", "\u200B", "\u00A0",
        "\uD83D\uDE00", "\uD83D", "\uDE00", "\u0000", "\u001B[31m", "\u2028", "\u2029", "\u0085", "\u3000", "漢字", "\uFFFD", "\uFFFF",
        "\u0130", "\u212A", "\t", "\r", "\n", "\r\n", "\u000B", "\u000C", "١٢٣٤-٠١-٠١",
    ];

    private readonly IReadOnlyList<string> _seeds;
    private readonly int _runSeed;

    public MutationFuzzer(IReadOnlyList<string> seeds, int runSeed = 1)
    {
        if (seeds.Count == 0)
        {
            throw new ArgumentException("at least one seed is needed", nameof(seeds));
        }

        _seeds = seeds;
        _runSeed = runSeed;
    }

    /// <summary>Real plans (<c>shared/corpus/real</c>) and fixtures (<c>*.md</c> below the folder).</summary>
    public static List<string> LoadSeeds(params string[] folders)
    {
        var seeds = new List<string>();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var file in Directory.GetFiles(folder, "*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                seeds.Add(File.ReadAllText(file));
            }
        }

        return seeds;
    }

    /// <summary>Inputs that once cost super-linear time under the size limit: link reference
    /// definitions, bracket markup spread over a paragraph's lines, suppression comments and list
    /// items holding long runs of spaces or dashes.</summary>
    private static string HostileShape(int shape, int count) => shape switch
    {
        0 => string.Concat(Enumerable.Range(0, count).Select(i => "[r" + i + "]: http://x/" + i + "\n")),
        1 => string.Concat(Enumerable.Range(0, count).Select(i => "[r" + i + "]: http://x/" + i + "\n\n")),
        2 => string.Concat(Enumerable.Repeat("[ (]( [ (]( [ (](\n", count)),
        3 => "<!-- execplan-disable EXP021 --" + new string(' ', count) + "-->\n",
        _ => "- [x] drafted the " + new string('-', count) + "\n",
    };

    /// <summary>Checks one case through both entry points; returns the violations.</summary>
    public static List<string> Check(PlanValidator validator, FuzzCase fuzzCase)
    {
        var problems = PlanInvariants.CheckBytes(validator, fuzzCase.Bytes, fuzzCase.Absurd);
        // The text path matters only where the bytes cannot carry the string (lone surrogates).
        if (fuzzCase.Text is not null && !string.Equals(Encoding.UTF8.GetString(fuzzCase.Bytes), fuzzCase.Text, StringComparison.Ordinal))
        {
            problems.AddRange(PlanInvariants.CheckText(validator, fuzzCase.Text, fuzzCase.Absurd));
        }

        return problems;
    }

    public FuzzCase Case(int iteration)
    {
        var random = new Random(unchecked((_runSeed * 1_000_003) + iteration));
        var seedIndex = random.Next(_seeds.Count);
        var text = _seeds[seedIndex];
        var description = new StringBuilder("seed ").Append(seedIndex);
        var absurd = false;
        var mutations = 1 + random.Next(3);
        byte[]? bytes = null;
        for (var m = 0; m < mutations; m++)
        {
            var kind = random.Next(15);
            description.Append(", ");
            switch (kind)
            {
                case 0:
                    description.Append("byte flips");
                    bytes = FlipBytes(bytes ?? Encoding.UTF8.GetBytes(text), random);
                    text = Encoding.UTF8.GetString(bytes);
                    break;
                case 1:
                    description.Append("line shuffle");
                    text = ShuffleLines(text, random);
                    break;
                case 2:
                    description.Append("truncation");
                    text = text.Substring(0, random.Next(text.Length + 1));
                    break;
                case 3:
                    description.Append("exotic unicode");
                    text = Insert(text, random, () => Exotic[random.Next(Exotic.Length)], 1 + random.Next(20));
                    break;
                case 4:
                    description.Append("random chars");
                    text = Insert(text, random, () => RandomChars(random), 1 + random.Next(10));
                    break;
                case 5:
                    var depth = random.Next(2) == 0 ? 10 + random.Next(200) : 1000 + random.Next(2000);
                    absurd |= depth > 60;
                    description.Append("deep nesting ").Append(depth);
                    text = Insert(text, random, () => DeepNesting(random, depth), 1);
                    break;
                case 6:
                    description.Append("huge line");
                    text = Insert(text, random, () => new string("ab `*_<>[]-#|x"[random.Next(14)], 10_000 + random.Next(90_000)), 1);
                    break;
                case 7:
                    description.Append("line-end mix");
                    text = MixLineEnds(text, random);
                    break;
                case 8:
                case 9:
                    description.Append("plan fragments");
                    text = Insert(text, random, () => Fragments[random.Next(Fragments.Length)], 1 + random.Next(15));
                    break;
                case 10:
                    description.Append("splice");
                    var other = _seeds[random.Next(_seeds.Count)];
                    var from = random.Next(other.Length + 1);
                    text = Insert(text, random, () => other.Substring(from, random.Next(other.Length - from + 1)), 1);
                    break;
                case 11:
                    description.Append("delete range");
                    var start = random.Next(text.Length + 1);
                    text = text.Remove(start, random.Next(Math.Min(2000, text.Length - start) + 1));
                    break;
                case 12:
                    description.Append("duplicate lines");
                    text = DuplicateLines(text, random);
                    break;
                case 13:
                    var shape = random.Next(5);
                    var count = random.Next(2) == 0 ? 10 + random.Next(500) : 3_000 + random.Next(12_000);
                    absurd |= count > 2_000;
                    description.Append("hostile shape ").Append(shape).Append(" x").Append(count);
                    text = Insert(text, random, () => HostileShape(shape, count), 1);
                    break;
                default:
                    description.Append("bom and outer fence");
                    text = (random.Next(2) == 0 ? "\uFEFF" : string.Empty) + "```md\n" + text + (random.Next(2) == 0 ? "\n```\n" : "\n````");
                    break;
            }

            if (kind != 0)
            {
                bytes = null;
            }
        }

        // Mostly valid UTF-8 text; now and then the raw (possibly invalid) bytes of a byte flip.
        // Text is null when the bytes are the raw result of a byte flip (maybe invalid UTF-8); else
        // it is the exact string, lone surrogates included, which the bytes cannot carry.
        return bytes is null
            ? new FuzzCase(iteration, description.ToString(), Encoding.UTF8.GetBytes(text), text, absurd)
            : new FuzzCase(iteration, description.ToString(), bytes, null, absurd);
    }

    private static byte[] FlipBytes(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        var flips = 1 + random.Next(8);
        for (var i = 0; i < flips && copy.Length > 0; i++)
        {
            var at = random.Next(copy.Length);
            copy[at] = random.Next(3) switch
            {
                0 => (byte)(copy[at] ^ (1 << random.Next(8))),
                1 => (byte)random.Next(256),
                _ => (byte)"\n\r#-*>`[]<!|"[random.Next(12)],
            };
        }

        return copy;
    }

    private static string ShuffleLines(string text, Random random)
    {
        var lines = text.Split('\n');
        var swaps = 1 + random.Next(Math.Max(1, lines.Length / 4));
        for (var i = 0; i < swaps; i++)
        {
            var a = random.Next(lines.Length);
            var b = random.Next(lines.Length);
            (lines[a], lines[b]) = (lines[b], lines[a]);
        }

        return string.Join("\n", lines);
    }

    private static string DuplicateLines(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count == 0)
        {
            return text;
        }

        var at = random.Next(lines.Count);
        var count = Math.Min(lines.Count - at, 1 + random.Next(30));
        var block = lines.GetRange(at, count);
        for (var i = random.Next(50); i >= 0; i--)
        {
            lines.InsertRange(at, block);
        }

        return string.Join("\n", lines);
    }

    private static string MixLineEnds(string text, Random random)
    {
        var builder = new StringBuilder(text.Length + 64);
        foreach (var c in text)
        {
            if (c == '\n')
            {
                builder.Append(random.Next(3) switch { 0 => "\n", 1 => "\r\n", _ => "\r" });
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string DeepNesting(Random random, int depth)
    {
        var builder = new StringBuilder();
        switch (random.Next(4))
        {
            case 0:
                for (var i = 0; i < depth; i++)
                {
                    builder.Append(' ', Math.Min(i * 2, 600)).Append("- item\n");
                }

                break;
            case 1:
                builder.Append('>', depth).Append(" deep quote\n");
                break;
            case 2:
                for (var i = 0; i < depth; i++)
                {
                    builder.Append("> - ");
                }

                builder.Append("mixed\n");
                break;
            default:
                builder.Append('[', depth).Append("link").Append(']', depth).Append('\n').Append('*', depth).Append('x').Append('*', depth).Append('\n');
                break;
        }

        return builder.ToString();
    }

    private static string RandomChars(Random random)
    {
        var builder = new StringBuilder();
        var n = 1 + random.Next(40);
        for (var i = 0; i < n; i++)
        {
            builder.Append((char)random.Next(random.Next(3) == 0 ? 0x10000 : 0x80));
        }

        return builder.ToString();
    }

    private static string Insert(string text, Random random, Func<string> piece, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var at = random.Next(text.Length + 1);
            text = text.Insert(at, piece());
        }

        return text;
    }
}
