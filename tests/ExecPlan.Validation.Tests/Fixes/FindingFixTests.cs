namespace ExecPlan.Validation.Tests.Fixes;

using System;
using System.Linq;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Fixes;
using ExecPlan.Validation.Rules;
using ExecPlan.Validation.Settings;

/// <summary>
/// Fixes travel with the findings: a fixable rule attaches its repair to the finding
/// (<see cref="PlanDiagnostic.Fix"/>), and <see cref="PlanFixer"/> only applies what the findings carry.
/// </summary>
public sealed class FindingFixTests
{
    private static readonly ValidationSettings Classic = new() { Profile = PlanProfile.Classic };

    private const string CompleteClassic =
        "# Plan\n\n## Purpose / Big Picture\n\nWhy.\n\n## Progress\n\n- [ ] Step one.\n\n## Surprises & Discoveries\n\nNone yet.\n\n" +
        "## Decision Log\n\nNone yet.\n\n## Outcomes & Retrospective\n\nNone yet.\n\n## Context and Orientation\n\nHere.\n\n" +
        "## Plan of Work\n\nEdit.\n\n## Concrete Steps\n\nRun.\n\n## Validation and Acceptance\n\nTest.\n\n" +
        "## Idempotence and Recovery\n\nSafe.\n\n## Artifacts and Notes\n\nNone.\n\n## Interfaces and Dependencies\n\nNone.\n";

    [Fact]
    public void The_fixable_rules_are_the_rules_that_implement_the_fix_interface()
    {
        var implementing = PlanValidator.Rules.Where(r => r is IFixableRule).Select(r => r.Descriptor.Id).Order(StringComparer.Ordinal);
        Assert.Equal(implementing, PlanFixer.FixableRules);
        Assert.Equal(["EXP001", "EXP002", "EXP010", "EXP050", "EXP051", "EXP052", "EXP053"], PlanFixer.FixableRules);

        // The fix order is total: no two rules share a place.
        var orders = PlanValidator.Rules.OfType<IFixableRule>().Select(r => r.FixOrder).ToList();
        Assert.Equal(orders.Count, orders.Distinct().Count());
    }

    [Fact]
    public void A_finding_carries_its_fix_only_when_fixes_are_asked_for()
    {
        var text = CompleteClassic.Replace("## Plan of Work\n\nEdit.", "## Plan of Work\nEdit.", StringComparison.Ordinal);
        var plain = Assert.Single(new PlanValidator(Classic).Validate(text, "plan.md"), d => d.Id == "EXP052");
        Assert.Null(plain.Fix);

        var withFix = Assert.Single(new PlanValidator(Classic) { IncludeFixes = true }.Validate(text, "plan.md"), d => d.Id == "EXP052");
        Assert.Equal(plain, withFix);
        var fix = Assert.IsType<PlanFix>(withFix.Fix);
        Assert.Equal("Add a blank line after the heading", fix.Title);
        var edit = Assert.Single(fix.Edits);
        Assert.Equal(new TextEdit(text.IndexOf("Edit.", StringComparison.Ordinal), 0, "\n", "EXP052"), edit);
        Assert.Equal(CompleteClassic, PlanFixer.Apply(text, fix.Edits));
    }

    [Fact]
    public void A_fix_counts_offsets_in_the_text_as_given_byte_order_mark_included()
    {
        var text = "\uFEFF" + CompleteClassic.Replace("## Plan of Work\n\nEdit.", "## Plan of Work\nEdit.", StringComparison.Ordinal);
        var finding = Assert.Single(new PlanValidator(Classic) { IncludeFixes = true }.Validate(text, "plan.md"), d => d.Id == "EXP052");
        Assert.Equal(text.IndexOf("Edit.", StringComparison.Ordinal), Assert.Single(finding.Fix!.Edits).Start);
        Assert.Equal(PlanFixer.ComputeFixes(text, Classic), finding.Fix.Edits);
        Assert.Equal("\uFEFF" + CompleteClassic, PlanFixer.Apply(text, finding.Fix.Edits));
    }

    [Fact]
    public void A_finding_that_needs_a_person_carries_no_fix()
    {
        // Status after checked Progress items is IN PROGRESS or COMPLETE: a person's call.
        var text = CompleteClassic.Replace("- [ ] Step one.", "- [x] (2025-10-01 13:00Z) Step one.", StringComparison.Ordinal);
        var finding = Assert.Single(new PlanValidator(new ValidationSettings { Profile = PlanProfile.Skill }) { IncludeFixes = true }.Validate(text, "plan.md"), d => d.Id == "EXP010");
        Assert.Null(finding.Fix);
    }

    [Theory]
    [InlineData("<!-- execplan-disable EXP052 -->\n")]
    [InlineData("<!-- execplan-disable-file EXP052 -->\n")]
    public void A_finding_suppressed_inline_is_not_repaired(string comment)
    {
        var text = CompleteClassic.Replace("## Plan of Work\n\nEdit.", comment + "\n## Plan of Work\nEdit.", StringComparison.Ordinal);
        Assert.DoesNotContain(new PlanValidator(Classic).Validate(text, "plan.md"), d => d.Id == "EXP052");
        Assert.Empty(PlanFixer.ComputeFixes(text, Classic));
        Assert.Equal(text, PlanFixer.Fix(text, Classic));
    }

    [Fact]
    public void The_outer_fence_goes_first_so_missing_sections_land_inside_the_plan()
    {
        const string Plan = "# Plan\n\n## Purpose / Big Picture\n\nWhy.\n";
        var fenced = PlanFixer.Fix("```md\n" + Plan + "```\n", Classic);
        Assert.Equal(PlanFixer.Fix(Plan, Classic), fenced);
        Assert.DoesNotContain("```", fenced, StringComparison.Ordinal);
        Assert.EndsWith("## Interfaces and Dependencies\n", fenced, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_reports_every_applied_edit_with_its_rule_and_stops_when_nothing_is_left()
    {
        var text = "# Plan\n\n## Purpose / Big Picture\n\nWhy.\n";
        var result = PlanFixer.Run(text, Classic);
        Assert.Equal(PlanFixer.Fix(text, Classic), result.Text);

        // Eleven sections go to the end of the file, one per round (insertions at one place wait
        // for the next round), EXP001's four before EXP002's seven.
        Assert.Equal(11, result.Edits.Count);
        Assert.Equal(Enumerable.Repeat("EXP001", 4).Concat(Enumerable.Repeat("EXP002", 7)), result.Edits.Select(e => e.RuleId));
        Assert.Equal(11, result.Rounds);
        Assert.Empty(PlanFixer.ComputeFixes(result.Text, Classic));
    }

    [Theory]
    [InlineData("# Plan\n\n> Dieses ExecPlan ist ein lebendes Dokument.\n## Progress\n\n- [ ] One.\n", "> Dieses ExecPlan ist ein lebendes Dokument.\n\nStatus: DRAFT\n\n## Progress")]
    [InlineData("# Plan\n\n- Ce plan est un document vivant.\n\n## Progress\n\n- [ ] One.\n", "- Ce plan est un document vivant.\n\nStatus: DRAFT\n\n## Progress")]
    [InlineData("# Plan\n本执行计划是一份活文档。\n\n## Progress\n\n- [ ] One.\n", "# Plan\n本执行计划是一份活文档。\n\nStatus: DRAFT\n\n## Progress")]
    [InlineData("---\nowner: x\n---\n\n## Progress\n\n- [ ] One.\n", "---\nowner: x\n---\n\nStatus: DRAFT\n\n## Progress")]
    public void Status_is_inserted_once_after_the_notice_whatever_block_holds_it(string text, string expected)
    {
        var settings = new ValidationSettings { Profile = PlanProfile.Skill, SeverityOverrides = Off("EXP001", "EXP002", "EXP052") };
        var result = PlanFixer.Run(text, settings);
        Assert.Contains(expected, result.Text, StringComparison.Ordinal);
        Assert.Equal(1, result.Rounds);
        Assert.DoesNotContain(new PlanValidator(settings).Validate(result.Text, "plan.md"), d => d.Id == "EXP010");
    }

    [Theory]
    [InlineData(0, 3, 2, 1, true)] // overlapping replacements
    [InlineData(0, 3, 3, 1, false)] // touching replacements
    [InlineData(2, 0, 2, 0, true)] // two insertions at one offset
    [InlineData(2, 0, 0, 3, true)] // an insertion inside a replacement
    [InlineData(3, 0, 0, 3, false)] // an insertion at a replacement's end
    [InlineData(0, 0, 0, 3, false)] // an insertion at a replacement's start
    public void Edits_conflict_when_their_order_or_result_would_be_ambiguous(int start1, int length1, int start2, int length2, bool conflict)
    {
        var a = new TextEdit(start1, length1, "x");
        var b = new TextEdit(start2, length2, "y");
        Assert.Equal(conflict, a.ConflictsWith(b));
        Assert.Equal(conflict, b.ConflictsWith(a));
    }

    [Fact]
    public void A_fix_with_overlapping_edits_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new PlanFix("t", [new TextEdit(0, 3, "x"), new TextEdit(2, 2, "y")]));
        var fix = new PlanFix("t", [new TextEdit(4, 1, "y"), new TextEdit(0, 3, "x")]);
        Assert.Equal([0, 4], fix.Edits.Select(e => e.Start));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\r\n\r\n")]
    public void Text_without_anything_mechanical_gives_no_edits(string text)
    {
        Assert.Empty(PlanFixer.ComputeFixes(text, new ValidationSettings { Profile = PlanProfile.Skill, SeverityOverrides = Off("EXP001", "EXP002", "EXP010") }));
    }

    [Fact]
    public void Text_the_parser_refuses_gives_no_edits_and_does_not_throw()
    {
        // Far more inline markup in one paragraph than the parser accepts: EXP000, no repair.
        var text = "# Plan\n## Progress\n" + string.Concat(Enumerable.Repeat("[`*_", 60_000)) + "\n";
        Assert.Contains(new PlanValidator(Classic).Validate(text, "plan.md"), d => d.Id == "EXP000");
        Assert.Empty(PlanFixer.ComputeFixes(text, Classic));
        Assert.Equal(text, PlanFixer.Fix(text, Classic));
    }

    private static System.Collections.Generic.Dictionary<string, RuleSeverity> Off(params string[] ids) =>
        ids.ToDictionary(id => id, _ => RuleSeverity.None, StringComparer.OrdinalIgnoreCase);
}

/// <summary>The README's description of <c>fix</c> names exactly the rules that can repair.</summary>
public sealed class FixDocumentationTests
{
    [Fact]
    public void The_readme_names_every_fixable_rule_and_no_other()
    {
        var readme = System.IO.File.ReadAllText(System.IO.Path.Combine(Settings.RepositoryPaths.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf("\n- `fix` repairs", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '- `fix` repairs' item");
        var end = readme.IndexOf("\n- ", start + 1, StringComparison.Ordinal);
        var item = readme.Substring(start, (end < 0 ? readme.Length : end) - start);
        var named = System.Text.RegularExpressions.Regex.Matches(item, @"EXP\d{3}", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))
            .Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(PlanFixer.FixableRules, named);
    }
}
