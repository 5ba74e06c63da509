namespace ExecPlan.Validation.Tests;

using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Parsing;

/// <summary>The Status line is found by a scan (no regex, so a plan's first validation need not
/// load the regex engine); it must find what the regex it replaced finds: the same first line,
/// the same value, on random text and on every corpus plan.</summary>
public class StatusLineScannerTests
{
    private static readonly Regex Oracle = new(
        @"^[ \t]*(?:[-*+][ \t]+)?[*_]{0,2}Status[*_]{0,2}[ \t]*:(?<value>[^\r\n]*)",
        RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    private static readonly string[] Pieces =
    [
        "Status", "status", "STATUS", "ſtatus", "Stat", "Statuses", ":", " ", "\t", "-", "*", "+", "_", "**", "__", "***", "\n", "\r\n", "\r", "x", "DRAFT", "1.",
    ];

    [Fact]
    public void The_scan_finds_what_the_regex_finds_on_random_text()
    {
        var random = new Random(23);
        var found = 0;
        for (var round = 0; round < 100_000; round++)
        {
            var builder = new StringBuilder();
            var count = random.Next(0, 14);
            for (var i = 0; i < count; i++)
            {
                if (round % 2 == 0)
                {
                    builder.Append(Pieces[random.Next(Pieces.Length)]);
                    continue;
                }

                // Lines shaped like a Status line, each part present or not, right or slightly off.
                builder.Append(Pick(random, string.Empty, " ", "\t", "   ")).Append(Pick(random, string.Empty, "- ", "* ", "+\t", "-", "*", "1. "))
                    .Append(Pick(random, string.Empty, "*", "**", "__", "***", "_*")).Append(Pick(random, "Status", "status", "STATUS", "ſtatus", "Statu", "Status s"))
                    .Append(Pick(random, string.Empty, "*", "**", "___", "_")).Append(Pick(random, string.Empty, " ", "\t ")).Append(Pick(random, ":", ":", "", "："))
                    .Append(Pick(random, " DRAFT", string.Empty, " **x**", " a\rb")).Append(Pick(random, "\n", "\r\n", "\r", string.Empty));
            }

            var text = builder.ToString();
            var start = random.Next(0, text.Length + 1);
            var end = random.Next(2) == 0 ? text.Length : random.Next(start, text.Length + 1);
            found += Compare(text, start, end) ? 1 : 0;
        }

        Assert.True(found > 1_000, $"the random texts must often hold a Status line ({found} did)");
    }

    [SkippableFact]
    public void The_scan_finds_what_the_regex_finds_in_every_corpus_plan()
    {
        var found = 0;
        foreach (var folder in new[] { TestPaths.Corpus, TestPaths.PlansCorpus })
        {
            foreach (var file in Directory.GetFiles(folder, "*.md"))
            {
                var text = File.ReadAllText(file);
                found += Compare(text, 0, text.Length) ? 1 : 0;
            }
        }

        Assert.True(found > 0, "some corpus plans have Status lines");
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

    private static bool Compare(string text, int start, int end)
    {
        var match = Oracle.Match(text, start, end - start);
        var valueStart = StatusReader.FindStatusValue(text, start, end, out var valueEnd);
        var expected = match.Success ? $"{match.Groups["value"].Index}..{match.Groups["value"].Index + match.Groups["value"].Length}" : "none";
        var actual = valueStart >= 0 ? $"{valueStart}..{valueEnd}" : "none";
        Assert.True(expected == actual, $"'{text.Substring(start, end - start).Replace("\n", "⏎", StringComparison.Ordinal).Replace("\r", "␍", StringComparison.Ordinal)}': the regex finds {expected}, the scan {actual}");
        return match.Success;
    }
}
