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
    public void Normalizing_into_a_buffer_gives_what_a_string_builder_gave()
    {
        // Normalize folds into a per-thread buffer; the reference appends to a builder, as it did.
        var random = new Random(17);
        const string Alphabet = "aZ9 &+＆-_.,:()[]（）Ü進度 \t\u00A0Progress";
        for (var round = 0; round < 20000; round++)
        {
            var chars = new char[random.Next(0, round % 100 == 0 ? 400 : 30)];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = Alphabet[random.Next(Alphabet.Length)];
            }

            var text = new string(chars);
            Assert.Equal(ReferenceNormalize(text), SectionCatalog.Normalize(text));
        }
    }

    /// <summary>Normalize's folding loop as a builder writes it, after the same trimming steps.</summary>
    private static string ReferenceNormalize(string heading)
    {
        var text = heading.Trim();
        for (var i = 0; i < 3; i++)
        {
            var open = text.LastIndexOfAny(['(', '[']);
            var close = text.TrimEnd().Length - 1;
            if (open <= 0 || close < open || text[close] is not (')' or ']') || text.IndexOfAny(['(', ')', '[', ']'], open + 1, close - open - 1) >= 0)
            {
                break;
            }

            text = text.Substring(0, open).TrimEnd();
        }

        var numbering = System.Text.RegularExpressions.Regex.Match(text, @"^\s*(?:(?:\d+(?:\.\d+)*|[A-Za-z]|[IVXivx]+)[.):]\s+|\d+\s+)", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var builder = new StringBuilder();
        var pendingSpace = false;
        for (var i = numbering.Success ? numbering.Length : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '&' or '+' or '＆')
            {
                builder.Append(builder.Length > 0 ? " and" : "and");
                pendingSpace = true;
            }
            else if (char.IsLetterOrDigit(c))
            {
                builder.Append(pendingSpace && builder.Length > 0 ? " " : string.Empty).Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
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
