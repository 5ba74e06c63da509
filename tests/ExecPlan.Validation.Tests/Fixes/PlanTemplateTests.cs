namespace ExecPlan.Validation.Tests.Fixes;

using System;
using System.Linq;
using ExecPlan.Validation.Authoring;
using ExecPlan.Validation.Fixes;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Settings;

public class PlanTemplateTests
{
    private static readonly string[] PlaceholderRules = ["EXP040", "EXP042", "EXP043"];

    [Theory]
    [InlineData(PlanProfile.Skill)]
    [InlineData(PlanProfile.Classic)]
    public void New_plan_reports_only_what_the_author_must_write(PlanProfile profile)
    {
        var text = PlanTemplate.Create("Add a health endpoint", profile, "\n", "PLANS.md");
        var diagnostics = Validate.Text(text, profile, FakeRepository.Standard);
        Assert.All(diagnostics, d => Assert.Contains(d.Id, PlaceholderRules));

        // Every section that is not a 'None yet.' log holds a placeholder the author must replace.
        var plan = PlanParser.Parse(text, "plan.md");
        var placeholderLines = diagnostics.Where(d => d.Id == "EXP040").Select(d => d.Span.StartLine).ToHashSet();
        foreach (var section in plan.Sections.Where(s => s.Kind is not (SectionKind.Surprises or SectionKind.DecisionLog)))
        {
            Assert.Contains(section.Blocks.Select(b => plan.SpanOf(b).StartLine), placeholderLines.Contains);
        }
    }

    [Theory]
    [InlineData(PlanProfile.Skill, 15)]
    [InlineData(PlanProfile.Classic, 12)]
    public void New_plan_has_every_section_in_skeleton_order_and_needs_no_fix(PlanProfile profile, int sections)
    {
        var text = PlanTemplate.Create("Title", profile);
        var plan = PlanParser.Parse(text, "plan.md");
        Assert.Equal("Title", plan.Title?.Text);
        Assert.Equal(PlanStatusValue.Draft, plan.Status?.Value);
        Assert.Equal(sections, plan.Sections.Count);
        Assert.Equal(SectionCatalog.SkeletonOrder.Where(plan.Sections.Select(s => s.Kind).Contains), plan.Sections.Select(s => s.Kind));
        Assert.Empty(PlanFixer.ComputeFixes(text, new ValidationSettings { Profile = profile }));
        Assert.DoesNotContain("Revision", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Notice_names_the_living_sections_of_the_profile()
    {
        Assert.Contains("The sections `Progress`, `Surprises & Discoveries`, `Decision Log`, and `Outcomes & Retrospective` must be kept up to date",
            PlanTemplate.Create("T", PlanProfile.Classic), StringComparison.Ordinal);
        Assert.Contains("`Constraints`, `Tolerances`, `Risks`, `Progress`",
            PlanTemplate.Create("T", PlanProfile.Skill), StringComparison.Ordinal);
    }

    [Fact]
    public void Line_breaks_follow_the_request()
    {
        var text = PlanTemplate.Create("T", PlanProfile.Skill, "\r\n");
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PlanTemplate.Create("  ", PlanProfile.Skill));
    }
}
