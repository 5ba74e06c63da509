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
public static partial class SectionCatalog
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    // The folding steps are span scans (SectionCatalog.Text.cs); these regexes are what each must
    // do, kept for the tests that compare the two (built on first use only).
    private static Regex? TrailingParentheticalCache;

    private static Regex? LeadingNumberingCache;

    private static Regex? AnyBracketedCache;

    private static Regex TrailingParenthetical => TrailingParentheticalCache ??= new(@"\s*[\(\[][^\(\)\[\]]*[\)\]]\s*$", RegexOptions.CultureInvariant, RegexTimeout);

    private static Regex LeadingNumbering => LeadingNumberingCache ??= new(
        @"^\s*(?:(?:\d+(?:\.\d+)*|[A-Za-z]|[IVXivx]+)[.):]\s+|\d+\s+)", RegexOptions.CultureInvariant, RegexTimeout);

    private static Regex AnyBracketed => AnyBracketedCache ??= new(@"[\(\[（【［「][^\(\)\[\]（）【】［］「」]*[\)\]）】］」]", RegexOptions.CultureInvariant, RegexTimeout);

    /// <summary>The characters <see cref="AnyBracketed"/> opens with (a text without any is left as it is).</summary>
    private static readonly char[] OpeningBrackets = ['(', '[', '（', '【', '［', '「'];

    // The tables hold reference types only (KnownName, string): their collections share the
    // runtime's precompiled code, where tuples or enums as generic arguments would be jitted on
    // the first heading of a process (an IDE's first analysis pays for that).
    private static readonly List<KnownName> NameList = BuildNames();

    private static readonly Dictionary<string, KnownName> Names = ToDictionary(NameList, byTokens: false);

    /// <summary>Names compared word by word without 'and' and plural 's' ("Interfaces, dependencies").</summary>
    private static readonly Dictionary<string, KnownName> TokenNames = ToDictionary(NameList, byTokens: true);

    private static readonly KnownName[] MultiWordNames = MultiWord(NameList);

    /// <summary>The first word of every name as compared word by word.</summary>
    private static readonly HashSet<string> FirstTokens = FirstWords(NameList);

    /// <summary>The distinctive names real plans put a qualifier before ("Milestone Progress",
    /// "Design decisions", "Scope, Assumptions, and Risks"). Deliberately few: "Next Steps",
    /// "Expected Outcomes" or "Non-goals" are not the Concrete Steps, Outcomes or Purpose section.</summary>
    private static readonly KnownName[] QualifiableNames =
    [
        new(SectionKind.Progress, "progress"),
        new(SectionKind.Risks, "risks"),
        new(SectionKind.Risks, "risks and mitigations"),
        new(SectionKind.Constraints, "constraints"),
        new(SectionKind.Tolerances, "tolerances"),
        new(SectionKind.DecisionLog, "decisions"),
        new(SectionKind.DecisionLog, "decision log"),
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
        var normalized = Normalize(headingText);
        if (Names.TryGetValue(normalized, out var exact))
        {
            return new SectionMatch(exact.Kind, SectionMatchStrength.Exact);
        }

        var text = StripBrackets(headingText);
        if (IsOneSegment(text))
        {
            // A heading that is one segment as it stands is normalised already.
            return MatchSegment(text, ReferenceEquals(text, headingText) ? normalized : null);
        }

        // The segments are runs of the text (see Segments): each is cut once, no builder.
        var best = SectionMatch.None;
        var at = 0;
        while (NextSegment(text, ref at, out var start, out var end))
        {
            var match = MatchSegment(text.Substring(start, end - start), null);
            if (match.Strength > best.Strength)
            {
                best = match;
            }
        }

        return best;
    }

    private static SectionMatch MatchSegment(string segment, string? normalizedSegment)
    {
        var normalized = normalizedSegment ?? Normalize(segment);
        if (normalized.Length == 0)
        {
            return SectionMatch.None;
        }

        if (Names.TryGetValue(normalized, out var name))
        {
            return new SectionMatch(name.Kind, SectionMatchStrength.Segment);
        }

        var tokens = Tokens(normalized);
        if (tokens.Count == 0)
        {
            return SectionMatch.None;
        }

        // The word-by-word and inserted-word matches both start with a name's first word: most
        // headings that are no section ("Milestone 2: parser") start with none, and skip them.
        if (FirstTokens.Contains(tokens[0]))
        {
            if (TokenNames.TryGetValue(tokens.Count == 1 ? tokens[0] : string.Join(" ", tokens), out name))
            {
                return new SectionMatch(name.Kind, SectionMatchStrength.Segment);
            }

            foreach (var multiWord in MultiWordNames)
            {
                if (IsInsertedVariant(tokens, multiWord.Tokens))
                {
                    return new SectionMatch(multiWord.Kind, SectionMatchStrength.Inserted);
                }
            }
        }

        foreach (var qualifiable in QualifiableNames)
        {
            var qualifiers = tokens.Count - qualifiable.Tokens.Length;
            if (qualifiers >= 1 && qualifiers <= 2 && EndsWith(tokens, qualifiable.Tokens) && !NegatingQualifiers.Contains(tokens[0]))
            {
                return new SectionMatch(qualifiable.Kind, SectionMatchStrength.Qualified);
            }
        }

        return SectionMatch.None;
    }

    /// <summary>Same first and last word, the name's words in order, at most two words inserted.</summary>
    private static bool IsInsertedVariant(List<string> tokens, string[] name)
    {
        if (tokens.Count <= name.Length || tokens.Count > name.Length + 2 || tokens[0] != name[0] || tokens[tokens.Count - 1] != name[name.Length - 1])
        {
            return false;
        }

        var n = 0;
        foreach (var token in tokens)
        {
            if (n < name.Length && token == name[n])
            {
                n++;
            }
        }

        return n == name.Length;
    }

    private static bool EndsWith(List<string> tokens, string[] name)
    {
        for (var i = 1; i <= name.Length; i++)
        {
            if (tokens[tokens.Count - i] != name[name.Length - i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One known name of a section: its normalised text and its words as compared.</summary>
    private sealed class KnownName
    {
        public KnownName(SectionKind kind, string normalized)
        {
            Kind = kind;
            Normalized = normalized;
            Tokens = SectionCatalog.Tokens(normalized).ToArray();
        }

        public SectionKind Kind { get; }

        public string Normalized { get; }

        public string[] Tokens { get; }
    }
}
