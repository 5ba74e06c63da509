namespace ExecPlan.Validation.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;

/// <summary>The entry parser matches labels with a hand-written scanner; the label regexes are
/// its specification. Both must find the same label, at the same place, with the same value
/// start, on every line of the fixtures and real plans and on generated near-misses.</summary>
public class EntryLabelScannerTests
{
    private static readonly SectionKind[] Kinds = [SectionKind.Risks, SectionKind.Surprises, SectionKind.DecisionLog];

    [Theory]
    [InlineData("- Decision: use X")]
    [InlineData("> 1. [x] **Decision 2**: use X")]
    [InlineData("* _Rationale_ - simpler")]
    [InlineData("**Date/Author**")]
    [InlineData("**Date / Author**  ")]
    [InlineData("- 决定：使用 X")]
    [InlineData("- 결정: X")]
    [InlineData("- [ ] Risk — drift")]
    [InlineData("RISK: drift")]
    [InlineData("Probability: high")]
    [InlineData("Gegenmassnahme: x")]
    [InlineData("Decision 1234: x")]
    [InlineData("Decision #12 — x")]
    [InlineData("Decision—x")]
    [InlineData("Decision -x")]
    [InlineData("日付/担当: x")]
    [InlineData("1234. Decision: x")]
    [InlineData("Note: see Rationale: and **Date**: today, xDate: no")]
    [InlineData("Decision\n")]
    [InlineData("\u212Aey: Ris\u212A: x")]
    public void Scanner_agrees_with_the_regexes_on_written_examples(string line)
    {
        var differences = Differences(line).ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void Scanner_agrees_with_the_regexes_on_every_fixture_and_real_plan_line_and_generated_ones()
    {
        var lines = Directory.EnumerateFiles(TestPaths.Fixtures, "*.md", SearchOption.AllDirectories)
            .Concat(TestPaths.CorpusOrNull is { } corpus ? Directory.EnumerateFiles(corpus, "*.md") : [])
            .SelectMany(File.ReadLines)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        lines.AddRange(Generated(30_000));
        var differences = lines.SelectMany(Differences).Take(10).ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void Case_folding_equals_the_regex_engines_for_every_character_of_the_label_patterns()
    {
        var all = new StringBuilder(65536);
        for (var c = 0; c < 65536; c++)
        {
            all.Append((char)c);
        }

        var everyCharacter = all.ToString();
        var misses = new List<string>();
        foreach (var p in EntryParser.PatternCharacters().Where(c => c is not ('(' or ')' or '[' or ']' or '|' or '?' or '\\' or '*')).Distinct())
        {
            var regex = new Regex(Regex.Escape(p.ToString()), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));
            var byRegex = regex.Matches(everyCharacter).Select(m => m.Index).ToHashSet();
            for (var c = 0; c < 65536; c++)
            {
                if (byRegex.Contains(c) != EntryParser.FoldsEqual(p, (char)c))
                {
                    misses.Add($"'{p}' and U+{c:X4}");
                }
            }
        }

        Assert.Empty(misses);
    }

    private static IEnumerable<string> Differences(string line)
    {
        foreach (var kind in Kinds)
        {
            foreach (var matchKind in new[] { LabelMatchKind.AtStart, LabelMatchKind.HeadingStart })
            {
                var (scanner, regex) = EntryParser.CompareWithRegex(kind, line, matchKind);
                if (scanner != regex)
                {
                    yield return $"{kind} {matchKind} '{line}': scanner {scanner ?? "none"}, regex {regex ?? "none"}";
                }
            }

            for (var from = 0; from < line.Length; from += Math.Max(1, line.Length / 7))
            {
                var (scanner, regex) = EntryParser.CompareWithRegex(kind, line, LabelMatchKind.Anywhere, from);
                if (scanner != regex)
                {
                    yield return $"{kind} Anywhere from {from} '{line}': scanner {scanner ?? "none"}, regex {regex ?? "none"}";
                }
            }
        }
    }

    /// <summary>Lines assembled from the pieces the patterns care about: leads, bullets,
    /// checkboxes, emphasis, labels in several spellings and cases, numbers, separators.</summary>
    private static IEnumerable<string> Generated(int count)
    {
        string[] pieces =
        [
            " ", "  ", "\t", ">", "- ", "* ", "+ ", "1. ", "12) ", "1234. ", "[ ] ", "[x] ", "[X]", "*", "**", "***", "_", "__",
            "Decision", "decision", "DECISION", "Décision", "Decisión", "Entscheidung", "决定", "결정", "Rationale", "Begründung",
            "Date", "Author", "Date / Author", "Date and author", "Date&Author", "Datum/Autor", "日付/担当者", "日付/担当",
            "Risk", "Risque", "Risks", "Severity", "Sévérité", "Likelihood", "Probability", "Probabilité", "Impact", "Mitigation",
            "Gegenmaßnahmen", "Gegenmassnahme", "발생 가능성", "완화방안", "Observation", "Evidence", "Beleg", "증거",
            " 2", "#3", " #12", "1234", ":", "：", " :", " - ", " -", "-", " — ", "—", "–", ".", " x", "text", "é", "\u212A", "\u017F",
        ];
        var random = new Random(13);
        for (var i = 0; i < count; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(1, 9);
            for (var j = 0; j < length; j++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            yield return builder.ToString();
        }
    }
}
