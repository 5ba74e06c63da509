namespace ExecPlan.Validation.Tests;

using System.Collections.Generic;
using System.IO;
using System.Linq;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;

/// <summary>The entry parser skips its label regexes on lines a cheap filter rules out; the filter
/// must never rule out a line a regex matches, or entries would silently lose labels.</summary>
public class EntryLabelFilterTests
{
    private static readonly SectionKind[] Kinds = [SectionKind.Risks, SectionKind.Surprises, SectionKind.DecisionLog];

    [Theory]
    [InlineData("- Decision: use X", true)]
    [InlineData("> 1. [x] **Decision 2**: use X", true)]
    [InlineData("* _Rationale_ - simpler", true)]
    [InlineData("**Date/Author**", true)]
    [InlineData("- 决定：使用 X", true)]
    [InlineData("- 결정: X", true)]
    [InlineData("- [ ] Risk — drift", true)]
    [InlineData("RISK: drift", true)]
    [InlineData("- use X because it is simpler", false)]
    [InlineData("    ", false)]
    public void FilterAgreesWithTheRegexes(string line, bool expected)
    {
        var any = false;
        foreach (var kind in Kinds)
        {
            var (filter, regex) = EntryParser.LabelAtStart(kind, line);
            Assert.True(filter || !regex, $"the filter rules out '{line}' in {kind} but a regex matches it");
            var (primaryFilter, primary) = EntryParser.PrimaryAtStart(kind, line);
            Assert.True(primaryFilter || !primary, $"the primary filter rules out '{line}' in {kind} but it starts with the primary label");
            any |= regex;
        }

        Assert.Equal(expected, any);
    }

    [Fact]
    public void FilterNeverRulesOutALineOfAFixtureOrRealPlan()
    {
        var files = Directory.EnumerateFiles(TestPaths.Fixtures, "*.md", SearchOption.AllDirectories).ToList();
        if (TestPaths.CorpusOrNull is { } corpus)
        {
            files.AddRange(Directory.EnumerateFiles(corpus, "*.md"));
        }

        var matched = 0;
        var ruledOut = new List<string>();
        foreach (var line in files.SelectMany(File.ReadLines))
        {
            foreach (var kind in Kinds)
            {
                var (filter, regex) = EntryParser.LabelAtStart(kind, line);
                matched += regex ? 1 : 0;
                if (regex && !filter)
                {
                    ruledOut.Add(kind + ": " + line);
                }

                var (primaryFilter, primary) = EntryParser.PrimaryAtStart(kind, line);
                if (primary && !primaryFilter)
                {
                    ruledOut.Add(kind + " (primary): " + line);
                }
            }
        }

        Assert.Empty(ruledOut);
        Assert.True(matched > 100, $"only {matched} labelled lines found; the test data is missing");
    }
}

/// <summary>The "nothing to record" regexes run only where a cheap filter allows; the filter must
/// never rule out a text they match.</summary>
public class NoneFilterTests
{
    [Theory]
    [InlineData("None yet.")]
    [InlineData("- (none so far)")]
    [InlineData("12. N/A")]
    [InlineData("—")]
    [InlineData("- -")]
    [InlineData("_TBD_")]
    [InlineData("[nothing to report]")]
    [InlineData("暂无")]
    [InlineData("No decisions yet.")]
    [InlineData("* not yet")]
    public void FilterAllowsEveryNoneText(string text)
    {
        Assert.True(EntryParser.MayBeNone(text));
        Assert.False(EntryParser.NoneFilterMisses(text));
    }

    [Fact]
    public void FilterNeverRulesOutAMatchOnRealOrRandomText()
    {
        var texts = Directory.EnumerateFiles(TestPaths.Fixtures, "*.md", SearchOption.AllDirectories)
            .Concat(TestPaths.CorpusOrNull is { } corpus ? Directory.EnumerateFiles(corpus, "*.md") : [])
            .SelectMany(File.ReadLines)
            .SelectMany(l => new[] { l.Trim(), l.Contains(':') ? l.Substring(l.IndexOf(':') + 1).Trim() : l })
            .ToList();
        var random = new System.Random(5);
        const string Alphabet = " -–—*_()[].1)nNoetTbdy/a暂无";
        for (var i = 0; i < 20_000; i++)
        {
            texts.Add(new string(Enumerable.Range(0, random.Next(0, 10)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray()));
        }

        var misses = texts.Where(EntryParser.NoneFilterMisses).Take(10).ToList();
        Assert.True(misses.Count == 0, string.Join("\n", misses));
        Assert.Contains(texts, t => EntryParser.MayBeNone(t) && !EntryParser.NoneFilterMisses(t) && t.StartsWith("None", System.StringComparison.Ordinal));
    }
}
