namespace ExecPlan.Validation.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ExecPlan.Validation.Parsing;

/// <summary>Heading folding skips its regexes when a span check shows they cannot match; these
/// tests hold the checks to the regexes on crafted, real and random headings.</summary>
public class SectionCatalogPrefilterTests
{
    [Theory]
    [InlineData("IV. Risks")]
    [InlineData("x) Progress")]
    [InlineData("  12 Progress")]
    [InlineData("1.2.3: Progress")]
    [InlineData("Progress (old) [wip]\u00A0")]
    [InlineData("（完了）Plan of Work")]
    [InlineData("vii: Outcomes")]
    [InlineData("٣. Progress")]
    [InlineData("Progress)")]
    public void ChecksNeverSkipAMatch(string heading)
    {
        Assert.Null(SectionCatalog.PrefilterMisses(heading));
    }

    [Fact]
    public void ChecksNeverSkipAMatchOnRealOrRandomHeadings()
    {
        var texts = new List<string>();
        var files = Directory.EnumerateFiles(TestPaths.Fixtures, "*.md", SearchOption.AllDirectories).ToList();
        if (TestPaths.CorpusOrNull is { } corpus)
        {
            files.AddRange(Directory.EnumerateFiles(corpus, "*.md"));
        }

        texts.AddRange(files.SelectMany(File.ReadLines).Where(l => l.StartsWith('#')).Select(l => l.TrimStart('#')));
        var random = new Random(12);
        const string Alphabet = " \t\u00A0\u3000().[]:)IVXivxa1٣Progress（）【】「」-";
        for (var i = 0; i < 20_000; i++)
        {
            var b = new StringBuilder();
            for (var n = random.Next(0, 12); n > 0; n--)
            {
                b.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            texts.Add(b.ToString());
        }

        var misses = texts.Select(t => (Text: t, Miss: SectionCatalog.PrefilterMisses(t))).Where(m => m.Miss is not null).ToList();
        Assert.True(misses.Count == 0, string.Join("\n", misses.Take(10).Select(m => m.Miss + ": '" + m.Text + "'")));
        Assert.True(texts.Count > 20_100);
    }
}
