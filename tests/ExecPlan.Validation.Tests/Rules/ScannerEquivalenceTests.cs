namespace ExecPlan.Validation.Tests.Rules;

using System;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Rules.Support;

/// <summary>The hand-written scanners that replaced a fold-then-search or a regex on the rules'
/// hot paths find exactly what the slow form finds, on random text made of the characters that
/// matter to them.</summary>
public class ScannerEquivalenceTests
{
    private static readonly string[] Patterns = ["example completed step.", "use timestamps to measure rates", "a b c d e f g h i j k", "keep them concise and focused"];

    [Fact]
    public void Folded_search_agrees_with_folding_then_searching()
    {
        var folded = Array.ConvertAll(Patterns, p => TextScan.Fold(p, 0, out _));
        var search = new FoldedSearch(folded);
        var random = new Random(41);
        const string Alphabet = "abcdefghijk EXAMPLE completed step. *_`>\t\r\nUse Timestamps\u00A0to measure RATES keep them concise and focused";
        var found = 0;
        for (var round = 0; round < 20000; round++)
        {
            var text = round % 3 == 0 ? Mangle(Patterns[random.Next(Patterns.Length)], random) : RandomText(random, Alphabet, random.Next(0, 80));
            var prefix = RandomText(random, "ab *>\n", random.Next(0, 5));
            var whole = prefix + text + RandomText(random, "ab *>\n", random.Next(0, 5));
            var start = random.Next(0, prefix.Length + 1);
            var end = random.Next(2) == 0 ? whole.Length : random.Next(start, whole.Length + 1);
            var expected = false;
            var fold = TextScan.Fold(whole.Substring(start, end - start), 0, out _);
            foreach (var pattern in folded)
            {
                expected |= fold.Contains(pattern, StringComparison.Ordinal);
            }

            found += expected ? 1 : 0;
            Assert.True(expected == search.ContainsAny(whole, start, end), $"'{whole.Substring(start, end - start)}' (fold '{fold}'): expected {expected}");
        }

        Assert.True(found > 1000, "the mangled sentences must be found often enough to test the matches");
    }

    private static readonly string[] Pieces = [" <ab>", "<x y>", "x<a>", " <A b,c>", "(<n>)", "_<t>", "<é>", "<一>"];

    [Fact]
    public void Placeholder_scan_agrees_with_the_regex_it_replaced()
    {
        var regex = new Regex(@"(?<![\p{L}\p{N}_\\<])<(?<body>\p{L}[^<>\r\n]{0,100}?)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        var random = new Random(40);
        const string Alphabet = "<<<>>> aZ9_\\\r\n,é一١-";
        var found = 0;
        for (var round = 0; round < 20000; round++)
        {
            var text = RandomText(random, Alphabet, random.Next(0, 30)) + Pieces[random.Next(Pieces.Length)] + RandomText(random, Alphabet, random.Next(0, 30)) +
                (round % 50 == 0 ? "<x" + new string('a', 99 + (round % 4)) + ">" : string.Empty);
            var start = random.Next(0, text.Length + 1);
            var end = random.Next(start, text.Length + 1);
            var expected = new StringBuilder();
            for (var match = regex.Match(text, start, end - start); match.Success; match = match.NextMatch())
            {
                expected.Append(match.Index).Append('-').Append(match.Index + match.Length).Append(' ');
                found++;
            }

            var actual = new StringBuilder();
            for (var open = PlaceholderScan.Next(text, start, start, end, out var close); open >= 0; open = PlaceholderScan.Next(text, close + 1, start, end, out close))
            {
                actual.Append(open).Append('-').Append(close + 1).Append(' ');
            }

            Assert.True(expected.ToString() == actual.ToString(), $"'{text}' [{start}, {end}): regex {expected}, scan {actual}");
        }

        Assert.True(found > 1000, "the random text must hold placeholders often enough");
    }

    [Theory]
    [InlineData("See the RISKS section", "risks", true)]
    [InlineData("See the ris\u212As section", "risks", true)]
    [InlineData("See the ris ks section", "risks", false)]
    [InlineData("a Living document", "living", true)]
    [InlineData("livin", "living", false)]
    public void Case_blind_word_check_finds_what_the_case_insensitive_regex_finds(string text, string word, bool expected)
    {
        var regex = new Regex(word, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        Assert.Equal(expected, regex.IsMatch(text));
        Assert.Equal(expected, TextScan.ContainsIgnoringCase(text, 0, text.Length, word));
        Assert.False(TextScan.ContainsIgnoringCase(text, 1, text.Length - 1, text));
    }

    [Fact]
    public void Prompt_line_scan_agrees_with_the_regex_it_replaced()
    {
        var regex = new Regex(@"^[ \t>]*[$>#][ \t]+\S", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        var random = new Random(43);
        const string Alphabet = "  \t>>$#\n\rx\u00A0";
        var found = 0;
        for (var round = 0; round < 20000; round++)
        {
            var text = RandomText(random, Alphabet, random.Next(0, 12));
            var start = random.Next(0, text.Length + 1);
            var end = random.Next(start, text.Length + 1);
            var expected = regex.IsMatch(text.AsSpan(start, end - start));
            found += expected ? 1 : 0;
            Assert.True(expected == ExecPlan.Validation.Rules.EXP043RunnableValidation.HasPromptLine(text, start, end), $"'{text}' [{start}, {end}): expected {expected}");
        }

        Assert.True(found > 100, "the random text must hold prompt lines often enough");
    }

    [Fact]
    public void Leading_marks_scan_agrees_with_the_regex_it_replaced()
    {
        var regex = new Regex(@"^[\s#>]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        var random = new Random(44);
        const string Alphabet = " \t#>-*+1234.)[xX]a";
        for (var round = 0; round < 20000; round++)
        {
            var line = RandomText(random, Alphabet, random.Next(0, 12));
            var expected = regex.Match(line).Length;
            Assert.True(expected == EntryChecks.LeadingMarksLength(line), $"'{line}': expected {expected}");
        }
    }

    [Fact]
    public void Entry_summary_agrees_with_the_split_and_regex_form_it_replaced()
    {
        var random = new Random(45);
        const string Alphabet = "  \t\u00A0aB**__.,;:-1)[x]#>\nlongword";
        for (var round = 0; round < 20000; round++)
        {
            var text = RandomText(random, Alphabet, random.Next(0, 90)) + (round % 7 == 0 ? new string('w', 60) : string.Empty);
            var entry = new ExecPlan.Validation.Model.PlanEntry(ExecPlan.Validation.Model.SectionKind.Surprises, text,
                ExecPlan.Validation.Diagnostics.SourceSpan.FileStart, ExecPlan.Validation.Diagnostics.SourceSpan.FileStart, [], isNoneMarker: false);
            Assert.Equal(OldSummary(text), EntryChecks.Summary(entry, "Observation"));
        }
    }

    /// <summary>The summary as it was written before (regex, Split, word count by spaces).</summary>
    private static string OldSummary(string source)
    {
        var leadingMarks = new Regex(@"^[\s#>]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        var cut = source.IndexOfAny(['\r', '\n']);
        var line = cut < 0 ? source : source.Substring(0, cut);
        line = leadingMarks.Replace(line, string.Empty).Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal).Trim();
        var result = new StringBuilder();
        var shortened = false;
        foreach (var word in line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (result.Length > 0 && (result.Length + word.Length + 1 > 48 || result.ToString().Split(' ').Length >= 6))
            {
                shortened = true;
                break;
            }

            if (result.Length > 0)
            {
                result.Append(' ');
            }

            result.Append(word.Length > 48 ? word.Substring(0, 48) : word);
            shortened |= word.Length > 48;
        }

        return "'" + result.ToString().TrimEnd(',', ';', ':', '.') + (shortened ? "…'" : "'");
    }

    /// <summary>The sentence with its case changed and emphasis, code marks, quote marks and
    /// white space sprinkled in (which the fold ignores), sometimes with one character changed.</summary>
    private static string Mangle(string sentence, Random random)
    {
        var builder = new StringBuilder();
        foreach (var c in sentence)
        {
            while (random.Next(6) == 0)
            {
                builder.Append("*_` \n>"[random.Next(6)]);
            }

            builder.Append(c == ' ' && random.Next(4) == 0 ? "\r\n> " : random.Next(3) == 0 ? char.ToUpperInvariant(c).ToString() : c.ToString());
        }

        if (random.Next(4) == 0 && builder.Length > 0)
        {
            builder[random.Next(builder.Length)] = 'z';
        }

        return builder.ToString();
    }

    private static string RandomText(Random random, string alphabet, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }
}
