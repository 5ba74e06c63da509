namespace ExecPlan.Validation.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ExecPlan.Validation.Parsing;

/// <summary>Heading folding runs span scans in place of its regexes; these tests hold each scan to
/// its regex (the same result on crafted, real and random headings).</summary>
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
    [InlineData("1.2 Progress")]
    [InlineData("1.2.x. Progress")]
    [InlineData("12. ")]
    [InlineData("IVa. Risks")]
    [InlineData("Risks (a) (b]  ")]
    [InlineData("(all)")]
    [InlineData("Plan [x (y) z]")]
    [InlineData("A (b [c) d]「e」")]
    public void ChecksNeverSkipAMatch(string heading)
    {
        Assert.Null(SectionCatalog.FoldingMisses(heading));
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
        const string Alphabet = " \t\u00A0\u3000().[]:)IVXivxa1٣.9Progress（）【】「」［］-";
        for (var i = 0; i < 20_000; i++)
        {
            var b = new StringBuilder();
            for (var n = random.Next(0, 12); n > 0; n--)
            {
                b.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            texts.Add(b.ToString());
        }

        var misses = texts.Select(t => (Text: t, Miss: SectionCatalog.FoldingMisses(t))).Where(m => m.Miss is not null).ToList();
        Assert.True(misses.Count == 0, string.Join("\n", misses.Take(10).Select(m => m.Miss + ": '" + m.Text + "'")));
        Assert.True(texts.Count > 20_100);
    }
}
