namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using Markdig.Syntax;

/// <summary>The labels each entry section accepts (Risk, Surprise, Decision and their fields, in
/// the languages real plans use), compiled once into the regexes the grouper matches lines with.</summary>
internal static partial class EntryParser
{
    private static readonly LabelSet RiskLabels = new(
        "Risk",
        ("Risk", @"Risk|Risque|Riesgo|Risiko|风险|風險|リスク|위험|리스크"),
        ("Severity", @"Severity|Gravit[ée]|S[ée]v[ée]rit[ée]|Severidad|Gravedad|Schweregrad|严重性|严重程度|嚴重性|嚴重程度|深刻度|重大度|심각도"),
        ("Likelihood", @"Likelihood|Probabilit[ée]|Probabilidad|Wahrscheinlichkeit|可能性|发生概率|発生確率|발생\s*가능성|가능성"),
        ("Probability", @"Probability"),
        ("Impact", @"Impact|Impacto|Auswirkung|影响|影響|영향"),
        ("Mitigation", @"Mitigation|Att[ée]nuation|Mitigaci[óo]n|Gegenma(?:ß|ss)nahmen?|缓解措施|缓解|應對措施|应对措施|緩和策|軽減策|対策|완화\s*방안|완화"),
        ("Contingency", @"Contingency|Fallback"));

    private static readonly LabelSet SurpriseLabels = new(
        "Observation",
        ("Observation", @"Observation|Observaci[óo]n|Beobachtung|观察|觀察|現象|観察|관찰"),
        ("Evidence", @"Evidence|Preuve|Evidencia|Beleg|Nachweis|证据|證據|証拠|根拠|증거|근거"),
        ("Impact", @"Impact|Impacto|Auswirkung|影响|影響|영향"));

    private static readonly LabelSet DecisionLabels = new(
        "Decision",
        ("Decision", @"Decision|D[ée]cision|Decisi[óo]n|Entscheidung|决定|决策|決定|決策|결정"),
        ("Rationale", @"Rationale|Justification|Justificaci[óo]n|Begr[üu]ndung|理由|原因|根拠|근거|이유"),
        ("Date/Author", @"Date\s*(?:/|&|and|,)\s*Author|Author\s*(?:/|&|and|,)\s*Date|Date\s*/\s*Auteur|Fecha\s*/\s*Autor|Datum\s*/\s*Autor|日期\s*/\s*作者|日付\s*/\s*(?:作成者|担当者?)|날짜\s*/\s*작성자"),
        ("Date", @"Date|Fecha|Datum|日期|日付|날짜"),
        ("Author", @"Author|Auteur|Autor|作者|作成者|担当者|작성자"));

    private static LabelSet SetOf(SectionKind kind) => kind switch
    {
        SectionKind.Risks => RiskLabels,
        SectionKind.Surprises => SurpriseLabels,
        _ => DecisionLabels,
    };

    /// <summary>For tests: whether a section's labels may start a line by the cheap filter, and
    /// whether the line-start regexes match it (the filter must never rule out a match).</summary>
    internal static (bool Filter, bool Regex) LabelAtStart(SectionKind kind, string line)
    {
        var set = SetOf(kind);
        return (set.MayStartWithLabel(line, 0, line.Length), set.AtStart.IsMatch(line) || set.HeadingStart.IsMatch(line));
    }

    /// <summary>For tests: the same for the primary label alone.</summary>
    internal static (bool Filter, bool Regex) PrimaryAtStart(SectionKind kind, string line)
    {
        var set = SetOf(kind);
        var match = set.AtStart.Match(line);
        return (set.MayStartWithPrimary(line, 0, line.Length), match.Success && set.CanonicalOf(match) == set.Primary);
    }

    /// <summary>For tests: the scanner's answer and the regex's for one kind of label match on a
    /// text, each as "canonical label start-end value-start" or null (the two must agree).</summary>
    internal static (string? Scanner, string? Regex) CompareWithRegex(SectionKind kind, string line, LabelMatchKind matchKind, int from = 0)
    {
        var set = SetOf(kind);
        LabelHit hit;
        var found = matchKind switch
        {
            LabelMatchKind.AtStart => set.TryAtStart(line, 0, line.Length, out hit),
            LabelMatchKind.HeadingStart => set.TryHeadingStart(line, 0, line.Length, out hit),
            _ => set.TryAnywhere(line, 0, from, line.Length, out hit),
        };
        var regex = matchKind switch
        {
            LabelMatchKind.AtStart => set.AtStart.Match(line),
            LabelMatchKind.HeadingStart => set.HeadingStart.Match(line),
            _ => set.Anywhere.Match(line, from),
        };
        var scanner = found ? Describe(set.CanonicalAt(hit.Canonical), hit.LabelStart, hit.LabelEnd, hit.End) : null;
        var group = regex.Groups["label"];
        return (scanner, regex.Success ? Describe(set.CanonicalOf(regex), group.Index, group.Index + group.Length, regex.Index + regex.Length) : null);

        static string Describe(string canonical, int start, int end, int valueStart) =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} {1}-{2} {3}", canonical, start, end, valueStart);
    }

    /// <summary>For tests: every character the label patterns hold, as written.</summary>
    internal static IEnumerable<char> PatternCharacters()
    {
        foreach (var set in new[] { RiskLabels, SurpriseLabels, DecisionLabels })
        {
            foreach (var c in set.PatternText)
            {
                yield return c;
            }
        }
    }

    /// <summary>For tests: whether the scanner's case folding takes two characters as equal.</summary>
    internal static bool FoldsEqual(char a, char b) => Fold(a) == Fold(b);

    /// <summary>The labels of one section, each canonical label with its accepted spellings.</summary>
    private sealed partial class LabelSet
    {
        private const string Lead = @"^[ \t>]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?";

        private readonly string[] _canonicals;

        private readonly string _labelPattern;

        private Regex? _atStart;

        private Regex? _headingStart;

        private Regex? _anywhere;

        private readonly string[] _groupNames;

        /// <summary>The ASCII letters a label can start with, both cases; null when a pattern does
        /// not start with a plain letter (then no line is ruled out before the regex).</summary>
        private readonly bool[]? _asciiFirst;

        /// <summary>The same for the primary label alone.</summary>
        private readonly bool[]? _primaryFirst;

        public LabelSet(string primary, params (string Canonical, string Pattern)[] labels)
        {
            Primary = primary;
            _canonicals = new string[labels.Length];
            _groupNames = new string[labels.Length];
            _asciiFirst = new bool[128];
            var alternatives = new StringBuilder();
            for (var i = 0; i < labels.Length; i++)
            {
                _canonicals[i] = labels[i].Canonical;
                _groupNames[i] = "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                _asciiFirst = AddFirstLetters(labels[i].Pattern, _asciiFirst);
                if (i == 0)
                {
                    _primaryFirst = AddFirstLetters(labels[i].Pattern, new bool[128]);
                }
                alternatives.Append(i == 0 ? string.Empty : "|").Append("(?<c").Append(i).Append('>').Append(labels[i].Pattern).Append(')');
            }

            // The grouper keeps an entry's labels as bits of their indexes, and takes the index
            // of the primary for its name: both need each canonical label once.
            PrimaryIndex = Array.IndexOf(_canonicals, primary);
            if (PrimaryIndex < 0 || labels.Length > 31 || new HashSet<string>(_canonicals, StringComparer.Ordinal).Count != labels.Length)
            {
                throw new InvalidOperationException("A label set needs its primary label and at most 31 distinct canonical labels: " + primary);
            }

            // "Decision 2:" is the same label; the number is not part of it.
            _labelPattern = @"(?<label>" + alternatives + @")(?:[ \t]*#?\d{1,3})?";
            PatternText = alternatives.ToString();
            IndexSpellings(labels);
        }

        /// <summary>Every label pattern, joined (for tests).</summary>
        public string PatternText { get; }

        public string CanonicalAt(int index) => _canonicals[index];

        public string Primary { get; }

        /// <summary>The index of <see cref="Primary"/> among the canonical labels.</summary>
        public int PrimaryIndex { get; }

        // The regexes are the specification of the scanner (EntryParser.Scanner.cs), which the
        // parser runs instead; they are built only when a test compares the two.

        /// <summary>A label at the start of a line, after any bullet, checkbox or emphasis.</summary>
        public Regex AtStart => _atStart ??= new Regex(
            Lead + @"(?:[*_]{0,2}" + _labelPattern + @"[*_]{0,2}(?:[ \t]*[:：]|[ \t]+[-–—](?=[ \t])|[ \t]*[–—])[*_]{0,2}[ \t]*|\*\*" + _labelPattern + @"\*\*[ \t]*$)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);

        /// <summary>A sub-heading that names an entry: "Decision 2", "Risk: data loss".</summary>
        public Regex HeadingStart => _headingStart ??= new Regex(
            @"^[ \t]*[*_]{0,2}" + _labelPattern + @"[*_]{0,2}(?:[ \t]*$|[ \t]*[:：.]|[ \t]+[-–—](?=[ \t])|[ \t]*[–—])[*_]{0,2}[ \t]*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);

        /// <summary>A colon label anywhere in a line.</summary>
        public Regex Anywhere => _anywhere ??= new Regex(
            @"(?<![\p{L}\p{N}])[*_]{0,2}" + _labelPattern + @"[*_]{0,2}[ \t]*[:：][*_]{0,2}[ \t]*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);

        public string CanonicalOf(Match match)
        {
            for (var i = 0; i < _canonicals.Length; i++)
            {
                if (match.Groups[_groupNames[i]].Success)
                {
                    return _canonicals[i];
                }
            }

            return _canonicals[0];
        }

        /// <summary>The canonical label that starts the line [start, end), or null.</summary>
        public string? MatchAtStart(string text, int start, int end) =>
            MayStartWithLabel(text, start, end) && TryAtStart(text, start, end, out var hit) ? _canonicals[hit.Canonical] : null;

        /// <summary>The index of the canonical label that starts the line [start, end), or <see cref="NoLabel"/>.</summary>
        public int MatchIndexAtStart(string text, int start, int end) =>
            MayStartWithLabel(text, start, end) && TryAtStart(text, start, end, out var hit) ? hit.Canonical : NoLabel;

        /// <summary>Whether <see cref="AtStart"/> or <see cref="HeadingStart"/> could match a line:
        /// everything either allows before the label (spaces, '&gt;', a bullet or number, a
        /// checkbox, emphasis) is skipped, and the label must start at the first other character.
        /// A necessary condition only: the scanner decides.</summary>
        public bool MayStartWithLabel(string text, int start, int end) => MayStartWith(text, start, end, _asciiFirst);

        /// <summary>Whether the primary label could start a line (see <see cref="MayStartWithLabel"/>).</summary>
        public bool MayStartWithPrimary(string text, int start, int end) => MayStartWith(text, start, end, _primaryFirst);

        private static bool MayStartWith(string text, int start, int end, bool[]? first)
        {
            if (first is null)
            {
                return true;
            }

            var i = start;
            while (i < end)
            {
                var c = text[i];
                if (c is ' ' or '\t' or '>' or '-' or '*' or '+' or '_' or '.' or ')' or '[' or ']' or (>= '0' and <= '9')
                    || (c is 'x' or 'X' && i > start && text[i - 1] == '['))
                {
                    i++;
                    continue;
                }

                // A non-ASCII letter may be a label (CJK) or fold to one under IgnoreCase.
                return c >= 128 || first[c];
            }

            return false;
        }

        /// <summary>Adds the first letter of each top-level alternative of a pattern; null (no
        /// filter) when an alternative starts with anything but an ASCII letter or an uncased
        /// character (CJK, Hangul).</summary>
        private static bool[]? AddFirstLetters(string pattern, bool[]? first)
        {
            if (first is null)
            {
                return null;
            }

            var depth = 0;
            var atStart = true;
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (atStart)
                {
                    atStart = false;
                    if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
                    {
                        first[char.ToLowerInvariant(c)] = true;
                        first[char.ToUpperInvariant(c)] = true;
                    }
                    else if (c < 128 || char.ToUpperInvariant(c) != char.ToLowerInvariant(c))
                    {
                        // Not a plain letter, or a cased one that may fold to an ASCII letter.
                        return null;
                    }
                }

                if (c == '\\')
                {
                    i++;
                }
                else if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    depth--;
                }
                else if (c == '|' && depth == 0)
                {
                    atStart = true;
                }
            }

            return first;
        }
    }
}
