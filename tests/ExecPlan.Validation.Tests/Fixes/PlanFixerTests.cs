namespace ExecPlan.Validation.Tests.Fixes;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ExecPlan.Validation.Fixes;
using ExecPlan.Validation.Settings;

public class PlanFixerTests
{
    private static readonly ValidationSettings Skill = new() { Profile = PlanProfile.Skill };

    private static readonly ValidationSettings Classic = new() { Profile = PlanProfile.Classic };

    /// <summary>A plan of the classic profile with every skeleton section, so only the repair under test applies.</summary>
    private static string Classic4(string progressBody = "- [ ] Step one.") =>
        "# Plan\n\n## Purpose / Big Picture\n\nWhy.\n\n## Progress\n\n" + progressBody + "\n\n## Surprises & Discoveries\n\nNone yet.\n\n" +
        "## Decision Log\n\nNone yet.\n\n## Outcomes & Retrospective\n\nNone yet.\n\n## Context and Orientation\n\nHere.\n\n" +
        "## Plan of Work\n\nEdit.\n\n## Concrete Steps\n\nRun.\n\n## Validation and Acceptance\n\nTest.\n\n" +
        "## Idempotence and Recovery\n\nSafe.\n\n## Artifacts and Notes\n\nNone.\n\n## Interfaces and Dependencies\n\nNone.\n";

    private static string FixClassic(string text) => PlanFixer.Fix(text, Classic);

    [Fact]
    public void Complete_classic_plan_needs_no_fix()
    {
        Assert.Empty(PlanFixer.ComputeFixes(Classic4(), Classic));
    }

    [Fact]
    public void EXP052_blank_line_is_added_after_a_heading()
    {
        var before = Classic4().Replace("## Plan of Work\n\nEdit.", "## Plan of Work\nEdit.", StringComparison.Ordinal);
        var edits = PlanFixer.ComputeFixes(before, Classic);
        Assert.Equal("EXP052", Assert.Single(edits).RuleId);
        Assert.Equal(Classic4(), PlanFixer.Apply(before, edits));
    }

    [Fact]
    public void EXP052_heading_in_a_block_quote_is_left_alone_but_one_in_a_list_item_is_fixed()
    {
        // A blank line would end the quote, so that is for a person to decide.
        var quoted = Classic4("- [ ] Step one.\n\n> ### Note\n> Quoted.");
        Assert.Equal(quoted, FixClassic(quoted));
        var listed = Classic4("- [ ] Step one.\n\n  ### Note\n  Indented.");
        Assert.Equal(Classic4("- [ ] Step one.\n\n  ### Note\n\n  Indented."), FixClassic(listed));
    }

    [Fact]
    public void EXP050_outer_fence_is_removed()
    {
        var plan = Classic4();
        Assert.Equal(plan, FixClassic("```markdown\n" + plan + "```\n"));
        Assert.Equal("\n" + plan, FixClassic("\n````md\n" + plan + "````"));
    }

    [Fact]
    public void EXP051_top_level_fence_becomes_an_indented_block()
    {
        var before = Classic4().Replace("Run.", "Run:\n\n```bash\ndotnet test\n  --no-build\n```\n\nThen look.", StringComparison.Ordinal);
        var expected = Classic4().Replace("Run.", "Run:\n\n<!-- language: bash -->\n    dotnet test\n      --no-build\n\nThen look.", StringComparison.Ordinal);
        Assert.Equal(expected, FixClassic(before));
    }

    [Fact]
    public void EXP051_keeps_the_language_tag_as_a_comment_before_a_real_indented_block()
    {
        // The repair used to drop "bash": the language is now kept, and the result is an
        // indented code block with the same content and no new finding.
        var before = Classic4().Replace("Run.", "Run:\n```bash title=\"x\"\ndotnet test\n```\nThen look.", StringComparison.Ordinal);
        var after = FixClassic(before);
        Assert.Contains("Run:\n<!-- language: bash title=\"x\" -->\n    dotnet test\n\nThen look.", after, StringComparison.Ordinal);
        var plan = Parsing.PlanParser.Parse(after, "plan.md");
        var code = Assert.Single(Markdig.Syntax.MarkdownObjectExtensions.Descendants<Markdig.Syntax.CodeBlock>(plan.Syntax));
        Assert.IsNotType<Markdig.Syntax.FencedCodeBlock>(code);
        Assert.Equal("dotnet test", code.Lines.ToString());
        var plain = Classic4().Replace("Run.", "Run:\n\n    dotnet test\n\nThen look.", StringComparison.Ordinal);
        Assert.Equal(Validate.Text(plain, PlanProfile.Classic).Select(d => d.Id).Order(), Validate.Text(after, PlanProfile.Classic).Select(d => d.Id).Order());
    }

    [Theory]
    [InlineData("```sh --flag")]
    [InlineData("```a>b")]
    public void EXP051_leaves_a_block_alone_when_its_info_string_cannot_be_kept_in_a_comment(string fence)
    {
        var before = Classic4().Replace("Run.", "Run:\n\n" + fence + "\nmake\n```\n", StringComparison.Ordinal);
        Assert.Equal(before, FixClassic(before));
    }

    [Fact]
    public void EXP051_fence_right_after_a_paragraph_line_leaves_a_blank_line()
    {
        var before = Classic4().Replace("Run.", "Run:\n```\ndotnet test\n```\nThen look.", StringComparison.Ordinal);
        var expected = Classic4().Replace("Run.", "Run:\n\n    dotnet test\n\nThen look.", StringComparison.Ordinal);
        Assert.Equal(expected, FixClassic(before));
    }

    [Fact]
    public void EXP051_fence_in_a_list_item_stays_in_the_item()
    {
        var before = Classic4("- [ ] Step one:\n\n  ```sh\n  make\n  ```\n- [ ] Step two.");
        var expected = Classic4("- [ ] Step one:\n\n  <!-- language: sh -->\n      make\n\n- [ ] Step two.");
        var after = FixClassic(before);
        Assert.Equal(expected, after);
        var plan = Parsing.PlanParser.Parse(after, "plan.md");
        Assert.Equal(2, plan.ProgressItems.Count);
        Assert.Empty(Validate.Summary(Validate.Text(after, PlanProfile.Classic), "EXP051"));
    }

    [Fact]
    public void EXP051_fence_in_a_block_quote_keeps_the_quote_markers()
    {
        var before = Classic4().Replace("Run.", "> Run:\n>\n> ```sh\n> make\n> ```\n> Then look.", StringComparison.Ordinal);
        var expected = Classic4().Replace("Run.", "> Run:\n>\n> <!-- language: sh -->\n>     make\n>\n> Then look.", StringComparison.Ordinal);
        Assert.Equal(expected, FixClassic(before));
    }

    [Fact]
    public void EXP051_unclosed_fence_runs_to_the_end_of_its_container()
    {
        var before = Classic4() + "\n```\nopen\n";
        Assert.Equal(Classic4() + "\n    open\n", FixClassic(before));
    }

    [Fact]
    public void EXP051_tilde_fences_are_left_alone()
    {
        var before = Classic4().Replace("Run.", "~~~\nrun\n~~~", StringComparison.Ordinal);
        Assert.Equal(before, FixClassic(before));
    }

    [Theory]
    [InlineData("-item one", "- item one")]
    [InlineData("+item one", "+ item one")]
    [InlineData("1)item one", "1) item one")]
    [InlineData("1.item one", "1. item one")]
    public void EXP053_space_is_added_after_a_list_marker(string broken, string repaired)
    {
        var before = Classic4().Replace("Edit.", "Edit these:\n" + broken, StringComparison.Ordinal);
        var expected = Classic4().Replace("Edit.", "Edit these:\n" + repaired, StringComparison.Ordinal);
        Assert.Equal(expected, FixClassic(before));
    }

    [Fact]
    public void EXP053_mixed_bullets_take_the_first_lists_marker()
    {
        var before = Classic4().Replace("Edit.", "- one\n* two\n+ three\n  * nested\n  - nested two", StringComparison.Ordinal);
        var expected = Classic4().Replace("Edit.", "- one\n- two\n- three\n  * nested\n  * nested two", StringComparison.Ordinal);
        Assert.Equal(expected, FixClassic(before));
        Assert.Empty(Validate.Summary(Validate.Text(expected, PlanProfile.Classic), "EXP053"));
    }

    [Fact]
    public void EXP053_prose_that_is_not_a_broken_marker_is_untouched()
    {
        var before = Classic4().Replace("Edit.", "Use -1 as the default, 1.5x faster, --flag on.", StringComparison.Ordinal);
        Assert.Equal(before, FixClassic(before));
    }

    [Fact]
    public void EXP001_and_EXP002_missing_sections_are_inserted_in_skeleton_order()
    {
        var before = "# Plan\n\nThis is a living document.\n\nStatus: DRAFT\n\n## Purpose\n\nWhy.\n\n## Progress\n\n- [ ] One.\n\n## Plan of Work\n\nEdit.\n\n## Revision note\n\nFirst.\n";
        var after = PlanFixer.Fix(before, Skill);
        var headings = after.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "## Purpose", "## Constraints", "## Tolerances", "## Risks", "## Progress", "## Surprises & Discoveries",
                "## Decision Log", "## Outcomes & Retrospective", "## Context and Orientation", "## Plan of Work",
                "## Concrete Steps", "## Validation and Acceptance", "## Idempotence and Recovery", "## Artifacts and Notes",
                "## Interfaces and Dependencies", "## Revision note",
            ],
            headings);
        Assert.Contains("## Progress\n\n- [ ] One.\n\n## Surprises & Discoveries\n\n## Decision Log\n\n", after, StringComparison.Ordinal);
        var ids = Validate.Text(after).Select(d => d.Id).Distinct().ToList();
        Assert.DoesNotContain("EXP001", ids);
        Assert.DoesNotContain("EXP002", ids);
        Assert.DoesNotContain("EXP006", ids);
        Assert.DoesNotContain("EXP052", ids);
        Assert.DoesNotContain("EXP054", ids);
    }

    [Fact]
    public void Missing_sections_follow_the_plans_heading_level_and_go_at_the_end_without_a_final_newline()
    {
        var before = "# Plan\n\n### Purpose\n\nWhy.";
        var after = FixClassic(before);
        Assert.StartsWith("# Plan\n\n### Purpose\n\nWhy.\n\n### Progress\n\n### Surprises & Discoveries\n\n", after, StringComparison.Ordinal);
        Assert.EndsWith("### Interfaces and Dependencies\n", after, StringComparison.Ordinal);
    }

    [Fact]
    public void EXP010_status_goes_after_the_living_document_notice()
    {
        var before = Classic4().Replace("# Plan\n", "# Plan\n\nThis ExecPlan is a living document.\n", StringComparison.Ordinal);
        var after = PlanFixer.Fix(before, Skill);
        Assert.StartsWith("# Plan\n\nThis ExecPlan is a living document.\n\nStatus: DRAFT\n\n## Purpose", after, StringComparison.Ordinal);
        Assert.Empty(Validate.Summary(Validate.Text(after), "EXP010"));
    }

    [Fact]
    public void EXP010_status_goes_after_the_title_without_a_notice_and_not_in_classic()
    {
        var after = PlanFixer.Fix(Classic4(), Skill);
        Assert.StartsWith("# Plan\n\nStatus: DRAFT\n\n## Purpose", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Status:", FixClassic(Classic4()), StringComparison.Ordinal);
    }

    [Fact]
    public void EXP010_is_not_inserted_once_work_is_recorded()
    {
        var after = PlanFixer.Fix(Classic4("- [x] (2025-10-01 13:00Z) Done."), Skill);
        Assert.DoesNotContain("Status:", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_switched_off_are_not_repaired()
    {
        var settings = new ValidationSettings
        {
            Profile = PlanProfile.Skill,
            SeverityOverrides = new Dictionary<string, Diagnostics.RuleSeverity>(StringComparer.OrdinalIgnoreCase)
            {
                ["EXP002"] = Diagnostics.RuleSeverity.None,
                ["EXP010"] = Diagnostics.RuleSeverity.None,
                ["EXP052"] = Diagnostics.RuleSeverity.None,
            },
        };
        var before = "# Plan\n## Progress\n- [ ] One.\n";
        var after = PlanFixer.Fix(before, settings);
        Assert.StartsWith("# Plan\n## Constraints\n\n## Tolerances\n\n## Risks\n\n## Progress\n- [ ] One.\n", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Status", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Purpose", after, StringComparison.Ordinal);
    }

    [Fact]
    public void CRLF_and_mixed_line_endings_are_kept_line_by_line()
    {
        var lf = Classic4().Replace("## Plan of Work\n\nEdit.", "## Plan of Work\nEdit.\n```\nx\n```", StringComparison.Ordinal);
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);
        var after = FixClassic(crlf);
        Assert.DoesNotContain("\n", after.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(FixClassic(lf).Replace("\n", "\r\n", StringComparison.Ordinal), after);

        // Mixed: the heading line ends with CRLF, the rest with LF; the added blank line copies the heading's ending.
        var mixed = Classic4().Replace("## Plan of Work\n\nEdit.", "## Plan of Work\r\nEdit.", StringComparison.Ordinal);
        Assert.Equal(Classic4().Replace("## Plan of Work\n\nEdit.", "## Plan of Work\r\n\r\nEdit.", StringComparison.Ordinal), FixClassic(mixed));
    }

    [Fact]
    public void Byte_order_mark_is_kept_and_offsets_account_for_it()
    {
        var before = "\uFEFF" + Classic4().Replace("## Plan of Work\n\nEdit.", "## Plan of Work\nEdit.", StringComparison.Ordinal);
        var after = FixClassic(before);
        Assert.Equal("\uFEFF" + Classic4(), after);
        var status = PlanFixer.Fix("\uFEFF" + Classic4(), Skill);
        Assert.StartsWith("\uFEFF# Plan\n\nStatus: DRAFT\n", status, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_rejects_overlapping_edits()
    {
        Assert.Throws<ArgumentException>(() => PlanFixer.Apply("abcdef", [new TextEdit(0, 3, "x", "T"), new TextEdit(2, 1, "y", "T")]));
        Assert.Equal("xdyf", PlanFixer.Apply("abcdef", [new TextEdit(4, 1, "y", "T"), new TextEdit(0, 3, "x", "T")]));
    }

    public static TheoryData<string> AllPlans()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(TestPaths.Fixtures))
        {
            // Fixed-text snapshots (*.fixed.md) are outputs of fix, checked by FixSnapshotTests.
            foreach (var file in Directory.EnumerateFiles(TestPaths.Fixtures, "*.md", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".fixed.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(AppContext.BaseDirectory, file).Replace('\\', '/'));
            }
        }

        // Corpus plans (where present) are passed with their absolute path; fixtures relative to the test folder.
        if (TestPaths.CorpusOrNull is { } corpus)
        {
            foreach (var file in Directory.EnumerateFiles(corpus, "*.md").Order(StringComparer.Ordinal))
            {
                data.Add(file);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPlans))]
    public void Fix_is_idempotent_and_leaves_no_fixable_finding(string path)
    {
        var full = Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
        var original = File.ReadAllText(full);
        foreach (var (settings, profile) in new[] { (Skill, PlanProfile.Skill), (Classic, PlanProfile.Classic) })
        {
            foreach (var text in new[] { original, original.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal) })
            {
                var once = PlanFixer.Fix(text, settings);
                Assert.Empty(PlanFixer.ComputeFixes(once, settings));
                Assert.Equal(once, PlanFixer.Fix(once, settings));

                // Real plans are left with no fixable finding. Fixtures may hold cases that are
                // deliberately not mechanical (a heading in a block quote), so there the count only
                // must not grow.
                var isCorpus = Path.IsPathRooted(path);
                var before = Validate.Text(text, profile).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
                var left = Validate.Text(once, profile).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
                foreach (var id in new[] { "EXP001", "EXP002", "EXP050", "EXP051", "EXP052", "EXP053" })
                {
                    var after = left.GetValueOrDefault(id);
                    if (isCorpus || id is "EXP001" or "EXP002" or "EXP050")
                    {
                        Assert.True(after == 0, $"{id} left {after} time(s) in {path} ({profile})");
                    }
                    else
                    {
                        Assert.True(after <= before.GetValueOrDefault(id), $"{id} grew in {path} ({profile})");
                    }
                }

                // Line endings: a CRLF file gains no bare LF.
                if (!text.Replace("\r\n", string.Empty, StringComparison.Ordinal).Contains('\n', StringComparison.Ordinal))
                {
                    Assert.DoesNotContain('\n', once.Replace("\r\n", string.Empty, StringComparison.Ordinal));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllPlans))]
    public void Fix_never_changes_the_words_of_a_plan(string path)
    {
        var full = Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
        var original = File.ReadAllText(full);
        var once = PlanFixer.Fix(original, Skill);

        // Everything removed is layout: fence lines, indentation, line breaks, list markers.
        static List<string> Words(string text) => text
            .Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => System.Text.RegularExpressions.Regex.Replace(w, @"^(?:[-+*]+|\d{1,3}[.)])", string.Empty, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
            .Where(w => w.Length > 0 && !w.All(c => c is '`' or '-' or '*' or '+' or '#'))
            .ToList();

        var before = Words(original);
        var after = Words(once);
        var removed = before.ToList();
        foreach (var word in after)
        {
            removed.Remove(word);
        }

        // Only fence info strings (```bash -> "bash" is part of the fence word) may disappear.
        Assert.All(removed, w => Assert.StartsWith("```", w, StringComparison.Ordinal));
    }
}
