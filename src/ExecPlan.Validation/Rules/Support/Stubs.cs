namespace ExecPlan.Validation.Rules.Support;

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

    private static readonly Regex Comment = TextScan.Pattern(@"<!--.*?(?:-->|$)", RegexOptions.Singleline);

    private static readonly Regex ListMarker = TextScan.Pattern(@"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]*)?", RegexOptions.Multiline);

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

            var source = ListMarker.Replace(Comment.Replace(plan.SourceOf(block), " "), " ");
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
}
