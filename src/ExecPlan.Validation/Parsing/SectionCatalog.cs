namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Settings;

/// <summary>
/// Section names, loosely matched the way real plans write them: case-insensitive, '&amp;' equals
/// 'and', a trailing parenthetical, numbering, emphasis and punctuation ignored, and a few
/// common variants ("Artefacts", "Progress log", "Validation") accepted.
/// </summary>
public static class SectionCatalog
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private static readonly Regex TrailingParenthetical = new(@"\s*[\(\[][^\(\)\[\]]*[\)\]]\s*$", RegexOptions.CultureInvariant, RegexTimeout);

    private static readonly Regex LeadingNumbering = new(
        @"^\s*(?:(?:\d+(?:\.\d+)*|[A-Za-z]|[IVXivx]+)[.):]\s+|\d+\s+)", RegexOptions.CultureInvariant, RegexTimeout);

    private static readonly Regex AnyBracketed = new(@"[\(\[（【［「][^\(\)\[\]（）【】［］「」]*[\)\]）】］」]", RegexOptions.CultureInvariant, RegexTimeout);

    private static readonly List<(SectionKind Kind, string Normalized)> NameList = BuildNames();

    private static readonly Dictionary<string, SectionKind> Names = ToDictionary(NameList, n => n);

    /// <summary>Names compared word by word without 'and' and plural 's' ("Interfaces, dependencies").</summary>
    private static readonly Dictionary<string, SectionKind> TokenNames = ToDictionary(NameList, n => string.Join(" ", Tokens(n)));

    private static readonly List<(SectionKind Kind, IReadOnlyList<string> Tokens)> MultiWordNames = NameList
        .Select(n => (n.Kind, Tokens: (IReadOnlyList<string>)Tokens(n.Normalized)))
        .Where(n => n.Tokens.Count >= 2)
        .ToList();

    /// <summary>The distinctive names real plans put a qualifier before ("Milestone Progress",
    /// "Design decisions", "Scope, Assumptions, and Risks"). Deliberately few: "Next Steps",
    /// "Expected Outcomes" or "Non-goals" are not the Concrete Steps, Outcomes or Purpose section.</summary>
    private static readonly List<(SectionKind Kind, IReadOnlyList<string> Tokens)> QualifiableNames =
    [
        (SectionKind.Progress, Tokens("progress")),
        (SectionKind.Risks, Tokens("risks")),
        (SectionKind.Risks, Tokens("risks and mitigations")),
        (SectionKind.Constraints, Tokens("constraints")),
        (SectionKind.Tolerances, Tokens("tolerances")),
        (SectionKind.DecisionLog, Tokens("decisions")),
        (SectionKind.DecisionLog, Tokens("decision log")),
    ];

    /// <summary>Qualifiers that say the section is not the one named ("No risks", "Next progress").</summary>
    private static readonly HashSet<string> NegatingQualifiers = new(
        Tokens("no non not next future previous prior past other related expected"), StringComparer.Ordinal);

    /// <summary>The skeleton's order of sections, used by EXP006.</summary>
    public static IReadOnlyList<SectionKind> SkeletonOrder { get; } =
    [
        SectionKind.Purpose, SectionKind.Constraints, SectionKind.Tolerances, SectionKind.Risks,
        SectionKind.Progress, SectionKind.Surprises, SectionKind.DecisionLog, SectionKind.Outcomes,
        SectionKind.Context, SectionKind.PlanOfWork, SectionKind.ConcreteSteps, SectionKind.Validation,
        SectionKind.Idempotence, SectionKind.Artifacts, SectionKind.Interfaces,
    ];

    /// <summary>The non-living skeleton sections that EXP002 asks for.</summary>
    public static IReadOnlyList<SectionKind> SkeletonSections { get; } =
    [
        SectionKind.Purpose, SectionKind.Context, SectionKind.PlanOfWork, SectionKind.ConcreteSteps,
        SectionKind.Validation, SectionKind.Idempotence, SectionKind.Artifacts, SectionKind.Interfaces,
    ];

    private static readonly SectionKind[] SkillLiving =
    [
        SectionKind.Constraints, SectionKind.Tolerances, SectionKind.Risks, SectionKind.Progress,
        SectionKind.Surprises, SectionKind.DecisionLog, SectionKind.Outcomes,
    ];

    private static readonly SectionKind[] ClassicLiving =
    [
        SectionKind.Progress, SectionKind.Surprises, SectionKind.DecisionLog, SectionKind.Outcomes,
    ];

    /// <summary>The mandatory living sections of a profile (EXP001).</summary>
    public static IReadOnlyList<SectionKind> LivingSections(PlanProfile profile) =>
        profile == PlanProfile.Classic ? ClassicLiving : SkillLiving;

    /// <summary>The name the skill gives a section, for messages.</summary>
    public static string DisplayName(SectionKind kind) => kind switch
    {
        SectionKind.Purpose => "Purpose / Big Picture",
        SectionKind.Constraints => "Constraints",
        SectionKind.Tolerances => "Tolerances",
        SectionKind.Risks => "Risks",
        SectionKind.Progress => "Progress",
        SectionKind.Surprises => "Surprises & Discoveries",
        SectionKind.DecisionLog => "Decision Log",
        SectionKind.Outcomes => "Outcomes & Retrospective",
        SectionKind.Context => "Context and Orientation",
        SectionKind.PlanOfWork => "Plan of Work",
        SectionKind.ConcreteSteps => "Concrete Steps",
        SectionKind.Validation => "Validation and Acceptance",
        SectionKind.Idempotence => "Idempotence and Recovery",
        SectionKind.Artifacts => "Artifacts and Notes",
        SectionKind.Interfaces => "Interfaces and Dependencies",
        SectionKind.RevisionNote => "Revision note",
        SectionKind.Status => "Status",
        _ => "(other)",
    };

    /// <summary>Recognises a heading's text as a known section.</summary>
    public static SectionKind Match(string headingText) => MatchDetailed(headingText).Kind;

    /// <summary>
    /// Recognises a heading's text as a known section and says how closely it matched:
    /// <list type="bullet">
    /// <item><see cref="SectionMatchStrength.Exact"/>: the whole heading is a known name
    /// (case, '&amp;', numbering, a parenthetical, emphasis and punctuation aside).</item>
    /// <item><see cref="SectionMatchStrength.Segment"/>: one part of a bilingual or annotated
    /// heading is a known name (<c>Progress / 진행 상황</c>, <c>进度 Progress</c>,
    /// <c>Stage 2: Progress</c>, <c>Interfaces, dependencies</c>).</item>
    /// <item><see cref="SectionMatchStrength.Inserted"/>: a part is a known name of two or more
    /// words with at most two words inserted (<c>Concrete implementation steps</c>).</item>
    /// <item><see cref="SectionMatchStrength.Qualified"/>: a part ends with one of the few
    /// distinctive names that real plans qualify (<c>Milestone Progress</c>, <c>Design
    /// decisions</c>, <c>Scope, Assumptions, and Risks</c>).</item>
    /// </list>
    /// A name must start the part it is found in (only <see cref="SectionMatchStrength.Qualified"/>
    /// allows a qualifier before it), so "Progress report for the API" is not Progress.
    /// </summary>
    public static SectionMatch MatchDetailed(string headingText)
    {
        if (Names.TryGetValue(Normalize(headingText), out var exact))
        {
            return new SectionMatch(exact, SectionMatchStrength.Exact);
        }

        var best = SectionMatch.None;
        foreach (var segment in Segments(StripBrackets(headingText)))
        {
            var match = MatchSegment(segment);
            if (match.Strength > best.Strength)
            {
                best = match;
            }
        }

        return best;
    }

    /// <summary>Folds a heading to the form names are compared in.</summary>
    public static string Normalize(string headingText)
    {
        var text = headingText.Trim();
        for (var i = 0; i < 3; i++)
        {
            var stripped = TrailingParenthetical.Replace(text, string.Empty);
            if (stripped.Length == 0 || stripped == text)
            {
                break;
            }

            text = stripped;
        }

        text = LeadingNumbering.Replace(text, string.Empty);
        var builder = new StringBuilder(text.Length + 8);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c == '&' || c == '+' || c == '＆')
            {
                AppendWord(builder, "and", ref pendingSpace);
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    private static SectionMatch MatchSegment(string segment)
    {
        var normalized = Normalize(segment);
        if (normalized.Length == 0)
        {
            return SectionMatch.None;
        }

        if (Names.TryGetValue(normalized, out var kind))
        {
            return new SectionMatch(kind, SectionMatchStrength.Segment);
        }

        var tokens = Tokens(normalized);
        if (tokens.Count == 0)
        {
            return SectionMatch.None;
        }

        if (TokenNames.TryGetValue(string.Join(" ", tokens), out kind))
        {
            return new SectionMatch(kind, SectionMatchStrength.Segment);
        }

        foreach (var name in MultiWordNames)
        {
            if (IsInsertedVariant(tokens, name.Tokens))
            {
                return new SectionMatch(name.Kind, SectionMatchStrength.Inserted);
            }
        }

        foreach (var name in QualifiableNames)
        {
            var qualifiers = tokens.Count - name.Tokens.Count;
            if (qualifiers >= 1 && qualifiers <= 2 && EndsWith(tokens, name.Tokens) && !NegatingQualifiers.Contains(tokens[0]))
            {
                return new SectionMatch(name.Kind, SectionMatchStrength.Qualified);
            }
        }

        return SectionMatch.None;
    }

    /// <summary>Same first and last word, the name's words in order, at most two words inserted.</summary>
    private static bool IsInsertedVariant(List<string> tokens, IReadOnlyList<string> name)
    {
        if (tokens.Count <= name.Count || tokens.Count > name.Count + 2 || tokens[0] != name[0] || tokens[tokens.Count - 1] != name[name.Count - 1])
        {
            return false;
        }

        var n = 0;
        foreach (var token in tokens)
        {
            if (n < name.Count && token == name[n])
            {
                n++;
            }
        }

        return n == name.Count;
    }

    private static bool EndsWith(List<string> tokens, IReadOnlyList<string> name)
    {
        for (var i = 1; i <= name.Count; i++)
        {
            if (tokens[tokens.Count - i] != name[name.Count - i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The words of a normalized name, without 'and' and with a plural 's' folded, so
    /// "Interfaces, dependencies" and "Interface and Dependencies" compare equal.</summary>
    private static List<string> Tokens(string normalized)
    {
        var tokens = new List<string>();
        foreach (var word in normalized.Split(' '))
        {
            if (word.Length == 0 || word == "and")
            {
                continue;
            }

            tokens.Add(word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? word.Substring(0, word.Length - 3) + "y"
                : word.Length > 3 && word[word.Length - 1] == 's' ? word.Substring(0, word.Length - 1) : word);
        }

        return tokens;
    }

    /// <summary>Removes every parenthetical or bracketed part, ASCII or full-width:
    /// <c>(…)</c>, <c>[…]</c>, <c>（…）</c>, <c>【…】</c>, <c>［…］</c>, <c>「…」</c>.</summary>
    private static string StripBrackets(string text)
    {
        for (var i = 0; i < 3; i++)
        {
            var stripped = AnyBracketed.Replace(text, " ");
            if (stripped == text)
            {
                break;
            }

            text = stripped;
        }

        return text;
    }

    /// <summary>Splits a heading into the parts a bilingual or annotated heading is made of: at
    /// '/', '|', ':', dashes used as separators, and where a CJK or Hangul run meets a Latin run.</summary>
    private static IEnumerable<string> Segments(string text)
    {
        var current = new StringBuilder(text.Length);
        var lastScript = Script.None;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var separator = c is '/' or '|' or ':' or '—' or '–' or '：' or '／' or '｜' or '・' or '·' or '、' or '，' or '。'
                || (c == '-' && (i == 0 || char.IsWhiteSpace(text[i - 1])) && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])));
            var script = ScriptOf(c);
            if (separator || (script != Script.None && lastScript != Script.None && script != lastScript))
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                lastScript = Script.None;
                if (separator)
                {
                    continue;
                }
            }

            if (script != Script.None)
            {
                lastScript = script;
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private enum Script
    {
        None,
        Latin,
        Cjk,
    }

    private static Script ScriptOf(char c)
    {
        if (!char.IsLetter(c))
        {
            return Script.None;
        }

        if ((c >= '\u1100' && c <= '\u11FF') || (c >= '\u2E80' && c <= '\u9FFF') || (c >= '\uA960' && c <= '\uA97F')
            || (c >= '\uAC00' && c <= '\uD7AF') || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFF66' && c <= '\uFFDC'))
        {
            return Script.Cjk;
        }

        return c < '\u0250' ? Script.Latin : Script.None;
    }

    private static void AppendWord(StringBuilder builder, string word, ref bool pendingSpace)
    {
        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        builder.Append(word);
        pendingSpace = true;
    }

    private static Dictionary<string, SectionKind> ToDictionary(List<(SectionKind Kind, string Normalized)> list, Func<string, string> key)
    {
        var names = new Dictionary<string, SectionKind>(StringComparer.Ordinal);
        foreach (var (kind, normalized) in list)
        {
            var k = key(normalized);
            if (k.Length > 0 && !names.ContainsKey(k))
            {
                names.Add(k, kind);
            }
        }

        return names;
    }

    private static List<(SectionKind Kind, string Normalized)> BuildNames()
    {
        var names = new List<(SectionKind Kind, string Normalized)>();
        void Add(SectionKind kind, params string[] variants)
        {
            foreach (var variant in variants)
            {
                names.Add((kind, Normalize(variant)));
            }
        }

        Add(SectionKind.Purpose, "Purpose / Big Picture", "Purpose and Big Picture", "Big Picture / Purpose", "Purpose",
            "Big Picture", "Purpose and Intent", "Purpose and Scope", "Goal", "Goals", "Objective", "Objectives");
        Add(SectionKind.Constraints, "Constraints", "Hard Constraints", "Constraints and Invariants", "Invariants");
        Add(SectionKind.Tolerances, "Tolerances", "Tolerance", "Exception Triggers", "Escalation Triggers",
            "Tolerances and Exception Triggers");
        Add(SectionKind.Risks, "Risks", "Risk", "Known Risks", "Risks and Mitigations", "Risk Register");
        Add(SectionKind.Progress, "Progress", "Progress Log", "Progress Notes", "Progress Checklist", "Progress Tracker");
        Add(SectionKind.Surprises, "Surprises & Discoveries", "Surprises", "Discoveries", "Surprises / Discoveries");
        Add(SectionKind.DecisionLog, "Decision Log", "Decisions Log", "Decisions", "Decision Record", "Decision History");
        Add(SectionKind.Outcomes, "Outcomes & Retrospective", "Outcomes & Retrospectives", "Outcome & Retrospective",
            "Outcomes / Retrospective", "Outcomes", "Retrospective", "Outcomes & Lessons Learned");
        Add(SectionKind.Context, "Context and Orientation", "Context & Orientation", "Context", "Orientation");
        Add(SectionKind.PlanOfWork, "Plan of Work", "Work Plan");
        Add(SectionKind.ConcreteSteps, "Concrete Steps", "Steps");
        Add(SectionKind.Validation, "Validation and Acceptance", "Validation", "Acceptance", "Acceptance Criteria",
            "Validation and Acceptance Criteria");
        Add(SectionKind.Idempotence, "Idempotence and Recovery", "Idempotency and Recovery", "Idempotence", "Recovery",
            "Idempotence and Rollback");
        Add(SectionKind.Artifacts, "Artifacts and Notes", "Artefacts and Notes", "Artifacts", "Artefacts");
        Add(SectionKind.Interfaces, "Interfaces and Dependencies", "Interfaces", "Dependencies");
        Add(SectionKind.RevisionNote, "Revision Note", "Revision Notes", "Revision History", "Revisions", "Change Log",
            "Changelog", "Revision Log", "Change Note", "Change Notes");
        Add(SectionKind.Status, "Status", "Plan Status");

        // The living sections' names in Chinese, Japanese and Korean, as plans written in those
        // languages title them (alone or beside the English name).
        Add(SectionKind.Progress, "进度", "進度", "进展", "進捗", "進捗状況", "진행 상황", "진행상황", "진행 현황");
        Add(SectionKind.Surprises, "意外与发现", "意外和发现", "惊喜与发现", "驚きと発見", "想定外の発見", "놀라움과 발견", "예상 밖의 발견");
        Add(SectionKind.DecisionLog, "决策日志", "决策记录", "決定ログ", "決定記録", "意思決定ログ", "결정 기록", "결정 로그", "의사결정 기록");
        Add(SectionKind.Outcomes, "成果与回顾", "结果与回顾", "成果と振り返り", "結果と振り返り", "결과 및 회고", "결과와 회고");
        return names;
    }
}

/// <summary>How closely a heading matched a known section name (see <see cref="SectionCatalog.MatchDetailed"/>).</summary>
public enum SectionMatchStrength
{
    None = 0,
    Qualified,
    Inserted,
    Segment,
    Exact,
}

/// <summary>A heading recognised as a known section, and how closely.</summary>
public readonly struct SectionMatch
{
    public SectionMatch(SectionKind kind, SectionMatchStrength strength)
    {
        Kind = kind;
        Strength = strength;
    }

    public static SectionMatch None => new(SectionKind.Other, SectionMatchStrength.None);

    public SectionKind Kind { get; }

    public SectionMatchStrength Strength { get; }
}
