namespace ExecPlan.Validation.Profiles;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;

/// <summary>
/// Derives a plan profile from a PLANS.md text (no file IO). The skeleton is looked for, in this
/// order: a block of headings (indented, or fenced as <c>md</c>/<c>markdown</c>/unlabelled), or
/// headings of their own under a "Skeleton", "Template", "Plan format" or "Required sections"
/// heading (those under such a heading win over others, then the block naming more known
/// sections); else a list of section names under such a heading (backticked bullets, or plain
/// names in a text fence); else the file's own headings when it is itself a template.
/// </summary>
public static partial class PlansFileDeriver
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly Regex Fence = new(@"^( {0,3})(`{3,}|~{3,})[ \t]*([^`\s]*)", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Heading = new(@"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex SkeletonHeading = new(
        @"skeleton|template|plan\s+format|format\s+of|required\s+sections|sections|structure|骨組|骨组|骨架|模板|テンプレート|템플릿|구조|结构|構成|構造|格式|结构块",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex ListItem = new(@"^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+`([^`]+)`", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex AnyListItem = new(@"^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Numbering = new(@"^\s*(?:\d+(?:\.\d+)*[.):]?|[A-Za-z][.)])\s+", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Optional = new(@"\boptional\b|\bif\s+(?:applicable|needed|relevant)\b|任意|可选|선택", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex LivingWords = new(
        @"living[\s*_-]+(?:design[\s-]+(?:and[\s-]+delivery[\s-]+)?)?(?:doc(?:ument)?s?|plans?|sections?)\b|kept\s+up[\s-]+to[\s-]+date|keep\s+(?:\w+\s+)?up[\s-]+to[\s-]+date|stay\s+current|生きた(?:ドキュメント|文書|計画)|最新(?:の)?状態に保|活文档|活文件|动态文档|保持更新|살아\s*있는\s*(?:문서|계획)|리빙\s*문서|최신\s*상태",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex QuotedName = new(@"`([^`\r\n]{1,80})`|「([^」\r\n]{1,80})」|“([^”\r\n]{1,80})”|""([^""\r\n]{1,80})""", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex RequiredStatement = new(
        @"required\s+sections|sections\s+(?:are\s+)?required|must\s+(?:include|contain|have)\s+(?:these|the\s+following|(?:all|every|each)\s+(?:of\s+(?:the|these)\s+)?sections?\b)|mandatory\s+sections|必須(?:セクション|の?セクション)|必须包含|至少应包含|필수\s*섹션",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex StatusLine = new(@"^\s*(?:[-*+]\s+)?(?:\*\*|__)?Status(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*)$", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex StatusSeparator = new(@"\s*(?:\||/|,|\bor\b)\s*", RegexOptions.CultureInvariant, Timeout);

    /// <summary>Derives the profile of a PLANS.md; <paramref name="plansFile"/> is its
    /// repository-relative path as messages cite it.</summary>
    public static PlansFileDerivation Derive(string text, string plansFile)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        plansFile = (plansFile ?? "PLANS.md").Replace('\\', '/');
        try
        {
            return DeriveCore(text, plansFile);
        }
        catch (RegexMatchTimeoutException)
        {
            return PlansFileDerivation.Failed(plansFile, "reading it took too long (a regular expression timed out)", 1);
        }
    }

    private sealed class Line
    {
        public Line(int number, string text)
        {
            Number = number;
            Text = text;
        }

        public int Number { get; }

        public string Text { get; }
    }

    private sealed class Candidate
    {
        public SkeletonShape Shape { get; set; }

        public int StartLine { get; set; }

        public bool UnderKeyword { get; set; }

        /// <summary>The skeleton's lines (dedented), for the notice and Status.</summary>
        public List<Line> Body { get; } = [];

        public Line? Title { get; set; }

        public List<Line> Sections { get; } = [];

        public int Known => Sections.Count(s => SectionCatalog.Match(CleanName(s.Text)) != SectionKind.Other);
    }

    private static PlansFileDerivation DeriveCore(string text, string plansFile)
    {
        var lines = text.Split('\n').Select((l, i) => new Line(i + 1, l.TrimEnd('\r'))).ToList();
        if (lines.Count > 0 && lines[0].Text.Length > 0 && lines[0].Text[0] == '\uFEFF')
        {
            lines[0] = new Line(1, lines[0].Text.Substring(1));
        }

        var fenced = new bool[lines.Count];
        var blocks = new List<Candidate>();
        var textFences = new List<(int Start, List<Line> Body)>();
        ScanFences(lines, fenced, blocks, textFences);
        ScanIndented(lines, fenced, blocks);

        var docHeadings = new List<(Line Line, int Level, string Text)>();
        foreach (var line in lines)
        {
            if (!fenced[line.Number - 1] && Heading.Match(line.Text) is { Success: true } m)
            {
                docHeadings.Add((line, m.Groups[1].Length, m.Groups[2].Value.Trim()));
            }
        }

        foreach (var block in blocks)
        {
            var enclosing = docHeadings.LastOrDefault(h => h.Line.Number < block.StartLine);
            block.UnderKeyword = enclosing.Line is not null && SkeletonHeading.IsMatch(enclosing.Text);
        }

        // Bare headings under a skeleton heading.
        for (var i = 0; i < docHeadings.Count; i++)
        {
            var (line, level, headingText) = docHeadings[i];
            if (!SkeletonHeading.IsMatch(headingText))
            {
                continue;
            }

            var inner = new List<(Line Line, int Level, string Text)>();
            for (var j = i + 1; j < docHeadings.Count && docHeadings[j].Level > level; j++)
            {
                inner.Add(docHeadings[j]);
            }

            if (inner.Count == 0)
            {
                continue;
            }

            var candidate = new Candidate { Shape = SkeletonShape.Bare, StartLine = line.Number, UnderKeyword = true };
            var sectionLevel = inner.Min(h => h.Level);
            candidate.Sections.AddRange(inner.Where(h => h.Level == sectionLevel).Select(h => h.Line));
            var end = i + 1 + inner.Count < docHeadings.Count ? docHeadings[i + 1 + inner.Count].Line.Number : lines.Count + 1;
            candidate.Body.AddRange(lines.Where(l => l.Number > line.Number && l.Number < end));
            blocks.Add(candidate);
        }

        var best = blocks
            .Where(b => b.Sections.Count >= 2 && (b.UnderKeyword || b.Title is not null || b.Known >= 2))
            .OrderByDescending(b => b.UnderKeyword)
            .ThenByDescending(b => b.Known)
            .ThenByDescending(b => b.Sections.Count)
            .ThenBy(b => b.StartLine)
            .FirstOrDefault();

        best ??= ListCandidate(lines, fenced, docHeadings, textFences);
        best ??= WholeFileCandidate(lines, docHeadings);
        if (best is null)
        {
            var keyword = docHeadings.FirstOrDefault(h => SkeletonHeading.IsMatch(h.Text));
            return keyword.Line is not null
                ? PlansFileDerivation.Failed(plansFile,
                    $"the '{keyword.Text}' section (line {keyword.Line.Number}) holds no headings and no list of section names the tool can read", keyword.Line.Number)
                : PlansFileDerivation.Failed(plansFile,
                    "it has no plan skeleton: no indented or fenced block of headings, and no 'Skeleton', 'Template', 'Plan format' or 'Required sections' heading with section headings or a list of section names under it", 1);
        }

        return PlansFileDerivation.Derived(Build(best, lines, plansFile, text));
    }

    private static DerivedProfile Build(Candidate best, List<Line> lines, string plansFile, string text)
    {
        var sections = new List<DerivedSection>();
        foreach (var line in best.Sections)
        {
            var raw = best.Shape == SkeletonShape.List ? line.Text : Heading.Match(Dedent(line.Text)).Groups[2].Value;
            var name = CleanName(raw);
            if (name.Length == 0 || sections.Any(s => s.Normalized == SectionCatalog.Normalize(name)))
            {
                continue;
            }

            var next = best.Body.FirstOrDefault(l => l.Number > line.Number && l.Text.Trim().Length > 0);
            var optional = Optional.IsMatch(raw) || (next is not null && Optional.IsMatch(next.Text.TrimStart().Length > 0
                ? next.Text.TrimStart().Substring(0, Math.Min(next.Text.TrimStart().Length, 12)) : string.Empty));
            var match = SectionCatalog.MatchDetailed(name);
            var kind = match.Strength >= SectionMatchStrength.Segment ? match.Kind : SectionKind.Other;
            sections.Add(new DerivedSection(StripOptional(name), kind, line.Number, !optional));
        }

        var profileSections = sections;
        int? noticeLine = null;
        var notice = FindLivingParagraph(Paragraphs(best.Body), sections);
        if (notice is not null)
        {
            noticeLine = notice.Value.Line;
        }
        else
        {
            notice = FindLivingParagraph(Paragraphs(lines), sections);
        }

        if (notice is not null)
        {
            foreach (var (section, line) in notice.Value.Named)
            {
                section.LivingLine = line;
            }
        }

        // Missing-section errors: the living sections, or all when PLANS.md says its sections are
        // required or names no living sections (then the skeleton is all it asks for).
        var allMandatory = RequiredStatement.IsMatch(text) || !sections.Any(s => s.Living);
        foreach (var section in sections)
        {
            section.Mandatory = section.Required && (allMandatory || section.Living);
        }

        DerivedStatus? status = null;
        foreach (var line in best.Body)
        {
            var m = StatusLine.Match(line.Text);
            if (m.Success)
            {
                var values = StatusSeparator.Split(m.Groups[1].Value.Trim().Trim('<', '>', '*', '_', '`', ' '))
                    .Select(v => v.Trim().Trim('<', '>', '*', '_', '`', '"', '\'', '[', ']').Trim())
                    .Where(v => v.Length > 0 && v.Length <= 30)
                    .ToList();
                status = new DerivedStatus(line.Number, values.Count >= 2 ? values : []);
                break;
            }
        }

        var title = best.Title;
        return new DerivedProfile(plansFile, best.Shape, best.StartLine, profileSections, status, noticeLine,
            title is null ? null : Dedent(title.Text).Trim(), title?.Number, Fingerprint(plansFile, text));
    }

    private static string Fingerprint(string plansFile, string text)
    {
        unchecked
        {
            var hash = 14695981039346656037UL;
            foreach (var c in plansFile + "\n" + text)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return hash.ToString("x16", CultureInfo.InvariantCulture);
        }
    }
}
