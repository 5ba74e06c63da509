namespace ExecPlan.Validation.Fixes;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Rules;
using ExecPlan.Validation.Settings;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

/// <summary>
/// Mechanical repairs of a plan, expressed as text edits so every front end (CLI, IDE code fix,
/// build task) can reuse them. Only layout is repaired, never prose:
/// EXP050 (outer fence removed), EXP051 (``` blocks turned into indented blocks, a language tag kept as <c>&lt;!-- language: bash --&gt;</c>), EXP053 (space
/// after a list marker, one bullet per list), EXP052 (blank line after a heading), EXP001/EXP002
/// (missing sections inserted as empty headings in skeleton order) and EXP010 (a
/// <c>Status: DRAFT</c> line, only while no Progress item is checked). Line endings and a byte-order mark are kept.
/// A rule whose severity is <c>none</c> in the settings is not repaired.
/// </summary>
/// <remarks>
/// Repairs interact (removing an outer fence changes where the end of the plan is), so
/// <see cref="ComputeFixes"/> returns one round: the edits of the first repair, in the order
/// above, that has anything to do. <see cref="Fix"/> applies rounds until nothing is left.
/// </remarks>
public static class PlanFixer
{
    /// <summary>The rules whose findings <see cref="Fix"/> can repair.</summary>
    public static IReadOnlyList<string> FixableRules { get; } = ["EXP001", "EXP002", "EXP010", "EXP050", "EXP051", "EXP052", "EXP053"];

    private const int MaxRounds = 16;

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    private static readonly Regex Notice = new(
        @"living[\s*_-]+(?:design[\s-]+(?:and[\s-]+delivery[\s-]+)?)?doc(?:ument)?(?![a-z])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);

    /// <summary>
    /// The edits of one repair round, sorted by offset and never overlapping. Empty when nothing
    /// mechanical is left to repair. Text the parser cannot read gives no edits.
    /// </summary>
    public static IReadOnlyList<TextEdit> ComputeFixes(string text, ValidationSettings settings)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        settings ??= ValidationSettings.Default;
        var bom = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        PlanDocument plan;
        try
        {
            plan = PlanParser.Parse(text, "plan.md");
        }
#pragma warning disable CA1031 // Unparseable text has nothing mechanical to repair; validation reports it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }

        // A rule switched off (severity none) is not repaired either.
        bool On(RuleDescriptor rule) => settings.SeverityOf(rule) != RuleSeverity.None;
        var round = new Round(plan);
        Func<Round, List<TextEdit>>[] repairs =
        [
            r => On(RuleCatalog.EXP050) ? r.OuterFence() : [],
            r => On(RuleCatalog.EXP051) ? r.NestedFences() : [],
            r => On(RuleCatalog.EXP053) ? r.ListMarkers() : [],
            r => On(RuleCatalog.EXP052) ? r.BlankLinesAfterHeadings() : [],
            // Under a PLANS.md-derived profile the skill's sections and Status are not what is asked for.
            r => settings.Derived is { } derived
                ? r.MissingDerivedSections(derived, On(RuleCatalog.EXP001), On(RuleCatalog.EXP002))
                : r.MissingSections(settings.BaseProfile, On(RuleCatalog.EXP001), On(RuleCatalog.EXP002)),
            r => On(RuleCatalog.EXP010) && settings.Derived is null ? r.MissingStatus(settings.BaseProfile) : [],
        ];

        foreach (var repair in repairs)
        {
            var edits = NonOverlapping(repair(round));
            if (edits.Count > 0)
            {
                return bom == 0 ? edits : edits.Select(e => e with { Start = e.Start + bom }).ToList();
            }
        }

        return [];
    }

    /// <summary>Applies edits from <see cref="ComputeFixes"/> (or any sorted, non-overlapping set).</summary>
    public static string Apply(string text, IReadOnlyList<TextEdit> edits)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (edits is null || edits.Count == 0)
        {
            return text;
        }

        var sorted = edits.OrderBy(e => e.Start).ThenBy(e => e.Length).ToList();
        var builder = new StringBuilder(text.Length + 64);
        var position = 0;
        foreach (var edit in sorted)
        {
            if (edit.Start < position || edit.End > text.Length)
            {
                throw new ArgumentException("Edits overlap or fall outside the text.", nameof(edits));
            }

            builder.Append(text, position, edit.Start - position);
            builder.Append(edit.NewText);
            position = edit.End;
        }

        builder.Append(text, position, text.Length - position);
        return builder.ToString();
    }

    /// <summary>Applies repair rounds until none is left (or a safety limit is reached) and returns the repaired text.</summary>
    public static string Fix(string text, ValidationSettings settings)
    {
        for (var i = 0; i < MaxRounds; i++)
        {
            var edits = ComputeFixes(text, settings);
            if (edits.Count == 0)
            {
                break;
            }

            text = Apply(text, edits);
        }

        return text;
    }

    private static List<TextEdit> NonOverlapping(List<TextEdit> edits)
    {
        var result = new List<TextEdit>(edits.Count);
        var end = -1;
        var lastInsertAt = -1;
        foreach (var edit in edits.OrderBy(e => e.Start).ThenBy(e => e.Length))
        {
            if (edit.Start < end || (edit.Length == 0 && edit.Start == lastInsertAt))
            {
                continue; // Left for the next round.
            }

            result.Add(edit);
            end = edit.End;
            lastInsertAt = edit.Length == 0 ? edit.Start : -1;
        }

        return result;
    }

    /// <summary>The repairs over one parse of the plan. Offsets are those of <see cref="PlanDocument.Text"/>.</summary>
    private sealed class Round
    {
        private readonly PlanDocument _plan;
        private readonly string _text;
        private readonly LineMap _lines;

        public Round(PlanDocument plan)
        {
            _plan = plan;
            _text = plan.Text;
            _lines = plan.Lines;
        }

        public List<TextEdit> OuterFence()
        {
            var edits = new List<TextEdit>();
            if (_plan.OuterFence is { } fence)
            {
                edits.Add(DeleteLine(fence.Opening.StartLine - 1, "EXP050"));
                edits.Add(DeleteLine(fence.Closing.StartLine - 1, "EXP050"));
            }

            return edits;
        }

        public List<TextEdit> NestedFences()
        {
            var edits = new List<TextEdit>();
            foreach (var block in Blocks(_plan.Syntax))
            {
                if (block is FencedCodeBlock { FencedChar: '`' } fenced)
                {
                    AddFenceEdits(fenced, edits);
                }
            }

            return edits;
        }

        public List<TextEdit> ListMarkers()
        {
            var edits = new List<TextEdit>();
            AdjacentLists(_plan.Syntax, edits);
            foreach (var block in Blocks(_plan.Syntax))
            {
                switch (block)
                {
                    case ParagraphBlock paragraph:
                        // Exactly where EXP053 reports a broken marker: never inside a code span
                        // or on a wrapped command-line flag.
                        foreach (var (start, marker) in EXP053MalformedList.BrokenMarkers(_plan, paragraph))
                        {
                            edits.Add(new TextEdit(start + marker.Length, 0, " ", "EXP053"));
                        }

                        break;
                    case ContainerBlock container:
                        AdjacentLists(container, edits);
                        break;
                }
            }

            return edits;
        }

        public List<TextEdit> BlankLinesAfterHeadings()
        {
            var edits = new List<TextEdit>();
            foreach (var block in Blocks(_plan.Syntax))
            {
                if (block is not HeadingBlock heading)
                {
                    continue;
                }

                var headingLine = _lines.LineIndexOf(heading.Span.End);
                var next = headingLine + 1;
                if (next >= _lines.LineCount || PlanParser.IsBlank(LineText(next)))
                {
                    continue;
                }

                // In a block quote a truly blank line would end the quote: not mechanical, left alone.
                var firstLine = LineText(_lines.LineIndexOf(heading.Span.Start));
                var column = heading.Span.Start - _lines.LineStart(_lines.LineIndexOf(heading.Span.Start));
                if (!PlanParser.IsBlank(firstLine.Substring(0, Math.Min(column, firstLine.Length))))
                {
                    continue;
                }

                edits.Add(new TextEdit(_lines.LineStart(next), 0, LineEnding(headingLine), "EXP052"));
            }

            return edits;
        }

        public List<TextEdit> MissingSections(PlanProfile profile, bool living, bool skeleton)
        {
            var required = new HashSet<SectionKind>(
                (living ? SectionCatalog.LivingSections(profile) : []).Concat(skeleton ? SectionCatalog.SkeletonSections : []));
            var order = SectionCatalog.SkeletonOrder;
            var missing = order.Where(k => required.Contains(k) && _plan.Section(k) is null).ToList();
            if (missing.Count == 0)
            {
                return [];
            }

            var level = _plan.Sections.FirstOrDefault(s => s.IsPrimary)?.Heading.Level ?? 2;
            var marker = new string('#', level) + " ";

            // Group the missing sections by the existing section they go before (null: the end).
            var groups = new Dictionary<int, List<SectionKind>>();
            var atEnd = new List<SectionKind>();
            foreach (var kind in missing)
            {
                var index = IndexOf(order, kind);
                PlanSection? before = null;
                for (var j = index + 1; j < order.Count && before is null; j++)
                {
                    before = _plan.Sections.FirstOrDefault(s => s.Kind == order[j] && s.IsPrimary);
                }

                if (before is null)
                {
                    atEnd.Add(kind);
                    continue;
                }

                var line = _lines.LineIndexOf(before.Heading.Block.Span.Start);
                if (!groups.TryGetValue(line, out var list))
                {
                    groups[line] = list = [];
                }

                list.Add(kind);
            }

            var edits = new List<TextEdit>();
            foreach (var pair in groups)
            {
                var newline = LineEnding(pair.Key);
                var builder = new StringBuilder();
                foreach (var kind in pair.Value)
                {
                    builder.Append(marker).Append(SectionCatalog.DisplayName(kind)).Append(newline).Append(newline);
                }

                edits.Add(new TextEdit(_lines.LineStart(pair.Key), 0, builder.ToString(), RuleOf(pair.Value, profile)));
            }

            if (atEnd.Count > 0)
            {
                // Before a revision note (it stays last), else at the end of the file.
                var note = _plan.Sections.LastOrDefault(s => s.Kind == SectionKind.RevisionNote && s.IsPrimary);
                var headings = atEnd.Select(k => marker + SectionCatalog.DisplayName(k)).ToList();
                if (note is not null)
                {
                    var line = _lines.LineIndexOf(note.Heading.Block.Span.Start);
                    var newline = LineEnding(line);
                    var text = string.Concat(headings.Select(h => h + newline + newline));
                    edits.Add(new TextEdit(_lines.LineStart(line), 0, text, RuleOf(atEnd, profile)));
                }
                else
                {
                    edits.Add(AppendBlocks(headings, RuleOf(atEnd, profile)));
                }
            }

            return edits;
        }

        /// <summary>The sections the repository's PLANS.md requires and the plan lacks, as empty
        /// headings placed before the next of its sections the plan has (in PLANS.md's order), else
        /// at the end (before a revision note).</summary>
        public List<TextEdit> MissingDerivedSections(Profiles.DerivedProfile derived, bool mandatory, bool skeleton)
        {
            var sections = derived.Sections;
            var present = sections.Select(s => Profiles.DerivedProfile.Find(_plan, s)).ToList();
            var level = _plan.Sections.FirstOrDefault(s => s.IsPrimary)?.Heading.Level ?? 2;
            var marker = new string('#', level) + " ";
            var groups = new SortedDictionary<int, List<string>>();
            var atEnd = new List<string>();
            for (var i = 0; i < sections.Count; i++)
            {
                if (!sections[i].Required || present[i] is not null || !(sections[i].Mandatory ? mandatory : skeleton))
                {
                    continue;
                }

                PlanHeading? before = null;
                for (var j = i + 1; j < sections.Count && before is null; j++)
                {
                    before = present[j];
                }

                if (before is null)
                {
                    atEnd.Add(marker + sections[i].Name);
                    continue;
                }

                var line = _lines.LineIndexOf(before.Block.Span.Start);
                if (!groups.TryGetValue(line, out var list))
                {
                    groups[line] = list = [];
                }

                list.Add(marker + sections[i].Name);
            }

            var edits = new List<TextEdit>();
            foreach (var pair in groups)
            {
                var newline = LineEnding(pair.Key);
                edits.Add(new TextEdit(_lines.LineStart(pair.Key), 0, string.Concat(pair.Value.Select(h => h + newline + newline)), "EXP001"));
            }

            if (atEnd.Count > 0)
            {
                var note = _plan.Sections.LastOrDefault(s => s.Kind == SectionKind.RevisionNote && s.IsPrimary);
                if (note is not null)
                {
                    var line = _lines.LineIndexOf(note.Heading.Block.Span.Start);
                    var newline = LineEnding(line);
                    edits.Add(new TextEdit(_lines.LineStart(line), 0, string.Concat(atEnd.Select(h => h + newline + newline)), "EXP001"));
                }
                else
                {
                    edits.Add(AppendBlocks(atEnd, "EXP001"));
                }
            }

            return edits;
        }

        public List<TextEdit> MissingStatus(PlanProfile profile)
        {
            // DRAFT is right only before work starts; once Progress has checked items the status
            // is a person's call (IN PROGRESS, BLOCKED or COMPLETE), so nothing is inserted.
            if (profile != PlanProfile.Skill || _plan.Status is not null || _plan.ProgressItems.Any(i => i.IsChecked))
            {
                return [];
            }

            // After the living-document notice, else after the title, else at the top (after front matter).
            var notice = _plan.Preamble.FirstOrDefault(b => b is ParagraphBlock && Notice.IsMatch(_plan.SourceOf(b)));
            Block? anchor = notice ?? (Block?)_plan.Title?.Block ?? _plan.Syntax.OfType<YamlFrontMatterBlock>().FirstOrDefault();
            if (anchor is null)
            {
                var newline = LineEnding(0);
                return [new TextEdit(0, 0, "Status: DRAFT" + newline + newline, "EXP010")];
            }

            return [InsertBlockAfterLine(_lines.LineIndexOf(anchor.Span.End), "Status: DRAFT", "EXP010")];
        }

        private void AddFenceEdits(FencedCodeBlock fenced, List<TextEdit> edits)
        {
            var openLine = _lines.LineIndexOf(fenced.Span.Start);
            var lastLine = _lines.LineIndexOf(fenced.Span.End);
            var openText = LineText(openLine);
            var fenceColumn = openText.IndexOf("```", StringComparison.Ordinal);
            if (fenceColumn < 0)
            {
                return;
            }

            var prefix = openText.Substring(0, fenceColumn);
            var plainPrefix = PlanParser.IsBlank(prefix);
            var closed = fenced.ClosingFencedCharCount > 0 && lastLine > openLine;

            // The content lines as Markdig saw them (an unclosed fence in a container ends with it).
            var contentLines = new SortedSet<int>();
            for (var k = 0; k < fenced.Lines.Count; k++)
            {
                var line = _lines.LineIndexOf(fenced.Lines.Lines[k].Position);
                if (line > openLine && (!closed || line < lastLine))
                {
                    contentLines.Add(line);
                }
            }

            var content = new List<TextEdit>();
            foreach (var line in contentLines)
            {
                var text = LineText(line);
                var start = _lines.LineStart(line);
                if (PlanParser.IsBlank(text))
                {
                    continue;
                }

                if (text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    content.Add(new TextEdit(start + prefix.Length, 0, "    ", "EXP051"));
                }
                else if (plainPrefix)
                {
                    // Less indented than the fence: CommonMark strips what indentation there is.
                    var lead = 0;
                    while (lead < text.Length && text[lead] is ' ' or '\t')
                    {
                        lead++;
                    }

                    content.Add(new TextEdit(start, lead, prefix + "    ", "EXP051"));
                }
                else
                {
                    return; // A quoted line that does not repeat the quote markers: not mechanical.
                }
            }

            // The info string (```bash) is kept where the reader of the source sees it: the
            // opening fence becomes <!-- language: bash -->, the hint indented blocks take. One
            // that cannot sit in a comment leaves the block alone, for a person.
            var info = openText.Substring(fenceColumn).TrimStart('`').Trim();
            if (info.Length == 0)
            {
                edits.Add(RemoveFenceLine(openLine, prefix, _lines.LineIndexOf(fenced.Span.Start) - 1, before: true));
            }
            else if (info.IndexOf("--", StringComparison.Ordinal) >= 0 || info.IndexOf('>') >= 0 || info.EndsWith("-", StringComparison.Ordinal))
            {
                return;
            }
            else
            {
                edits.Add(new TextEdit(_lines.LineStart(openLine), openText.Length, prefix + "<!-- language: " + info + " -->", "EXP051"));
            }

            edits.AddRange(content);
            if (closed)
            {
                edits.Add(RemoveFenceLine(lastLine, prefix, lastLine + 1, before: false));
            }
        }

        /// <summary>Deletes a fence line, or blanks it where an indented block needs a blank line
        /// to start (after a paragraph line) or to end cleanly (before text).</summary>
        private TextEdit RemoveFenceLine(int line, string prefix, int neighbour, bool before)
        {
            var neighbourBlank = before
                ? neighbour < 0 || PlanParser.IsBlank(LineText(neighbour))
                : neighbour >= _lines.LineCount || PlanParser.IsBlank(LineText(neighbour));
            if (neighbourBlank)
            {
                return DeleteLine(line, "EXP051");
            }

            var start = _lines.LineStart(line);
            return new TextEdit(start, LineText(line).Length, prefix.TrimEnd(), "EXP051");
        }

        private void AdjacentLists(ContainerBlock container, List<TextEdit> edits)
        {
            char? runBullet = null;
            for (var i = 0; i < container.Count; i++)
            {
                if (container[i] is not ListBlock { IsOrdered: false } list)
                {
                    runBullet = null;
                    continue;
                }

                if (runBullet is null)
                {
                    runBullet = list.BulletType;
                    continue;
                }

                if (list.BulletType == runBullet.Value)
                {
                    continue;
                }

                foreach (var child in list)
                {
                    if (child is ListItemBlock { Count: > 0 } item && item.Span.Start < _text.Length && _text[item.Span.Start] == list.BulletType)
                    {
                        edits.Add(new TextEdit(item.Span.Start, 1, runBullet.Value.ToString(), "EXP053"));
                    }
                }
            }
        }

        private TextEdit DeleteLine(int line, string ruleId)
        {
            var start = _lines.LineStart(line);
            var end = line + 1 < _lines.LineCount ? _lines.LineStart(line + 1) : _text.Length;
            if (line + 1 >= _lines.LineCount)
            {
                // The last line has no line break of its own: delete the text only.
                end = start + LineText(line).Length;
            }

            return new TextEdit(start, end - start, string.Empty, ruleId);
        }

        /// <summary>Inserts a one-line paragraph after a line, separated by blank lines.</summary>
        private TextEdit InsertBlockAfterLine(int line, string block, string ruleId)
        {
            var newline = LineEnding(line);
            if (line + 1 >= _lines.LineCount)
            {
                return new TextEdit(_text.Length, 0, newline + newline + block + newline, ruleId);
            }

            var next = line + 1;
            var after = PlanParser.IsBlank(LineText(next)) ? string.Empty : newline;
            return new TextEdit(_lines.LineStart(next), 0, newline + block + newline + after, ruleId);
        }

        /// <summary>Appends blocks at the end of the file, each after a blank line.</summary>
        private TextEdit AppendBlocks(IReadOnlyList<string> blocks, string ruleId)
        {
            var last = _lines.LineCount - 1;
            var newline = last > 0 ? LineEnding(last - 1) : "\n";
            var builder = new StringBuilder();
            var lastText = LineText(last);
            if (lastText.Length > 0)
            {
                builder.Append(newline).Append(newline); // The file ends without a line break.
            }
            else if (last > 0 && !PlanParser.IsBlank(LineText(last - 1)))
            {
                builder.Append(newline);
            }

            for (var i = 0; i < blocks.Count; i++)
            {
                builder.Append(blocks[i]).Append(newline);
                if (i + 1 < blocks.Count)
                {
                    builder.Append(newline);
                }
            }

            return new TextEdit(_text.Length, 0, builder.ToString(), ruleId);
        }

        private string LineText(int line) => PlanParser.LineText(_text, _lines, line);

        /// <summary>The line break that ends a line; for the last line, the one before it, or "\n".</summary>
        private string LineEnding(int line)
        {
            for (var l = Math.Min(line, _lines.LineCount - 1); l >= 0; l--)
            {
                var end = _lines.LineStart(l) + LineText(l).Length;
                if (end < _text.Length)
                {
                    return _text[end] == '\r' && end + 1 < _text.Length && _text[end + 1] == '\n' ? "\r\n" : _text[end].ToString();
                }
            }

            return "\n";
        }

        /// <summary>EXP001 when an inserted group holds a living section, else EXP002.</summary>
        private static string RuleOf(IEnumerable<SectionKind> kinds, PlanProfile profile) =>
            kinds.Any(k => SectionCatalog.LivingSections(profile).Contains(k)) ? "EXP001" : "EXP002";

        private static int IndexOf(IReadOnlyList<SectionKind> list, SectionKind kind)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] == kind)
                {
                    return i;
                }
            }

            return -1;
        }

        private static IEnumerable<Block> Blocks(ContainerBlock root)
        {
            var stack = new Stack<Block>();
            for (var i = root.Count - 1; i >= 0; i--)
            {
                stack.Push(root[i]);
            }

            while (stack.Count > 0)
            {
                var block = stack.Pop();
                yield return block;
                if (block is ContainerBlock container)
                {
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        stack.Push(container[i]);
                    }
                }
            }
        }
    }
}
