namespace ExecPlan.Validation.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ExecPlan.Validation.Parsing;

/// <summary>The section match cuts a heading's segments as runs of its text; the iterator that
/// builds them character by character is their specification: both give the same segments on
/// written edge cases and on every heading line of the fixtures and corpora.</summary>
public class SectionSegmentTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Progress")]
    [InlineData("Progress / 진행 상황")]
    [InlineData("进度 Progress")]
    [InlineData("进度Progress记录")]
    [InlineData("Stage 2: Progress")]
    [InlineData("/ Progress /")]
    [InlineData("//::Progress||")]
    [InlineData("- Progress - log -")]
    [InlineData("Risks-and-mitigations — 风险")]
    [InlineData("Decision Log：決定ログ")]
    [InlineData("a·b、c，d。e・f")]
    [InlineData("Ünïcödé 😀 Progress")]
    [InlineData("\t-\t")]
    [InlineData("-")]
    public void Runs_are_the_built_segments_on_edge_cases(string heading)
    {
        var (runs, built) = SectionCatalog.SegmentsBothWays(heading);
        Assert.Equal(built, runs);
    }

    [Fact]
    public void Runs_are_the_built_segments_on_every_heading_of_the_fixtures_and_corpora()
    {
        var files = Directory.EnumerateFiles(TestPaths.Fixtures, "*.md", SearchOption.AllDirectories)
            .Concat(TestPaths.CorpusOrNull is { } corpus ? Directory.EnumerateFiles(corpus, "*.md") : [])
            .Concat(TestPaths.PlansCorpusOrNull is { } plansmd ? Directory.EnumerateFiles(plansmd, "*.md", SearchOption.AllDirectories) : []);
        var headings = files.SelectMany(File.ReadLines)
            .Where(line => line.TrimStart().StartsWith('#'))
            .Select(line => line.TrimStart().TrimStart('#').Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var misses = new List<string>();
        foreach (var heading in headings)
        {
            var (runs, built) = SectionCatalog.SegmentsBothWays(heading);
            if (!string.Equals(runs, built, StringComparison.Ordinal))
            {
                misses.Add(heading);
            }
        }

        Assert.True(headings.Count > 100, "too few headings: " + headings.Count);
        Assert.True(misses.Count == 0, string.Join("\n", misses.Take(10)));
    }
}
