namespace ExecPlan.Validation.Tests;

using System;
using System.Linq;
using ExecPlan.Validation.Settings;

/// <summary>In-plan suppression comments: each scope, no-ID forms, unknown IDs, and the switch.</summary>
public class SuppressionTests
{
    private const string Plan = """
        # Fix the importer

        ## Progress

        - [x] First done item.
        - [x] Second done item.
        - [x] Third done item.
        """;

    private static string Summary(string text, bool inline = true) => string.Join(",", Validate.Summary(
        new PlanValidator(new ValidationSettings { Profile = PlanProfile.Classic, UseInlineSuppressions = inline }).Validate(text, "p.md"), "EXP021"));

    [Fact]
    public void Without_comments_every_item_is_reported()
    {
        Assert.Equal("EXP021 5:1,EXP021 6:1,EXP021 7:1", Summary(Plan));
    }

    [Fact]
    public void Next_line_suppresses_only_the_following_line()
    {
        var text = Plan.Replace("- [x] Second", "<!-- execplan-disable-next-line EXP021 -->\n- [x] Second", StringComparison.Ordinal);
        Assert.Equal("EXP021 5:1,EXP021 8:1", Summary(text));
    }

    [Fact]
    public void Same_line_comment_suppresses_its_line()
    {
        var text = Plan.Replace("- [x] Second done item.", "- [x] Second done item. <!-- execplan-disable-line EXP021 -->", StringComparison.Ordinal);
        Assert.Equal("EXP021 5:1,EXP021 7:1", Summary(text));
    }

    [Fact]
    public void Block_suppresses_until_enable()
    {
        var text = Plan.Replace("- [x] First", "<!-- execplan-disable EXP021 EXP040 -->\n- [x] First", StringComparison.Ordinal)
            .Replace("- [x] Third", "<!-- execplan-enable EXP021 -->\n- [x] Third", StringComparison.Ordinal);
        Assert.Equal("EXP021 9:1", Summary(text));
    }

    [Fact]
    public void Block_without_enable_runs_to_the_end_and_no_id_means_all()
    {
        var text = Plan.Replace("- [x] Second", "<!-- execplan-disable -->\n- [x] Second", StringComparison.Ordinal);
        Assert.Equal("EXP021 5:1", Summary(text));
    }

    [Fact]
    public void File_scope_suppresses_everywhere_and_only_the_named_rule()
    {
        var text = "<!-- execplan-disable-file EXP021 -->\n" + Plan;
        Assert.Equal(string.Empty, Summary(text));
        Assert.Contains(Validate.Text(text, PlanProfile.Classic), d => d.Id == "EXP001");
    }

    [Fact]
    public void Other_rules_are_not_suppressed_by_a_named_comment()
    {
        var text = "<!-- execplan-disable-file EXP040 -->\n" + Plan;
        Assert.Equal("EXP021 6:1,EXP021 7:1,EXP021 8:1", Summary(text));
    }

    [Fact]
    public void Inline_config_can_be_turned_off()
    {
        var text = "<!-- execplan-disable-file EXP021 -->\n" + Plan;
        Assert.Equal("EXP021 6:1,EXP021 7:1,EXP021 8:1", Summary(text, inline: false));
    }

    [Fact]
    public void Unknown_id_is_reported_at_the_id_and_is_not_suppressible()
    {
        var text = "<!-- execplan-disable-file EXP0211 -->\n<!-- execplan-disable -->\n" + Plan;
        var diagnostics = Validate.Text(text, PlanProfile.Classic);
        Assert.Equal(["EXP009 1:28"], Validate.Summary(diagnostics, "EXP009"));
    }

    [Fact]
    public void Many_line_suppressions_drop_exactly_their_findings_and_keep_the_order()
    {
        var items = string.Concat(Enumerable.Range(0, 300).Select(i => i % 3 == 0
            ? "- [x] Item " + i + ". <!-- execplan-disable-line EXP021 -->\n"
            : "- [x] Item " + i + ".\n"));
        var expected = string.Join(",", Enumerable.Range(0, 300).Where(i => i % 3 != 0).Select(i => "EXP021 " + (i + 5) + ":1"));

        Assert.Equal(expected, Summary("# Fix the importer\n\n## Progress\n\n" + items));
    }
}
