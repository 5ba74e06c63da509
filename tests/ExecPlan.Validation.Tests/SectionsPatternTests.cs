namespace ExecPlan.Validation.Tests;

using System.Linq;
using ExecPlan.Validation.Parsing;

public class SectionsPatternTests
{
    private const string Plan = "# Import orders\n\nThis ExecPlan is a living document.\n\nStatus: DRAFT\n\n## Purpose / Big Picture\n\nImport.\n\n## Progress\n\n- [ ] Start.\n";

    [Fact]
    public void Exp006_names_the_section_to_move_before_when_the_suggested_anchor_is_already_above()
    {
        var text = "# T\n\n## Purpose\n\nx\n\n## Context and Orientation\n\nx\n\n## Progress\n\n- [ ] x\n";
        var finding = Validate.Text(text).Single(d => d.Id == "EXP006");
        Assert.Contains("before 'Context and Orientation' (line 7)", finding.Message);
    }

    [Fact]
    public void Exp006_names_the_section_to_move_after_when_written_too_early()
    {
        var text = "# T\n\n## Interfaces and Dependencies\n\nx\n\n## Purpose\n\nx\n\n## Artifacts and Notes\n\nx\n";
        var finding = Validate.Text(text).Single(d => d.Id == "EXP006");
        Assert.Contains("after 'Artifacts and Notes' (line 11)", finding.Message);
    }

    [Fact]
    public void Front_matter_status_is_metadata_that_stands_in_for_the_status_line()
    {
        var findings = Validate.Text("---\nstatus: active\n---\n" + Plan.Replace("Status: DRAFT\n\n", ""));
        Assert.DoesNotContain(findings, d => d.Id is "EXP010" or "EXP011");
    }

    [Fact]
    public void The_status_line_wins_over_front_matter()
    {
        var plan = PlanParser.Parse("---\nstatus: active\n---\n" + Plan, "plan.md");
        Assert.NotNull(plan.Status);
        Assert.False(plan.Status!.IsFrontMatter);
        Assert.Equal("DRAFT", plan.Status.RawValue);
    }

    [Fact]
    public void A_fenced_plan_after_front_matter_is_checked_like_any_plan()
    {
        var plan = PlanParser.Parse("---\nowner: ana\n---\n\n```md\n" + Plan + "```\n\nRevision note: first draft.\n", "plan.md");
        Assert.NotNull(plan.OuterFence);
        Assert.Equal("Import orders", plan.Title?.Text);
        Assert.Equal("DRAFT", plan.Status?.RawValue);
        Assert.Contains(plan.Sections, s => s.Kind == Model.SectionKind.Progress);
        Assert.Single(plan.ProgressItems);
    }

    [Fact]
    public void A_plan_without_any_heading_anchors_on_its_first_non_blank_line()
    {
        var finding = Validate.Text("\n\n   Some notes, no headings.  \n").First(d => d.Id == "EXP001");
        Assert.Equal((3, 4, 3, 28), (finding.Span.StartLine, finding.Span.StartColumn, finding.Span.EndLine, finding.Span.EndColumn));
    }

    [Fact]
    public void A_looser_heading_never_steals_a_section_nor_repeats_it()
    {
        var plan = PlanParser.Parse("# T\n\n## Validation and Acceptance\n\nx\n\n## Milestone 2: Validation\n\ny\n", "plan.md");
        var validation = plan.Sections.Where(s => s.Kind == Model.SectionKind.Validation).ToList();
        Assert.Single(validation);
        Assert.Equal("Validation and Acceptance", validation[0].Heading.Text);
    }
}
