namespace ExecPlan.Validation.Rules.Support;

using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using Markdig.Syntax;

/// <summary>
/// The living-document notice, in any language: what EXP007 looks for, and where EXP010's repair
/// puts <c>Status: DRAFT</c> (after the notice). One detector, so the two cannot disagree.
/// </summary>
internal static class LivingNotice
{
    /// <summary>How far down (0-based top-level block line) a notice may stand outside the preamble.</summary>
    private const int NearTopLines = 40;

    internal static readonly Regex Notice = TextScan.Pattern(
        @"living[\s*_-]+(?:design[\s-]+(?:and[\s-]+delivery[\s-]+)?)?doc(?:ument)?(?![a-z])|活文档|活文件|动态文档|可演进文档|持续更新的文档|活的文档|生きた(?:ドキュメント|文書)|リビング\s*ドキュメント|살아\s*있는\s*문서|리빙\s*문서|documento\s+vivo|document\s+vivant|lebendes\s+dokument|documento\s+vivente|levend\s+document|живой\s+документ");

    /// <summary>The living sections' names as a notice lists them, in English; built only for a
    /// block that holds enough of their words.</summary>
    private static class Rare
    {
        public static readonly Regex[] LivingNames =
        [
            TextScan.Pattern(@"\bconstraints\b"),
            TextScan.Pattern(@"\btolerances\b"),
            TextScan.Pattern(@"\brisks\b"),
            TextScan.Pattern(@"\bprogress\b"),
            TextScan.Pattern(@"\bsurprises\s*(?:&|and|&amp;)\s*discoveries\b"),
            TextScan.Pattern(@"\bdecision\s+log\b"),
            TextScan.Pattern(@"\boutcomes\s*(?:&|and|&amp;)\s*retrospective\b"),
        ];
    }

    /// <summary>A notice in any language names the sections it keeps up to date; naming this
    /// many of them is taken as the notice even when the words "living document" are translated.</summary>
    private const int NamedSectionsForNotice = 3;

    /// <summary>The notice EXP007 accepts: the first block of the preamble that is one, else the
    /// first top-level block in the first 40 lines (not code); null when the plan has none.</summary>
    public static Block? Find(PlanDocument plan)
    {
        foreach (var block in plan.Preamble)
        {
            if (IsNotice(plan, block))
            {
                return block;
            }
        }

        foreach (var block in plan.Syntax)
        {
            if (block.Line >= NearTopLines)
            {
                break;
            }

            if (block is not CodeBlock && IsNotice(plan, block))
            {
                return block;
            }
        }

        return null;
    }

    /// <summary>The first block of the preamble (between the title and the first section) that is
    /// the notice, or null.</summary>
    public static Block? InPreamble(PlanDocument plan)
    {
        foreach (var block in plan.Preamble)
        {
            if (IsNotice(plan, block))
            {
                return block;
            }
        }

        return null;
    }

    /// <summary>A paragraph, block quote or list item (never an HTML comment: it is not shown)
    /// that says "living document" or names enough living sections.</summary>
    public static bool IsNotice(PlanDocument plan, Block block)
    {
        if (block is HtmlBlock or CodeBlock)
        {
            return false;
        }

        // Cheap checks on the plan's text first: each pattern needs one of its words, so a block
        // without them skips the regexes and its substring.
        var all = plan.Text;
        var start = System.Math.Max(0, block.Span.Start);
        var end = System.Math.Min(all.Length, block.Span.End + 1);
        var mayBeNotice = MayHoldNoticeWords(all, start, end);
        if (mayBeNotice && HasAsciiLivingDoc(all, start, end))
        {
            // Most notices say "living document" in ASCII: sure without the regex.
            return true;
        }

        // Only whether enough of the words are there counts: stop once it is known either way.
        var namedWords = 0;
        for (var w = 0; w < LivingNameWords.Length && namedWords < NamedSectionsForNotice &&
            namedWords + LivingNameWords.Length - w >= NamedSectionsForNotice; w++)
        {
            namedWords += TextScan.ContainsIgnoringCase(all, start, end, LivingNameWords[w]) ? 1 : 0;
        }

        if (!mayBeNotice && namedWords < NamedSectionsForNotice)
        {
            return false;
        }

        var text = plan.SourceOf(block);
        if (mayBeNotice && Notice.IsMatch(text))
        {
            return true;
        }

        if (namedWords < NamedSectionsForNotice)
        {
            return false;
        }

        var named = 0;
        foreach (var name in Rare.LivingNames)
        {
            named += name.IsMatch(text) ? 1 : 0;
        }

        return named >= NamedSectionsForNotice;
    }

    /// <summary>
    /// A sure match of <see cref="Notice"/>'s first alternative in <c>text[start..end)</c>
    /// ("living document", "living-doc", "Living Design and Delivery Document"), read in ASCII
    /// only: true means the regex matches; false is no answer (a non-ASCII character where the
    /// regex's case or white space might still match is left to the regex).
    /// </summary>
    internal static bool HasAsciiLivingDoc(string text, int start, int end)
    {
        for (var i = TextScan.IndexOfEither(text, 'l', 'L', start, end); i >= 0; i = TextScan.IndexOfEither(text, 'l', 'L', i + 1, end))
        {
            var living = AsciiWordEnd(text, i, end, "living");
            var doc = living < 0 ? living : SkipSeparators(text, living, end, marks: true);
            if (doc <= living)
            {
                continue;
            }

            if (DocAt(text, doc, end))
            {
                return true;
            }

            // living[\s*_-]+design[\s-]+(?:and[\s-]+delivery[\s-]+)?doc
            var design = AsciiWordEnd(text, doc, end, "design");
            var afterDesign = design < 0 ? design : SkipSeparators(text, design, end, marks: false);
            if (afterDesign <= design)
            {
                continue;
            }

            if (DocAt(text, afterDesign, end))
            {
                return true;
            }

            var and = AsciiWordEnd(text, afterDesign, end, "and");
            var afterAnd = and < 0 ? and : SkipSeparators(text, and, end, marks: false);
            var delivery = afterAnd <= and ? -1 : AsciiWordEnd(text, afterAnd, end, "delivery");
            var afterDelivery = delivery < 0 ? delivery : SkipSeparators(text, delivery, end, marks: false);
            if (afterDelivery > delivery && DocAt(text, afterDelivery, end))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"doc" or "document" at <paramref name="at"/>, then no letter: the end, or an ASCII
    /// character other than a letter (one the regex's <c>(?![a-z])</c> surely lets pass).</summary>
    private static bool DocAt(string text, int at, int end)
    {
        var doc = AsciiWordEnd(text, at, end, "doc");
        if (doc < 0)
        {
            return false;
        }

        if (NoAsciiLetterAt(text, doc, end))
        {
            return true;
        }

        var document = AsciiWordEnd(text, doc, end, "ument");
        return document >= 0 && NoAsciiLetterAt(text, document, end);
    }

    private static bool NoAsciiLetterAt(string text, int at, int end) =>
        at == end || (text[at] < '\u0080' && (text[at] | 0x20) is < 'a' or > 'z');

    /// <summary>Where the ASCII letters of <paramref name="lowerWord"/>, in any case, end when they
    /// stand at <paramref name="at"/>; else -1.</summary>
    private static int AsciiWordEnd(string text, int at, int end, string lowerWord)
    {
        if (end - at < lowerWord.Length)
        {
            return -1;
        }

        for (var k = 0; k < lowerWord.Length; k++)
        {
            var c = text[at + k];
            if (c >= '\u0080' || (c | 0x20) != lowerWord[k])
            {
                return -1;
            }
        }

        return at + lowerWord.Length;
    }

    /// <summary>Past a run of ASCII white space and '-' (and '*', '_' when <paramref name="marks"/>):
    /// characters the regex's <c>[\s*_-]</c> or <c>[\s-]</c> surely holds.</summary>
    private static int SkipSeparators(string text, int at, int end, bool marks)
    {
        while (at < end && (text[at] is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' or '-' || (marks && text[at] is '*' or '_')))
        {
            at++;
        }

        return at;
    }

    /// <summary>A word each of <see cref="Rare.LivingNames"/> needs, in its order.</summary>
    private static readonly string[] LivingNameWords = ["constraints", "tolerances", "risks", "progress", "surprises", "decision", "outcomes"];

    /// <summary>A word of each Latin-script alternative of <see cref="Notice"/>.</summary>
    private static readonly string[] NoticeWords = ["living", "vivo", "vivant", "vivente", "lebendes", "levend"];

    /// <summary>The first characters of the other alternatives (Cyrillic in both cases).</summary>
    private static readonly char[] NoticeFirstChars = ['活', '动', '可', '持', '生', 'リ', '살', '리', 'ж', 'Ж'];

    private static bool MayHoldNoticeWords(string text, int start, int end)
    {
        if (end <= start)
        {
            return false;
        }

        foreach (var word in NoticeWords)
        {
            if (TextScan.ContainsIgnoringCase(text, start, end, word))
            {
                return true;
            }
        }

        return text.IndexOfAny(NoticeFirstChars, start, end - start) >= 0;
    }
}
