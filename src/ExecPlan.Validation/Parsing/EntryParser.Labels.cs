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
        return (set.MayStartWithLabel(line), set.AtStart.IsMatch(line) || set.HeadingStart.IsMatch(line));
    }

    /// <summary>For tests: the same for the primary label alone.</summary>
    internal static (bool Filter, bool Regex) PrimaryAtStart(SectionKind kind, string line)
    {
        var set = SetOf(kind);
        return (set.MayStartWithPrimary(line), set.MatchAtStart(line) == set.Primary);
    }

    /// <summary>The labels of one section, each canonical label with its accepted spellings.</summary>
    private sealed class LabelSet
    {
        private readonly string[] _canonicals;

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

            // "Decision 2:" is the same label; the number is not part of it.
            var label = @"(?<label>" + alternatives + @")(?:[ \t]*#?\d{1,3})?";
            const string Lead = @"^[ \t>]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?";
            AtStart = new Regex(
                Lead + @"(?:[*_]{0,2}" + label + @"[*_]{0,2}(?:[ \t]*[:：]|[ \t]+[-–—](?=[ \t])|[ \t]*[–—])[*_]{0,2}[ \t]*|\*\*" + label + @"\*\*[ \t]*$)",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
            HeadingStart = new Regex(
                @"^[ \t]*[*_]{0,2}" + label + @"[*_]{0,2}(?:[ \t]*$|[ \t]*[:：.]|[ \t]+[-–—](?=[ \t])|[ \t]*[–—])[*_]{0,2}[ \t]*",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
            Anywhere = new Regex(
                @"(?<![\p{L}\p{N}])[*_]{0,2}" + label + @"[*_]{0,2}[ \t]*[:：][*_]{0,2}[ \t]*",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
        }

        public string Primary { get; }

        /// <summary>A label at the start of a line, after any bullet, checkbox or emphasis.</summary>
        public Regex AtStart { get; }

        /// <summary>A sub-heading that names an entry: "Decision 2", "Risk: data loss".</summary>
        public Regex HeadingStart { get; }

        /// <summary>A colon label anywhere in a line.</summary>
        public Regex Anywhere { get; }

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

        public string? MatchAtStart(string line)
        {
            if (!MayStartWithLabel(line))
            {
                return null;
            }

            var match = AtStart.Match(line);
            return match.Success ? CanonicalOf(match) : null;
        }

        /// <summary>Whether <see cref="AtStart"/> or <see cref="HeadingStart"/> could match a line:
        /// everything either allows before the label (spaces, '&gt;', a bullet or number, a
        /// checkbox, emphasis) is skipped, and the label must start at the first other character.
        /// A necessary condition only: the regex decides.</summary>
        public bool MayStartWithLabel(string line) => MayStartWith(line, _asciiFirst);

        /// <summary>Whether the primary label could start a line (see <see cref="MayStartWithLabel"/>).</summary>
        public bool MayStartWithPrimary(string line) => MayStartWith(line, _primaryFirst);

        private static bool MayStartWith(string line, bool[]? first)
        {
            if (first is null)
            {
                return true;
            }

            var i = 0;
            while (i < line.Length)
            {
                var c = line[i];
                if (c is ' ' or '\t' or '>' or '-' or '*' or '+' or '_' or '.' or ')' or '[' or ']' or (>= '0' and <= '9')
                    || (c is 'x' or 'X' && i > 0 && line[i - 1] == '['))
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
