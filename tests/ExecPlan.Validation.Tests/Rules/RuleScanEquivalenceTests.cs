namespace ExecPlan.Validation.Tests.Rules;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Rules;
using ExecPlan.Validation.Rules.Support;

/// <summary>The scans that replaced regexes on rule hot paths decide exactly as the regexes they
/// replaced (kept here as the oracles): on seeded random text made of the characters and words
/// that matter to them, and on every section of the real-plan corpora when present.</summary>
public class RuleScanEquivalenceTests
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>EXP043's expected-outcome regex, as the rule ran it over the section's text.</summary>
    private static readonly Regex Outcome = new(
        @"\b(?:expect\w*|should|must|pass\w*|succe\w*|fail\w*|return\w*|print\w*|output\w*|shows?|shown|see|seen|observ\w*|exit\w*|results?|green|respon\w*|errors?|warnings?|reports?|display\w*|contain\w*|match\w*|equal\w*|produc\w*|emit\w*|logs?|logged|verif\w*|confirm\w*|appear\w*|outcome\w*)\b|→|=>",
        Options, Timeout);

    /// <summary>Words and pieces of words of <see cref="Outcome"/>, and the characters around
    /// them that decide a word boundary or a case match.</summary>
    private static readonly string[] OutcomeTokens =
    [
        "expect", "Expected", "EXPECTS", "should", "Shoulder", "must", "pass", "Passed", "succe", "fail", "return", "print",
        "output", "show", "SHOWS", "shown", "showing", "see", "seen", "sees", "observ", "exit", "result", "results",
        "green", "respon", "error", "errors", "warning", "Warnings", "warningsx", "report", "reports", "display",
        "contain", "match", "equal", "produc", "emit", "log", "logs", "logged", "logging", "verif", "confirm", "appear",
        "outcome", "ex", "pect", "sho", "uld", "wa", "rnings", "lo", "g", "se", "e", "s", "x", "_", "1", "é", "\u212A",
        "\u017F", "\u0130", "\u0131", "\u200D", "\u200C", "\u0301", "\u0903", "\u2460", "一", "ж", "→", "=", ">", "=>",
        " ", " ", " ", "-", "—", "\n", "`", ".", "'", "\u00A0", "\uD83D\uDE00",
    ];

    /// <summary>The oracles here are the rules' own regexes, still: a rule's regex changed
    /// without its scan (and this oracle) fails here first.</summary>
    [Fact]
    public void The_oracles_are_the_regexes_the_rules_keep()
    {
        Assert.Equal(Outcome.ToString(), EXP043RunnableValidation.Outcome.ToString());
        Assert.Equal(ScaleValue.ToString(), EXP031InvalidRiskRating.ScaleValue.ToString());
        Assert.Equal(TemplateChoices.ToString(), EXP031InvalidRiskRating.TemplateChoices.ToString());
        Assert.Equal(Notice.ToString(), LivingNotice.Notice.ToString());
        foreach (var regex in new[] { EXP043RunnableValidation.Outcome, EXP031InvalidRiskRating.ScaleValue, EXP031InvalidRiskRating.TemplateChoices, LivingNotice.Notice })
        {
            Assert.Equal(Options, regex.Options);
        }
    }

    [Fact]
    public void Outcome_scan_agrees_with_the_regex_on_random_pieces()
    {
        var random = new Random(431);
        var found = 0;
        var scanned = 0;
        for (var round = 0; round < 30000; round++)
        {
            var text = RandomTokens(random, OutcomeTokens, random.Next(0, 10));
            var (whole, pieces) = Pieces(random, text);
            var scan = default(OutcomeScan);
            foreach (var (start, end) in pieces)
            {
                if (scan.Feed(whole, start, end))
                {
                    break;
                }
            }

            var expected = Outcome.IsMatch(text);
            if (!scan.NeedsRegex)
            {
                scanned++;
                found += expected ? 1 : 0;
                Assert.True(expected == scan.Finish(), $"'{Escape(text)}' in {pieces.Count} pieces: regex {expected}");
            }
        }

        Assert.True(scanned > 15000, $"the scan must decide most texts itself ({scanned})");
        Assert.True(found > 5000 && scanned - found > 5000, $"the random text must match and miss often enough ({found} of {scanned})");
    }

    [Fact]
    public void Outcome_scan_reads_every_character_as_the_regex_does()
    {
        var word = new Regex(@"^\w$", Options, Timeout);
        var boundaryAfter = new Regex(@"^a\b", Options, Timeout);
        var asciiLetter = new Regex("^(?:" + string.Join("|", Enumerable.Range('a', 26).Select(c => ((char)c).ToString())) + ")$", Options, Timeout);
        var checkedChars = 0;
        for (var c = '\u0080'; c < char.MaxValue; c++)
        {
            if (OutcomeScan.IsUncertain(c))
            {
                continue;
            }

            checkedChars++;
            var s = c.ToString();
            Assert.True(word.IsMatch(s) == OutcomeScan.IsWordCategory(c), $"U+{(int)c:X4}: \\w");
            Assert.True(boundaryAfter.IsMatch("a" + s) == !OutcomeScan.IsWordCategory(c), $"U+{(int)c:X4}: \\b");
            Assert.False(asciiLetter.IsMatch(s), $"U+{(int)c:X4} matches an ASCII letter");
        }

        Assert.True(checkedChars > 60000, "only a handful of characters are left to the regex");
    }

    [Fact]
    public void Word_scripts_over_pieces_agree_with_the_concatenated_text()
    {
        var random = new Random(432);
        string[] tokens = ["abc", "Straße", "word", "`", "``", "код", "слово", "日本語", "한국어", "ا", "\u0301", " ", "-", "1", "\n", "é", "ω"];
        for (var round = 0; round < 20000; round++)
        {
            var text = RandomTokens(random, tokens, random.Next(0, 12));
            var (whole, pieces) = Pieces(random, text);
            var scripts = default(TextScan.WordScripts);
            var inCode = false;
            var prose = false;
            foreach (var (start, end) in pieces)
            {
                scripts.Add(whole, start, end);
                prose = prose || TextScan.HasProseLetters(whole, start, end, ref inCode);
            }

            Assert.True(TextScan.IsMostlyForeignWords(text) == scripts.IsMostlyForeign, $"'{Escape(text)}': foreign words");
            Assert.True(TextScan.HasProseLetters(text) == prose, $"'{Escape(text)}': prose letters");
        }
    }

    /// <summary>Every section of every corpus plan: the expected-outcome and language decisions
    /// of EXP043, read block by block, are those of the regex and the counts over the
    /// concatenated source.</summary>
    [SkippableFact]
    public void Outcome_and_language_decisions_agree_on_the_corpus_sections()
    {
        var sections = 0;
        foreach (var plan in CorpusPlans())
        {
            foreach (var section in plan.Sections)
            {
                var text = string.Concat(section.Blocks.Select(plan.SourceOf));
                var foreign = TextScan.IsMostlyForeignWords(TextScan.HasProseLetters(text) ? text : plan.Text);
                Assert.True(foreign == EXP043RunnableValidation.IsMostlyForeign(plan, section.Blocks), $"{plan.FilePath}: {section.Heading.Text}: foreign");
                Assert.True(Outcome.IsMatch(text) == EXP043RunnableValidation.HasOutcome(plan, section.Blocks), $"{plan.FilePath}: {section.Heading.Text}: outcome");
                sections++;
            }
        }

        Assert.True(sections > 100, "the corpus must have sections to compare");
    }

    [Fact]
    public void Folded_word_check_agrees_with_folding_then_searching()
    {
        var random = new Random(411);
        string[] tokens = ["x", "X", "xample", "XAMPLE", "Example", "e", "a", "m", "p", "l", "amp", "le", "*", "_", "`", " ", "\n", ">", "\t", "\u00AD", "\u212A", "é", "y"];
        var found = 0;
        for (var round = 0; round < 30000; round++)
        {
            var text = RandomTokens(random, tokens, random.Next(0, 12));
            var start = random.Next(0, text.Length + 1);
            var end = random.Next(start, text.Length + 1);
            var expected = TextScan.Fold(text.Substring(start, end - start), 0, out _).Contains("xample", StringComparison.Ordinal);
            found += expected ? 1 : 0;
            Assert.True(expected == TextScan.ContainsFoldedWord(text, start, end, "xample"), $"'{Escape(text)}' [{start}, {end}): fold holds it: {expected}");
        }

        Assert.True(found > 1000, $"the random text must hold the word often enough ({found})");

        // The check finds the word's first letter as 'x' or 'X' only: no other character folds to it.
        for (var c = '\0'; c < char.MaxValue; c++)
        {
            Assert.True(char.ToLowerInvariant(c) != 'x' || c is 'x' or 'X', $"U+{(int)c:X4} folds to 'x'");
        }
    }

    /// <summary>EXP031's rating regexes, as the rule ran them over each risk field's value.</summary>
    private static readonly Regex ScaleValue = new(
        @"^[\s*_`""'(\[]*(?:(?:very|extremely)[ \t]+)?(?:low|medium|med|high|moderate|critical|" +
        @"低|中|高|低い|高い|中程度|낮음|중간|보통|높음|낮|중|높|faible|moyen(?:ne)?|élevée?|haute?|bas(?:se)?|niedrig|mittel|hoch|bajo|baja|medio|media|alto|alta|baixo|médio|alto)" +
        @"(?:[ \t]*(?:-|–|/|to|~|〜|～|->|→)[ \t]*(?:low|medium|med|high|moderate|critical|低|中|高))?(?![\p{L}\p{N}])",
        Options, Timeout);

    private static readonly Regex TemplateChoices = new(@"\b(?:low|medium|high)[ \t]*\|[ \t]*(?:low|medium|high)\b", Options, Timeout);

    private static readonly string[] RatingTokens =
    [
        "low", "LOW", "Medium", "med", "MED", "high", "Hi", "moderate", "critical", "very", "Very", "extremely", " ", " ", "\t", "-",
        "–", "/", "to", "TO", "~", "〜", "～", "->", "→", "低", "中", "高", "い", "程度", "낮", "음", "중", "간", "보통", "높",
        "faible", "moyen", "ne", "élevé", "ÉLEVÉE", "e", "haut", "bas", "se", "niedrig", "mittel", "hoch", "bajo", "baja", "medio",
        "media", "alto", "alta", "baixo", "médio", "MÉDIO", "*", "_", "`", "\"", "'", "(", "[", "\n", "\u00A0", "x", "1", "a", "—",
        "|", " | ", "\u212A", "\u017F", "\u0130", "\u0131", "é", "\u0301", "\u2160", "\u2461", "!", ".", ",", "\uD83D\uDE00",
    ];

    [Fact]
    public void Rating_scan_agrees_with_the_regexes_on_random_values()
    {
        var random = new Random(311);
        var matched = 0;
        var scanned = 0;
        for (var round = 0; round < 40000; round++)
        {
            var value = RandomTokens(random, RatingTokens, random.Next(0, 7));
            var expected = ScaleValue.IsMatch(value);
            var scan = EXP031InvalidRiskRating.ScanScaleValue(value);
            if (scan is { } decided)
            {
                scanned++;
                Assert.True(expected == decided, $"'{Escape(value)}': regex {expected}");
            }

            matched += expected ? 1 : 0;
            Assert.True(expected == EXP031InvalidRiskRating.IsScaleValue(value), $"'{Escape(value)}': regex {expected}");
            Assert.True(TemplateChoices.IsMatch(value) == EXP031InvalidRiskRating.HasTemplateChoices(value), $"'{Escape(value)}': template choices");
        }

        Assert.True(scanned > 30000, $"the scan must decide most values itself ({scanned})");
        Assert.True(matched > 4000 && 40000 - matched > 4000, $"the random values must match and miss often enough ({matched})");
    }

    [Fact]
    public void Rating_scan_reads_every_character_as_the_regex_does()
    {
        var leading = new Regex(@"^[\s*_`""'(\[]$", Options, Timeout);
        var letterOrDigit = new Regex(@"^[\p{L}\p{N}]$", Options, Timeout);
        var letters = new SortedSet<char>(EXP031InvalidRiskRating.ScaleWords.Concat(EXP031InvalidRiskRating.CompoundWords)
            .Concat(EXP031InvalidRiskRating.Separators).Concat(EXP031InvalidRiskRating.Intensifiers).SelectMany(w => w));
        var single = letters.ToDictionary(w => w, w => new Regex("^" + Regex.Escape(w.ToString()) + "$", Options, Timeout));
        for (var c = '\0'; c < char.MaxValue; c++)
        {
            var s = c.ToString();
            Assert.True(leading.IsMatch(s) == EXP031InvalidRiskRating.IsLeading(c), $"U+{(int)c:X4}: leading");
            Assert.True(letterOrDigit.IsMatch(s) == !EXP031InvalidRiskRating.EndsWord(s, 0), $"U+{(int)c:X4}: letter or digit");
            if (c >= '\u0080' && TextScan.MayFoldToAscii(c))
            {
                continue;
            }

            foreach (var w in letters)
            {
                Assert.True(single[w].IsMatch(s) == EXP031InvalidRiskRating.SameLetter(c, w), $"U+{(int)c:X4} against '{w}'");
            }
        }
    }

    /// <summary>Every field value of every entry in the corpus plans, in any section.</summary>
    [SkippableFact]
    public void Rating_decisions_agree_on_the_corpus_field_values()
    {
        var values = 0;
        foreach (var plan in CorpusPlans())
        {
            foreach (var entry in plan.Entries)
            {
                foreach (var field in entry.Fields)
                {
                    Assert.True(ScaleValue.IsMatch(field.Value) == EXP031InvalidRiskRating.IsScaleValue(field.Value), $"{plan.FilePath}: '{field.Value}'");
                    Assert.True(TemplateChoices.IsMatch(field.Value) == EXP031InvalidRiskRating.HasTemplateChoices(field.Value), $"{plan.FilePath}: '{field.Value}'");
                    values++;
                }
            }
        }

        Assert.True(values > 100, "the corpus must have field values to compare");
    }

    /// <summary>EntryParser's "nothing to record" regexes, which run only where MayBeNone allows.</summary>
    private static readonly Regex NoneMarker = new(
        @"^(?:[-*+]|\d{1,3}[.)])?[\s(\[_*]*(?:(?:none|nothing|n/a|tbd|nil)\b[^\r\n]{0,60}|not\s+yet\b[^\r\n]{0,60}|no\s[^\r\n]{0,40}\b(?:yet|so\s+far|to\s+(?:date|report)|recorded|identified)\b[^\r\n]{0,20}|[—–-]+[\s)\]_*.]*|(?:暂无|尚无|无|なし|特になし|まだなし|없음|아직\s*없음)[^\r\n]{0,30})$",
        Options, Timeout);

    private static readonly Regex NoneValue = new(
        @"^[\s\-–—*_(\[]*(?:none(?:\s+(?:yet|so\s+far|identified|found|observed|recorded))?|n/?a|nothing(?:\s+(?:yet|so\s+far|to\s+report))?|tbd|not\s+yet|nil|暂无|尚无|无|なし|特になし|없음|아직\s*없음|[—–-])[\s.)\]*_]*$",
        Options, Timeout);

    private static readonly string[] NoneTokens =
    [
        "none", "None", "NOTHING", "nothing", "n/a", "N/A", "na", "NA", "nA", "nil", "Nil", "NIL", "not", "Not", " yet", "no", "No",
        " ", " ", "so far", " to report", "tbd", "TBD", "tBd", "t", "n", "N", "T", "the", "The", "note", "new", "Need", "test", "-",
        "—", "–", "*", "_", "(", "[", ")", "]", ".", "1", "12.", "+", "\u212A", "\u0130", "\u0131", "\u017F", "暂无", "なし", "x",
        "\n", "\t", "yet", " recorded", "\u00A0",
    ];

    [Fact]
    public void None_filter_never_rules_out_a_match_of_the_none_regexes()
    {
        var random = new Random(61);
        var ruledOut = 0;
        var matched = 0;
        for (var round = 0; round < 40000; round++)
        {
            var text = RandomTokens(random, NoneTokens, random.Next(0, 6));
            var matches = NoneMarker.IsMatch(text) || NoneValue.IsMatch(text);
            matched += matches ? 1 : 0;
            if (!EntryParser.MayBeNone(text))
            {
                ruledOut++;
                Assert.False(matches, $"'{Escape(text)}' matches but the filter rules it out");
            }
        }

        Assert.True(matched > 2000 && ruledOut > 10000, $"the random text must match ({matched}) and be ruled out ({ruledOut}) often enough");
    }

    /// <summary>Every line, entry text and field value of the corpus plans.</summary>
    [SkippableFact]
    public void None_filter_never_rules_out_a_match_on_the_corpus()
    {
        var texts = 0;
        foreach (var plan in CorpusPlans())
        {
            var candidates = plan.Text.Split('\n').Select(l => l.Trim())
                .Concat(plan.Entries.Select(e => e.Text.Trim()))
                .Concat(plan.Entries.SelectMany(e => e.Fields).Select(f => f.Value.Trim()));
            foreach (var text in candidates)
            {
                Assert.False(!EntryParser.MayBeNone(text) && (NoneMarker.IsMatch(text) || NoneValue.IsMatch(text)), $"{plan.FilePath}: '{text}'");
                texts++;
            }
        }

        Assert.True(texts > 1000, "the corpus must have text to compare");
    }

    /// <summary>LivingNotice's regexes: the notice in any language, and the living sections' names.</summary>
    private static readonly Regex Notice = new(
        @"living[\s*_-]+(?:design[\s-]+(?:and[\s-]+delivery[\s-]+)?)?doc(?:ument)?(?![a-z])|活文档|活文件|动态文档|可演进文档|持续更新的文档|活的文档|生きた(?:ドキュメント|文書)|リビング\s*ドキュメント|살아\s*있는\s*문서|리빙\s*문서|documento\s+vivo|document\s+vivant|lebendes\s+dokument|documento\s+vivente|levend\s+document|живой\s+документ",
        Options, Timeout);

    private static readonly Regex[] LivingNames =
    [
        new(@"\bconstraints\b", Options, Timeout),
        new(@"\btolerances\b", Options, Timeout),
        new(@"\brisks\b", Options, Timeout),
        new(@"\bprogress\b", Options, Timeout),
        new(@"\bsurprises\s*(?:&|and|&amp;)\s*discoveries\b", Options, Timeout),
        new(@"\bdecision\s+log\b", Options, Timeout),
        new(@"\boutcomes\s*(?:&|and|&amp;)\s*retrospective\b", Options, Timeout),
    ];

    [Fact]
    public void Living_document_scan_is_sure_when_it_answers()
    {
        var random = new Random(71);
        string[] tokens = ["living", "Living", "LIVING", "liv", "ing", "design", "Design", "and", "delivery", "doc", "Doc", "ument", "uments", "s", "x", " ", " ", "-", "*", "_", "\n", "\t", ".", "\u00A0", "\u212A", "\u0131", "é", "l"];
        var sure = 0;
        var asciiMatches = 0;
        for (var round = 0; round < 30000; round++)
        {
            var text = round % 2 == 0 ? RandomTokens(random, tokens, random.Next(0, 10)) : NoticeLike(random);
            var start = random.Next(0, Math.Min(3, text.Length) + 1);
            var end = random.Next(2) == 0 ? text.Length : random.Next(start, text.Length + 1);
            var piece = text.Substring(start, end - start);
            var matches = Notice.IsMatch(piece);
            var scan = LivingNotice.HasAsciiLivingDoc(text, start, end);
            Assert.True(!scan || matches, $"'{Escape(piece)}': the scan answers yes, the regex no");
            sure += scan ? 1 : 0;
            if (matches && piece.All(c => c < '\u0080'))
            {
                asciiMatches++;
                Assert.True(scan, $"'{Escape(piece)}': an ASCII notice the scan misses");
            }
        }

        Assert.True(sure > 500 && asciiMatches > 500, $"the random text must hold notices often enough ({sure}, {asciiMatches})");
    }

    /// <summary>"living", separators, perhaps "design and delivery", "doc" or "document", and what follows, each part
    /// in a random case or spelling.</summary>
    private static string NoticeLike(Random random)
    {
        string[] separators = [" ", "  ", "-", "*", "_", "\n", "\t", "\u00A0", "", " - "];
        string Pick(params string[] options) => options[random.Next(options.Length)];
        var builder = new StringBuilder(Pick("", "a ", "This is a ", "un"));
        builder.Append(Pick("living", "Living", "LIVING", "livin", "liv\u0131ng"));
        builder.Append(Pick(separators)).Append(random.Next(3) == 0 ? Pick(separators) : string.Empty);
        if (random.Next(3) == 0)
        {
            builder.Append(Pick("design", "Design", "desig")).Append(Pick(separators));
            if (random.Next(2) == 0)
            {
                builder.Append(Pick("and", "AND", "und")).Append(Pick(separators)).Append(Pick("delivery", "Delivery", "deliver")).Append(Pick(separators));
            }
        }

        builder.Append(Pick("doc", "Doc", "document", "DOCUMENT", "docs", "documents", "documen", "do"));
        builder.Append(Pick("", ".", " ", "s", "\u212A", "é", "1", "_", "-", "\u0301"));
        return builder.ToString();
    }

    /// <summary>Every block of every corpus plan: whether it is the notice, as the regexes alone define it.</summary>
    [SkippableFact]
    public void Notice_decisions_agree_on_the_corpus_blocks()
    {
        var blocks = 0;
        var notices = 0;
        foreach (var plan in CorpusPlans())
        {
            foreach (var block in plan.AllBlocks)
            {
                var expected = block is not (Markdig.Syntax.HtmlBlock or Markdig.Syntax.CodeBlock) &&
                    (Notice.IsMatch(plan.SourceOf(block)) || LivingNames.Count(r => r.IsMatch(plan.SourceOf(block))) >= 3);
                Assert.True(expected == LivingNotice.IsNotice(plan, block), $"{plan.FilePath}: line {block.Line + 1}");
                blocks++;
                notices += expected ? 1 : 0;
            }
        }

        Assert.True(blocks > 1000 && notices > 10, $"the corpus must have blocks and notices to compare ({blocks}, {notices})");
    }

    /// <summary>The real plans and the PLANS.md files, parsed; a skip when neither corpus is here.</summary>
    private static List<PlanDocument> CorpusPlans()
    {
        var folders = new[] { TestPaths.CorpusOrNull, TestPaths.PlansCorpusOrNull }.Where(f => f is not null).Select(f => f!).ToList();
        Skip.If(folders.Count == 0, TestPaths.CorpusMissing);
        return folders.SelectMany(f => Directory.GetFiles(f, "*.md")).Order(StringComparer.Ordinal)
            .Select(path => PlanParser.Parse(File.ReadAllText(path), path)).ToList();
    }

    private static string RandomTokens(Random random, string[] tokens, int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(tokens[random.Next(tokens.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>The text inside other text (which the scans must not read), cut into one to
    /// four pieces (some empty) whose concatenation is the text.</summary>
    private static (string Whole, List<(int Start, int End)> Pieces) Pieces(Random random, string text)
    {
        var prefix = new string('x', random.Next(0, 3));
        var whole = prefix + text + new string('e', random.Next(0, 3));
        var cuts = new List<int> { 0, text.Length };
        for (var k = random.Next(0, 4); k > 0; k--)
        {
            cuts.Add(random.Next(0, text.Length + 1));
        }

        cuts.Sort();
        var pieces = new List<(int, int)>();
        for (var k = 1; k < cuts.Count; k++)
        {
            pieces.Add((prefix.Length + cuts[k - 1], prefix.Length + cuts[k]));
        }

        return (whole, pieces);
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append(c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return builder.ToString();
    }
}
