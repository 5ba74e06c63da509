namespace ExecPlan.Validation.Rules;

using System.Globalization;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP031: a risk's Severity and Likelihood are low, medium or high (the start of the
/// value, case-insensitive; trailing explanation is allowed). Ratings that sit on the same scale
/// are accepted: compounds ("medium-high", "low to medium"), "moderate", "critical", "very high",
/// and the words in Chinese, Japanese, Korean, French, German, Spanish and Portuguese. The template's unfilled
/// "low | medium | high" starts with a valid word but is still reported.</summary>
public sealed class EXP031InvalidRiskRating : PlanRule
{
    internal static readonly Regex TemplateChoices = TextScan.Pattern(@"\b(?:low|medium|high)[ \t]*\|[ \t]*(?:low|medium|high)\b");

    // Words that place a rating on the three-level scale, in English and in the languages plans
    // are written in: a compound of them ("medium-high", "low to medium") is a rating too.
    internal static readonly Regex ScaleValue = TextScan.Pattern(
        @"^[\s*_`""'(\[]*(?:(?:very|extremely)[ \t]+)?(?:low|medium|med|high|moderate|critical|" +
        @"低|中|高|低い|高い|中程度|낮음|중간|보통|높음|낮|중|높|faible|moyen(?:ne)?|élevée?|haute?|bas(?:se)?|niedrig|mittel|hoch|bajo|baja|medio|media|alto|alta|baixo|médio|alto)" +
        @"(?:[ \t]*(?:-|–|/|to|~|〜|～|->|→)[ \t]*(?:low|medium|med|high|moderate|critical|低|中|高))?(?![\p{L}\p{N}])",
        RegexOptions.IgnoreCase);

    public override RuleDescriptor Descriptor => RuleCatalog.EXP031;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        foreach (var entry in plan.Entries)
        {
            if (entry.Section != SectionKind.Risks)
            {
                continue;
            }

            for (var f = 0; f < entry.Fields.Count; f++)
            {
                var field = entry.Fields[f];

                // Only English labels are held to the English words: '深刻度: 高' is a rating too.
                if (field.Label is not ("Severity" or "Likelihood" or "Probability") || !IsAscii(field.WrittenLabel))
                {
                    continue;
                }

                if (IsScaleValue(field.Value) && !HasTemplateChoices(field.Value))
                {
                    continue;
                }

                var message = field.Value.IndexOf('|') >= 0
                    ? $"{field.Label} still lists the template's choices; keep one of low, medium or high."
                    : $"{field.Label} must be low, medium or high, not '{Shorten(field.Value)}'.";
                context.Report(field.ValueSpan, message);
            }
        }
    }

    /// <summary>The template's choices need a '|': without one the regex cannot match.</summary>
    internal static bool HasTemplateChoices(string value) => value.IndexOf('|') >= 0 && TemplateChoices.IsMatch(value);

    /// <summary>Whether <see cref="ScaleValue"/> matches: <see cref="ScanScaleValue"/>, or the regex
    /// when the scan leaves the value to it.</summary>
    internal static bool IsScaleValue(string value) => ScanScaleValue(value) ?? ScaleValue.IsMatch(value);

    /// <summary>The words of <see cref="ScaleValue"/> (lower case), and those that may follow a
    /// compound's separator.</summary>
    internal static readonly string[] ScaleWords =
    [
        "low", "medium", "med", "high", "moderate", "critical", "低", "中", "高", "低い", "高い", "中程度", "낮음", "중간", "보통",
        "높음", "낮", "중", "높", "faible", "moyen", "moyenne", "élevé", "élevée", "haut", "haute", "bas", "basse", "niedrig",
        "mittel", "hoch", "bajo", "baja", "medio", "media", "alto", "alta", "baixo", "médio",
    ];

    internal static readonly string[] CompoundWords = ["low", "medium", "med", "high", "moderate", "critical", "低", "中", "高"];

    internal static readonly string[] Separators = ["-", "–", "/", "to", "~", "〜", "～", "->", "→"];

    internal static readonly string[] Intensifiers = ["very", "extremely"];

    /// <summary>
    /// <see cref="ScaleValue"/> as a scan, or null when the value holds a character the scan
    /// leaves to the regex (one whose invariant case is ASCII, like the Kelvin sign, which the
    /// case-insensitive regex may take for an ASCII letter). The regex's every path is tried: the
    /// leading marks and spaces, an intensifier and its spaces, then each word the value starts
    /// with, then no compound or each separator and second word, then no letter or digit.
    /// </summary>
    internal static bool? ScanScaleValue(string value)
    {
        var uncertain = false;
        var i = 0;
        while (i < value.Length && IsLeading(value[i]))
        {
            i++;
        }

        var found = ScaleWordAt(value, i, ref uncertain);
        foreach (var intensifier in Intensifiers)
        {
            var after = MatchLength(value, i, intensifier, ref uncertain);
            if (after > 0)
            {
                var word = SkipBlanks(value, i + after);
                found = found || (word > i + after && ScaleWordAt(value, word, ref uncertain));
            }
        }

        return found ? true : uncertain ? null : false;
    }

    /// <summary>A scale word at <paramref name="at"/>, then an optional compound, then no letter or digit.</summary>
    private static bool ScaleWordAt(string value, int at, ref bool uncertain)
    {
        foreach (var word in ScaleWords)
        {
            var length = MatchLength(value, at, word, ref uncertain);
            if (length > 0 && (EndsWord(value, at + length) || CompoundAt(value, at + length, ref uncertain)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CompoundAt(string value, int at, ref bool uncertain)
    {
        var separator = SkipBlanks(value, at);
        foreach (var mark in Separators)
        {
            var length = MatchLength(value, separator, mark, ref uncertain);
            if (length == 0)
            {
                continue;
            }

            var second = SkipBlanks(value, separator + length);
            foreach (var word in CompoundWords)
            {
                var wordLength = MatchLength(value, second, word, ref uncertain);
                if (wordLength > 0 && EndsWord(value, second + wordLength))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The length of <paramref name="word"/> when the value holds it at
    /// <paramref name="at"/> case-insensitively, else 0 (and <paramref name="uncertain"/> set
    /// when a character the scan cannot judge stood in the way).</summary>
    private static int MatchLength(string value, int at, string word, ref bool uncertain)
    {
        if (value.Length - at < word.Length)
        {
            return 0;
        }

        for (var k = 0; k < word.Length; k++)
        {
            var c = value[at + k];
            if (c >= '\u0080' && TextScan.MayFoldToAscii(c))
            {
                uncertain = true;
                return 0;
            }

            if (!SameLetter(c, word[k]))
            {
                return 0;
            }
        }

        return word.Length;
    }

    /// <summary>Whether the case-insensitive regex matches <paramref name="c"/> (not one that
    /// <see cref="TextScan.MayFoldToAscii"/>) with the word's (lower-case) <paramref name="w"/>.</summary>
    internal static bool SameLetter(char c, char w) =>
        c == w || (c < '\u0080' ? w is >= 'a' and <= 'z' && (c | 0x20) == w : w >= '\u0080' && char.ToLowerInvariant(c) == w);

    private static int SkipBlanks(string value, int at)
    {
        while (at < value.Length && value[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
    }

    /// <summary>The regex's <c>(?![\p{L}\p{N}])</c>.</summary>
    internal static bool EndsWord(string value, int at)
    {
        if (at >= value.Length)
        {
            return true;
        }

        var category = char.GetUnicodeCategory(value[at]);
        return category is not (UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or
            UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or
            UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or
            UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber);
    }

    /// <summary>The regex's leading <c>[\s*_`"'(\[]</c>.</summary>
    internal static bool IsLeading(char c) => c is '*' or '_' or '`' or '"' or '\'' or '(' or '[' || char.IsWhiteSpace(c);

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string value)
    {
        var line = value.Split('\n')[0].Trim();
        return line.Length <= 40 ? line : line.Substring(0, 40) + "…";
    }
}
