namespace ExecPlan.Validation.Rules.Support;

using System;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using Markdig.Syntax;

/// <summary>
/// Whether a section is really written or only holds a placeholder ("Pending completion.",
/// "TBD", "To be filled in at completion", "(empty)", "N/A", "待定", "未定", ...). EXP014 reads a
/// placeholder as empty, and EXP016 and EXP010 do not count it as written Outcomes.
/// </summary>
internal static class Stubs
{
    /// <summary>Longer text is prose, whatever its first words say.</summary>
    private const int MaxStubLength = 120;

    // The whole text is a placeholder word or phrase (after trailing punctuation is dropped).
    private static readonly Regex Whole = TextScan.Pattern(
        @"^(?:tbd|tbc|tba|todo|to\s?do|n/?a|none|nothing|empty|pending|wip|placeholder|coming soon|" +
        @"none (?:yet|so far)|nothing (?:yet|so far)|nothing to (?:report|record|add)(?: yet| so far)?|not (?:yet|started|done)|" +
        @"work in progress|in progress|-+|\u2014|\u2026|\.{2,}|\?+|" +
        @"待定|未定|待补充|待補充|待填写|待填寫|待完成|待更新|暂无|暫無|无|無|空|尚无|尚無|未记入|未記入|記入予定|なし|未完了|미정|없음|작성 예정|추후 작성)$");

    // The text opens with a not-yet phrase; what follows (up to the length limit) only explains it:
    // "Pending completion of milestone 2", "To be filled in at completion", "Nothing to report
    // yet; the first milestone is still in progress", "尚未完成".
    private static readonly Regex Opening = TextScan.Pattern(
        @"^(?:pending\b|tb[dca]\b|to ?do\b|" +
        @"(?:to|will) be (?:written|filled|completed|determined|added|documented|updated|decided|done|provided|captured|recorded|summari[sz]ed|written up)\b|" +
        @"(?:none|nothing)(?: to (?:report|record|add))? (?:yet|so far)\b|" +
        @"not (?:yet\b|started\b|(?:yet )?(?:written|complete|completed|filled|available)\b)|" +
        @"(?:fill|write|complete|populate|update)(?: this| it)?(?: in| out| up)? (?:later|at completion|at the end|when|once|after)\b|" +
        @"尚未|待(?:定|补充|補充|填写|填寫|完成|更新)|未定|暂无|暫無|記入予定|後で記入|추후)");


    /// <summary>The placeholder text when the section holds nothing but a placeholder (headings and
    /// comments aside); null when it is empty or really written.</summary>
    public static string? Placeholder(PlanDocument plan, PlanSection section)
    {
        var text = Content(plan, section);
        if (text.Length == 0 || text.Length > MaxStubLength)
        {
            return null;
        }

        // Only punctuation ("...", "-") is a placeholder too.
        var bare = text.TrimEnd('.', '!', '。', '！', ' ', ';', ':').Trim('(', ')', '[', ']', '（', '）', ' ');
        return bare.Length == 0 || Whole.IsMatch(bare) || Opening.IsMatch(bare) ? text : null;
    }

    /// <summary>True when the section has content that is not a placeholder.</summary>
    public static bool IsWritten(PlanDocument plan, PlanSection? section) =>
        section is not null && !section.IsEmpty && Content(plan, section).Length > 0 && Placeholder(plan, section) is null;

    /// <summary>True when the plan's Outcomes &amp; Retrospective is written (see <see cref="IsWritten"/>).</summary>
    public static bool OutcomesWritten(PlanDocument plan) => IsWritten(plan, plan.Section(SectionKind.Outcomes));

    /// <summary>The section's text without headings, comments, list markers and emphasis, its white
    /// space collapsed: what a reader sees of it, for the length limit and the patterns.</summary>
    private static string Content(PlanDocument plan, PlanSection section)
    {
        if (section.IsEmpty)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var block in section.Blocks)
        {
            if (block is HeadingBlock or ThematicBreakBlock or LinkReferenceDefinitionGroup)
            {
                continue;
            }

            var source = WithoutListMarkers(WithoutComments(plan.SourceOf(block)));
            foreach (var c in source)
            {
                if (c is '*' or '_' or '`' or '~' or '>')
                {
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    if (builder.Length > 0 && builder[builder.Length - 1] != ' ')
                    {
                        builder.Append(' ');
                    }

                    continue;
                }

                builder.Append(c);
            }

            if (builder.Length > MaxStubLength * 4)
            {
                break;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Each HTML comment, to its <c>--&gt;</c> or the end (before a final line break), as
    /// one space: what <c>&lt;!--.*?(?:--&gt;|$)</c> (single-line) replaced, without a regex.</summary>
    internal static string WithoutComments(string text)
    {
        var open = text.IndexOf("<!--", StringComparison.Ordinal);
        if (open < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var copied = 0;
        while (open >= 0)
        {
            builder.Append(text, copied, open - copied).Append(' ');
            var close = text.IndexOf("-->", open + 4, StringComparison.Ordinal);
            copied = close >= 0 ? close + 3 : text.Length > open + 4 && text[text.Length - 1] == '\n' ? text.Length - 1 : text.Length;
            open = copied < text.Length ? text.IndexOf("<!--", copied, StringComparison.Ordinal) : -1;
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Each line's list marker (blanks, a bullet or number, blanks, a checkbox and its
    /// blanks) as one space: what <c>^[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]*)?</c>
    /// (multi-line) replaced, without a regex.</summary>
    internal static string WithoutListMarkers(string text)
    {
        StringBuilder? builder = null;
        var copied = 0;
        for (var line = 0; line < text.Length;)
        {
            var end = MarkerEnd(text, line);
            if (end > line)
            {
                builder ??= new StringBuilder(text.Length);
                builder.Append(text, copied, line - copied).Append(' ');
                copied = end;
            }

            var newline = text.IndexOf('\n', end > line ? end : line);
            line = newline < 0 ? text.Length : newline + 1;
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Where the list marker at the start of the line at <paramref name="at"/> ends, or
    /// <paramref name="at"/> when the line has none.</summary>
    private static int MarkerEnd(string text, int at)
    {
        var i = SkipBlanks(text, at);
        if (i < text.Length && text[i] is '-' or '*' or '+')
        {
            i++;
        }
        else
        {
            var digits = i;
            while (i < text.Length && char.IsDigit(text[i]))
            {
                i++;
            }

            if (i == digits || i >= text.Length || text[i] is not ('.' or ')'))
            {
                return at;
            }

            i++;
        }

        var blanks = SkipBlanks(text, i);
        if (blanks == i)
        {
            return at;
        }

        // The checkbox is taken when whole ("[ ]", "[x]", "[X]"); its blanks are optional.
        return blanks + 2 < text.Length && text[blanks] == '[' && text[blanks + 1] is ' ' or 'x' or 'X' && text[blanks + 2] == ']'
            ? SkipBlanks(text, blanks + 3)
            : blanks;
    }

    private static int SkipBlanks(string text, int at)
    {
        while (at < text.Length && text[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
    }
}
