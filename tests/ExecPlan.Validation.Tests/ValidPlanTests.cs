namespace ExecPlan.Validation.Tests;

using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Settings;

/// <summary>
/// A plan written exactly by the skill is clean, stays clean under edits that change nothing a
/// reader cares about, and each single broken requirement yields exactly that rule's ID at the
/// right place — tried the way a new user would: write a plan by the skill, break one thing.
/// </summary>
public class ValidPlanTests
{
    private static readonly string Valid = TestPaths.ReadFixture("valid/skill-in-progress.md");

    [Theory]
    [InlineData(PlanProfile.Skill)]
    [InlineData(PlanProfile.Classic)]
    public void Plan_that_follows_the_skill_is_clean(PlanProfile profile)
    {
        Assert.Empty(Validate.Summary(Validate.Text(Valid, profile, FakeRepository.Standard)));
    }

    public static TheoryData<string> HarmlessEdits() => new()
    {
        "crlf", "bom", "bom+crlf", "extra-blank-lines", "lower-case-headings", "upper-case-headings", "and-for-ampersand",
        "trailing-spaces", "level-3-sections", "numbered-headings", "no-final-newline", "emphasised-status", "lower-case-status",
    };

    [Theory]
    [MemberData(nameof(HarmlessEdits))]
    public void Harmless_edits_keep_the_plan_clean(string edit)
    {
        var text = Apply(edit, Valid);
        Assert.NotEqual(Valid, text);
        Assert.Empty(Validate.Summary(Validate.Text(text, PlanProfile.Skill, FakeRepository.Standard)));
    }

    [Fact]
    public void Crlf_and_bom_do_not_move_positions()
    {
        var broken = Valid.Replace("- [x] (2025-10-01 15:30Z) Added", "- [x] Added", StringComparison.Ordinal);
        var plain = Validate.Summary(Validate.Text(broken, PlanProfile.Skill, FakeRepository.Standard));
        var crlf = Validate.Summary(Validate.Text("\uFEFF" + broken.Replace("\n", "\r\n", StringComparison.Ordinal), PlanProfile.Skill, FakeRepository.Standard));
        Assert.Equal(["EXP021 37:1"], plain);
        Assert.Equal(plain, crlf);
    }

    public static TheoryData<string, string, string, string> SingleViolations() => new()
    {
        // name, text to find, replacement, expected "ID line:col" list (comma separated)
        { "missing living section", "## Constraints\n\n- The public route `/api/orders` must not change.\n- No new database engine; stay on the existing SQL schema tooling.\n\n", "", "EXP001 1:3" },
        { "missing skeleton section", "## Idempotence and Recovery\n\nEvery step can be repeated. To roll back, revert the commit and rerun the migrations.\n\n", "", "EXP002 1:3" },
        { "duplicate section", "## Context and Orientation", "## Decision Log\n\n- Decision: none.\n  Rationale: r.\n  Date/Author: 2025-10-01 / Dana\n\n## Context and Orientation", "EXP003 56:4" },
        { "second title", "## Plan of Work", "# Plan of Work", "EXP004 61:3" },
        { "empty section", "First add middleware that reads the header, then make the database context pick the\nschema from the tenant, then extend the API tests.\n", "", "EXP005 61:4" },
        { "section out of order", "## Outcomes & Retrospective\n\nNothing to report yet; the first milestone is still in progress.\n\n## Context", "## Context", "" },
        { "no living-document notice", "This ExecPlan is a living document. The sections `Constraints`, `Tolerances`,\n`Risks`, `Progress`, `Surprises & Discoveries`, `Decision Log`, and\n`Outcomes & Retrospective` must be kept up to date as work proceeds.", "This ExecPlan is kept current.", "EXP007 1:3" },
        { "PLANS.md not referenced", "This document is maintained in accordance with `PLANS.md` at the repository root.\n\n", "", "EXP008 1:3" },
        { "no status", "Status: IN PROGRESS\n\n", "", "EXP010 1:3" },
        { "invalid status", "Status: IN PROGRESS", "Status: WIP", "EXP011 7:9" },
        { "template status", "Status: IN PROGRESS", "Status: DRAFT | APPROVED | IN PROGRESS | BLOCKED | COMPLETE", "EXP011 7:9" },
        { "draft with done work", "Status: IN PROGRESS", "Status: DRAFT", "EXP012 37:1" },
        // COMPLETE also makes the "Nothing to report yet" Outcomes a placeholder finding (EXP014).
        { "complete with open item", "Status: IN PROGRESS", "Status: COMPLETE", "EXP013 38:1,EXP014 52:4" },
        { "blocked without decision", "Status: IN PROGRESS", "Status: BLOCKED", "" },
        { "progress as prose", "- [x] (2025-10-01 13:00Z) Inspected the API and repository layers.\n- [x] (2025-10-01 15:30Z) Added the tenant header middleware.\n- [ ] Introduce tenant-aware schema resolution.", "We inspected the API and added the middleware.", "EXP020 34:4" },
        { "item without timestamp", "- [x] (2025-10-01 15:30Z) Added", "- [x] Added", "EXP021 37:1" },
        { "timestamp without zone", "(2025-10-01 15:30Z)", "(2025-10-01 15:30)", "EXP022 37:8" },
        { "impossible timestamp", "(2025-10-01 15:30Z)", "(2025-02-30 15:30Z)", "EXP022 37:8" },
        { "risk without likelihood", "  Likelihood: low\n", "", "EXP030 29:1" },
        { "invalid severity", "  Severity: medium", "  Severity: severe", "EXP031 30:13" },
        { "surprise without evidence", "  Evidence: `OutboxRecord.TenantId` exists in the migration scripts.\n", "", "EXP032 42:1" },
        { "decision without rationale", "  Rationale: it is the least invasive fit; no authentication claims exist yet.\n", "", "EXP033 48:1" },
        { "placeholder", "more than 12 files", "more than <N> files", "EXP040 23:42" },
        { "template guidance", "Nothing to report yet; the first milestone is still in progress.", "Summarise outcomes, gaps, and lessons learned at major milestones or at completion.", "EXP041 54:1" },
        { "tolerances without numbers", "- Scope: if the change touches more than 12 files or 400 lines, stop and escalate.\n- Iterations: if tests still fail after 3 attempts, stop and escalate.\n- Time: if a milestone takes more than 4 hours, stop and escalate.", "- Scope: escalate when the change feels large.", "EXP042 21:4" },
        { "steps without command", "From the repository root run:\n\n    dotnet build\n    dotnet test tests/Orders.Api.Tests\n", "Build and test it.\n", "EXP043 66:4" },
        { "missing path", "`src/Orders.Api/Program.cs`", "`src/Orders.Api/Startup.cs`", "EXP044 58:18" },
        { "nested fence", "    dotnet build\n    dotnet test tests/Orders.Api.Tests\n", "```bash\ndotnet build\n```\n", "EXP051 70:1" },
        { "heading without blank line", "## Plan of Work\n\n", "## Plan of Work\n", "EXP052 61:1" },
        { "list without space", "- Iterations: if tests", "-Iterations: if tests", "EXP053 24:1" },
        { "mixed bullets", "- No new database engine", "* No new database engine", "EXP053 19:1" },
    };

    [Theory]
    [MemberData(nameof(SingleViolations))]
    public void One_broken_requirement_gives_exactly_that_finding(string name, string find, string replace, string expected)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        var text = Valid.Replace(find, replace, StringComparison.Ordinal);
        var actual = Validate.Summary(Validate.Text(text, PlanProfile.Skill, FakeRepository.Standard));
        var wanted = expected.Length == 0 ? [] : expected.Split(',').ToList();
        if (name == "section out of order")
        {
            // Outcomes removed above is put back after Validation: out of order, reported at its new place.
            var moved = text.Replace("## Idempotence and Recovery", "## Outcomes & Retrospective\n\nNothing to report yet.\n\n## Idempotence and Recovery", StringComparison.Ordinal);
            Assert.Equal(["EXP006 74:4"], Validate.Summary(Validate.Text(moved, PlanProfile.Skill, FakeRepository.Standard)));
            return;
        }

        if (name == "blocked without decision")
        {
            // BLOCKED alone is fine while the Decision Log has an entry; emptying it must trigger EXP015.
            Assert.Empty(actual);
            var noDecision = text.Replace("- Decision: use the `X-Tenant-Id` header as the tenant source.\n  Rationale: it is the least invasive fit; no authentication claims exist yet.\n  Date/Author: 2025-10-01 / Dana", "None yet.", StringComparison.Ordinal);
            Assert.Equal(["EXP015 7:9"], Validate.Summary(Validate.Text(noDecision, PlanProfile.Skill, FakeRepository.Standard)));
            return;
        }

        Assert.Equal(wanted, actual);
    }

    [Fact]
    public void Revision_note_before_another_section_is_reported()
    {
        var text = Valid.Replace("## Revision note\n\n2025-10-01: first version.\n", string.Empty, StringComparison.Ordinal)
            .Replace("## Context and Orientation", "## Revision note\n\n2025-10-01: first version.\n\n## Context and Orientation", StringComparison.Ordinal);
        Assert.Equal(["EXP054 56:4"], Validate.Summary(Validate.Text(text, PlanProfile.Skill, FakeRepository.Standard)));
    }

    [Fact]
    public void Outer_fence_is_reported_and_the_plan_inside_is_still_checked()
    {
        var text = "```md\n" + Valid + "```\n";
        Assert.Equal(["EXP050 1:1"], Validate.Summary(Validate.Text(text, PlanProfile.Skill, FakeRepository.Standard)));
        var broken = "```md\n" + Valid.Replace("Status: IN PROGRESS", "Status: WIP", StringComparison.Ordinal) + "```\n";
        Assert.Equal(["EXP050 1:1", "EXP011 8:9"], Validate.Summary(Validate.Text(broken, PlanProfile.Skill, FakeRepository.Standard)));
    }

    private static string Apply(string edit, string text) => edit switch
    {
        "crlf" => text.Replace("\n", "\r\n", StringComparison.Ordinal),
        "bom" => "\uFEFF" + text,
        "bom+crlf" => "\uFEFF" + text.Replace("\n", "\r\n", StringComparison.Ordinal),
        "extra-blank-lines" => text.Replace("\n\n", "\n\n\n", StringComparison.Ordinal),
        "lower-case-headings" => Regex.Replace(text, "^(##+ .*)$", m => m.Value.ToLowerInvariant(), RegexOptions.Multiline),
        "upper-case-headings" => Regex.Replace(text, "^(##+ .*)$", m => m.Value.ToUpperInvariant(), RegexOptions.Multiline),
        "and-for-ampersand" => text.Replace("## Surprises & Discoveries", "## Surprises and Discoveries", StringComparison.Ordinal)
            .Replace("## Outcomes & Retrospective", "## Outcomes and Retrospective", StringComparison.Ordinal),
        "trailing-spaces" => Regex.Replace(text, "^(##+ .*)$", "$1   ", RegexOptions.Multiline),
        "level-3-sections" => Regex.Replace(text, "^## ", "### ", RegexOptions.Multiline),
        "numbered-headings" => NumberHeadings(text),
        "no-final-newline" => text.TrimEnd('\n'),
        "emphasised-status" => text.Replace("Status: IN PROGRESS", "**Status:** `In Progress`", StringComparison.Ordinal),
        "lower-case-status" => text.Replace("Status: IN PROGRESS", "Status: in progress", StringComparison.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(edit)),
    };

    private static string NumberHeadings(string text)
    {
        var n = 0;
        var builder = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            builder.Append(line.StartsWith("## ", StringComparison.Ordinal) ? "## " + ++n + ". " + line[3..] : line).Append('\n');
        }

        return builder.ToString(0, builder.Length - 1);
    }
}
