namespace ExecPlan.Validation.Tests.Profiles;

using System;
using System.IO;
using System.Linq;
using ExecPlan.Validation.Profiles;
using ExecPlan.Validation.Settings;

/// <summary>The <c>auto</c> profile: plans checked against the profile derived from PLANS.md
/// fixtures of each shape, and exactly the skill profile where there is none.</summary>
public class AutoProfileTests
{
    private static DerivedProfile Derive(string fixture) =>
        PlansFileDeriver.Derive(TestPaths.ReadFixture("EXP060/" + fixture), ".agent/PLANS.md").Profile
        ?? throw new InvalidOperationException(fixture + " derived nothing");

    private static System.Collections.Generic.IReadOnlyList<Diagnostics.PlanDiagnostic> Check(string plan, DerivedProfile? derived, PlanProfile profile = PlanProfile.Auto) =>
        new PlanValidator(new ValidationSettings { Profile = profile, PlansProfile = derived }).Validate(plan, "plan.md");

    private const string IndentedPlan = """
        # Ship the widget

        This ExecPlan is a living document. The sections `Progress`, `Risk Log` and `Decision Log` are kept up to date.

        Status: ACTIVE

        ## Why this matters

        Users wait less.

        ## Milestones

        One milestone.

        ## Risk Log

        None yet.

        ## Progress

        - [ ] Write it.

        ## Decision Log

        None yet.
        """;

    [Fact]
    public void A_plan_following_its_PLANS_md_gets_no_section_finding_the_PLANS_md_does_not_ask_for()
    {
        var derived = Derive("good-indented.md");
        var ids = Check(IndentedPlan, derived).Select(d => d.Id).ToList();
        foreach (var id in new[] { "EXP001", "EXP002", "EXP003", "EXP005", "EXP006", "EXP007", "EXP010", "EXP011" })
        {
            Assert.DoesNotContain(id, ids);
        }

        // The same plan under skill asks for Constraints, Tolerances, Purpose, ...
        Assert.Contains("EXP001", Check(IndentedPlan, derived, PlanProfile.Skill).Select(d => d.Id));
    }

    [Fact]
    public void Removing_a_required_section_names_it_and_the_PLANS_md_line()
    {
        var derived = Derive("good-indented.md");
        var plan = IndentedPlan.Replace("## Milestones\n\nOne milestone.\n\n", string.Empty, StringComparison.Ordinal);
        var finding = Assert.Single(Check(plan, derived), d => d.Id == "EXP001");
        Assert.StartsWith("Mandatory living section is missing: `Milestones` is required by `.agent/PLANS.md` (line 15)", finding.Message, StringComparison.Ordinal);
        Assert.Equal(1, finding.Span.StartLine);
    }

    [Fact]
    public void Removing_a_living_section_says_it_is_living_and_where()
    {
        var plan = IndentedPlan.Replace("## Risk Log\n\nNone yet.\n\n", string.Empty, StringComparison.Ordinal);
        var finding = Assert.Single(Check(plan, Derive("good-indented.md")), d => d.Id == "EXP001");
        Assert.Contains("`Risk Log` is required by `.agent/PLANS.md` (line 17) as a living section", finding.Message, StringComparison.Ordinal);
        Assert.Contains("(line 8)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_optional_section_is_not_required()
    {
        var derived = Derive("good-indented.md");
        Assert.False(derived.Sections.Single(s => s.Name == "Change Log").Required);
    }

    [Fact]
    public void Status_notice_and_order_follow_the_PLANS_md()
    {
        var derived = Derive("good-indented.md");
        Assert.Equal(["DRAFT", "ACTIVE", "DONE"], derived.Status!.AllowedValues);
        var noStatus = IndentedPlan.Replace("Status: ACTIVE\n\n", string.Empty, StringComparison.Ordinal);
        Assert.Contains("(line 11)", Assert.Single(Check(noStatus, derived), d => d.Id == "EXP010").Message, StringComparison.Ordinal);
        var badStatus = IndentedPlan.Replace("Status: ACTIVE", "Status: WIP", StringComparison.Ordinal);
        Assert.Single(Check(badStatus, derived), d => d.Id == "EXP011");
        var noNotice = IndentedPlan.Replace("This ExecPlan is a living document. The sections `Progress`, `Risk Log` and `Decision Log` are kept up to date.\n\n", string.Empty, StringComparison.Ordinal);
        Assert.Contains("(line 8)", Assert.Single(Check(noNotice, derived), d => d.Id == "EXP007").Message, StringComparison.Ordinal);
        var swapped = IndentedPlan.Replace("## Milestones\n\nOne milestone.\n\n", string.Empty, StringComparison.Ordinal) + "\n\n## Milestones\n\nOne milestone.\n";
        var order = Assert.Single(Check(swapped, derived), d => d.Id == "EXP006");
        Assert.Contains("Milestones", order.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_notice_in_the_skeleton_none_is_asked_for()
    {
        var derived = Derive("good-bare.md");
        Assert.Equal(["Goal", "Skill Gates", "Progress"], derived.Sections.Select(s => s.Name));
        var plan = "# Title\n\n## Goal\n\nText.\n\n## Skill Gates\n\nTests.\n\n## Progress\n\n- [ ] Start.\n";
        Assert.DoesNotContain(Check(plan, derived), d => d.Id is "EXP001" or "EXP002" or "EXP007" or "EXP010");
    }

    [Theory]
    [InlineData("good-indented.md", SkeletonShape.Indented, 6)]
    [InlineData("good-fenced.md", SkeletonShape.Fenced, 4)]
    [InlineData("good-bare.md", SkeletonShape.Bare, 3)]
    [InlineData("good-list.md", SkeletonShape.List, 4)]
    [InlineData("good-whole-file.md", SkeletonShape.WholeFile, 5)]
    public void Each_shape_derives_its_sections(string fixture, SkeletonShape shape, int count)
    {
        var derived = Derive(fixture);
        Assert.Equal(shape, derived.Shape);
        Assert.Equal(count, derived.Sections.Count);
    }

    [Fact]
    public void Non_English_sections_match_plans_written_with_them()
    {
        var derived = Derive("good-fenced.md");
        var plan = "# Plan\n\nEste plan es un documento vivo.\n\n## Propósito\n\nTexto.\n\n## Progreso\n\n- [ ] Uno.\n\n## Validación\n\nTexto.\n";
        var missing = Assert.Single(Check(plan, derived), d => d.Id == "EXP001");
        Assert.Contains("`Registro de decisiones`", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_without_a_PLANS_md_is_exactly_skill_on_every_fixture()
    {
        foreach (var file in Directory.GetFiles(TestPaths.Fixtures, "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var auto = new PlanValidator(new ValidationSettings { Repository = FakeRepository.Standard }).Validate(text, "plan.md");
            var skill = new PlanValidator(new ValidationSettings { Profile = PlanProfile.Skill, Repository = FakeRepository.Standard }).Validate(text, "plan.md");
            Assert.Equal(skill.Select(d => d.ToString()), auto.Select(d => d.ToString()));
        }
    }

    [Fact]
    public void Fix_adds_the_sections_PLANS_md_requires_in_its_order_and_nothing_of_the_skill()
    {
        var derived = Derive("good-indented.md");
        var plan = IndentedPlan.Replace("## Milestones\n\nOne milestone.\n\n", string.Empty, StringComparison.Ordinal)
            .Replace("## Decision Log\n\nNone yet.", string.Empty, StringComparison.Ordinal);
        var settings = new ValidationSettings { PlansProfile = derived };

        var fixedText = ExecPlan.Validation.Fixes.PlanFixer.Fix(plan, settings);

        var headings = fixedText.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["## Why this matters", "## Milestones", "## Risk Log", "## Progress", "## Decision Log"], headings);
        Assert.DoesNotContain(new PlanValidator(settings).Validate(fixedText, "plan.md"), d => d.Id is "EXP001" or "EXP002");
        Assert.Equal(fixedText, ExecPlan.Validation.Fixes.PlanFixer.Fix(fixedText, settings));
    }

    [Fact]
    public void Under_a_cookbook_PLANS_md_living_sections_are_errors_and_the_rest_of_the_skeleton_warnings()
    {
        const string Cookbook = "# Plans\n\n## Skeleton of a Good ExecPlan\n\n    # <Title>\n\n    This ExecPlan is a living document. The sections `Progress` and `Decision Log` must be kept up to date as work proceeds.\n\n    ## Purpose / Big Picture\n\n    ## Progress\n\n    ## Decision Log\n\n    ## Plan of Work\n";
        var derived = PlansFileDeriver.Derive(Cookbook, "PLANS.md").Profile!;
        Assert.Equal([false, true, true, false], derived.Sections.Select(s => s.Mandatory));

        var plan = "# T\n\nThis ExecPlan is a living document.\n\n## Purpose / Big Picture\n\nWhy.\n\n## Progress\n\n- [ ] Start.\n";
        var findings = Check(plan, derived);
        Assert.Contains("`Decision Log` is required by `PLANS.md` (line 13)", Assert.Single(findings, d => d.Id == "EXP001").Message, StringComparison.Ordinal);
        Assert.StartsWith("Skeleton section is missing: `Plan of Work` is part of the skeleton of `PLANS.md` (line 15)", Assert.Single(findings, d => d.Id == "EXP002").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subsection_named_like_a_skeleton_section_is_not_out_of_order()
    {
        var derived = Derive("good-indented.md");
        var plan = IndentedPlan.Replace("One milestone.", "One milestone.\n\n### Progress\n\nNotes on the milestone.", StringComparison.Ordinal);
        Assert.DoesNotContain(Check(plan, derived), d => d.Id == "EXP006");
    }
}
