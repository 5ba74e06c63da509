namespace ExecPlan.Validation.Profiles;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;

/// <summary>Where a skeleton can be written in a PLANS.md: fenced or indented heading blocks, a
/// list of section names under a keyword heading, or the file's own headings.</summary>
public static partial class PlansFileDeriver
{
    private static List<List<Line>> Paragraphs(List<Line> lines)
    {
        var result = new List<List<Line>>();
        List<Line>? current = null;
        foreach (var line in lines)
        {
            if (line.Text.Trim().Length == 0 || Heading.IsMatch(Dedent(line.Text)))
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = [];
                result.Add(current);
            }

            current.Add(line);
        }

        return result;
    }

    private static void ScanFences(List<Line> lines, bool[] fenced, List<Candidate> blocks, List<(int Start, List<Line> Body)> textFences)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var open = Fence.Match(lines[i].Text);
            if (!open.Success)
            {
                continue;
            }

            var marker = open.Groups[2].Value;
            var info = open.Groups[3].Value.ToLowerInvariant();
            var body = new List<Line>();
            var j = i + 1;
            for (; j < lines.Count; j++)
            {
                var close = Fence.Match(lines[j].Text);
                if (close.Success && close.Groups[2].Value[0] == marker[0] && close.Groups[2].Value.Length >= marker.Length && close.Groups[3].Value.Length == 0)
                {
                    break;
                }

                body.Add(lines[j]);
            }

            for (var k = i; k <= Math.Min(j, lines.Count - 1); k++)
            {
                fenced[k] = true;
            }

            if (info is "" or "md" or "markdown")
            {
                var candidate = FromHeadingBlock(SkeletonShape.Fenced, lines[i].Number, body, dedent: false);
                if (candidate is not null)
                {
                    blocks.Add(candidate);
                }
            }

            if (info is "" or "text" or "txt" or "plain" or "plaintext")
            {
                textFences.Add((lines[i].Number, body));
            }

            i = j;
        }
    }

    private static void ScanIndented(List<Line> lines, bool[] fenced, List<Candidate> blocks)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (fenced[i] || !IsIndented(lines[i].Text) || (i > 0 && lines[i - 1].Text.Trim().Length > 0))
            {
                continue;
            }

            var body = new List<Line>();
            var j = i;
            for (; j < lines.Count && !fenced[j] && (IsIndented(lines[j].Text) || lines[j].Text.Trim().Length == 0); j++)
            {
                body.Add(new Line(lines[j].Number, Dedent(lines[j].Text)));
            }

            var candidate = FromHeadingBlock(SkeletonShape.Indented, lines[i].Number, body, dedent: true);
            if (candidate is not null)
            {
                blocks.Add(candidate);
            }

            i = j - 1;
        }
    }

    private static Candidate? FromHeadingBlock(SkeletonShape shape, int start, List<Line> body, bool dedent)
    {
        var headings = new List<(Line Line, int Level)>();
        var inner = false;
        foreach (var line in body)
        {
            if (Fence.IsMatch(line.Text))
            {
                inner = !inner;
                continue;
            }

            if (!inner && Heading.Match(line.Text) is { Success: true } m)
            {
                headings.Add((line, m.Groups[1].Length));
            }
        }

        if (headings.Count < 2)
        {
            return null;
        }

        var candidate = new Candidate { Shape = shape, StartLine = start };
        candidate.Body.AddRange(body);
        var rest = headings;
        if (headings[0].Level == 1)
        {
            candidate.Title = headings[0].Line;
            rest = headings.Skip(1).ToList();
        }

        if (rest.Count == 0)
        {
            return null;
        }

        var level = rest.Min(h => h.Level);
        candidate.Sections.AddRange(rest.Where(h => h.Level == level).Select(h => h.Line));
        _ = dedent;
        return candidate;
    }

    /// <summary>A list of backticked section names under a skeleton heading, or the plain lines of
    /// a text fence there.</summary>
    private static Candidate? ListCandidate(List<Line> lines, bool[] fenced, List<(Line Line, int Level, string Text)> docHeadings,
        List<(int Start, List<Line> Body)> textFences)
    {
        for (var i = 0; i < docHeadings.Count; i++)
        {
            var (line, _, headingText) = docHeadings[i];
            if (!SkeletonHeading.IsMatch(headingText))
            {
                continue;
            }

            var end = i + 1 < docHeadings.Count ? docHeadings[i + 1].Line.Number : lines.Count + 1;
            var candidate = new Candidate { Shape = SkeletonShape.List, StartLine = line.Number, UnderKeyword = true };
            var started = false;
            for (var n = line.Number; n < end - 1 && n < lines.Count; n++)
            {
                var current = lines[n];
                if (fenced[n])
                {
                    if (started)
                    {
                        break;
                    }

                    continue;
                }

                var item = ListItem.Match(current.Text);
                if (item.Success)
                {
                    started = true;
                    candidate.Sections.Add(new Line(current.Number, item.Groups[1].Value));
                    continue;
                }

                if (started && current.Text.Trim().Length > 0 && !char.IsWhiteSpace(current.Text[0]) && !AnyListItem.IsMatch(current.Text))
                {
                    break;
                }
            }

            if (candidate.Sections.Count < 3)
            {
                candidate.Sections.Clear();
                foreach (var (start, body) in textFences.Where(f => f.Start > line.Number && f.Start < end))
                {
                    var names = body.Where(l => l.Text.Trim().Length > 0).ToList();
                    if (names.Count >= 3 && names.All(l => l.Text.Trim().Length <= 60 && !l.Text.TrimEnd().EndsWith(".", StringComparison.Ordinal)))
                    {
                        candidate.Sections.AddRange(names.Select(l => new Line(l.Number, l.Text.Trim())));
                        break;
                    }
                }
            }

            if (candidate.Sections.Count >= 3)
            {
                candidate.Body.AddRange(lines.Where(l => l.Number > line.Number && l.Number < end));
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A PLANS.md that is itself the template: a title and level-2 headings most of which are known sections.</summary>
    private static Candidate? WholeFileCandidate(List<Line> lines, List<(Line Line, int Level, string Text)> docHeadings)
    {
        var sections = docHeadings.Where(h => h.Level == 2).ToList();
        var known = sections.Count(h => SectionCatalog.MatchDetailed(CleanName(h.Text)).Strength == SectionMatchStrength.Exact);
        if (known < 3 || known * 2 < sections.Count)
        {
            return null;
        }

        var candidate = new Candidate { Shape = SkeletonShape.WholeFile, StartLine = 1, UnderKeyword = false };
        candidate.Title = docHeadings.FirstOrDefault(h => h.Level == 1).Line;
        candidate.Sections.AddRange(sections.Select(h => h.Line));
        candidate.Body.AddRange(lines);
        return candidate;
    }

    private static bool IsIndented(string text) => text.StartsWith("    ", StringComparison.Ordinal) || text.StartsWith("\t", StringComparison.Ordinal);

    private static string Dedent(string text) =>
        text.StartsWith("    ", StringComparison.Ordinal) ? text.Substring(4) : text.StartsWith("\t", StringComparison.Ordinal) ? text.Substring(1) : text;
}
