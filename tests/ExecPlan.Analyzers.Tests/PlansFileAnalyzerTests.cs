namespace ExecPlan.Analyzers.Tests;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

/// <summary>The analyzer under auto: the PLANS.md arrives as an AdditionalFile with
/// <c>ExecPlanPlansFile</c> metadata (no file IO), the plan follows its skeleton, and the result is
/// what the library (and so the task and the CLI) gives.</summary>
public class PlansFileAnalyzerTests
{
    private const string PlansMd = "# Plans\n\n## Skeleton\n\n    # <Title>\n\n    ## Goal\n\n    ## Milestones\n\n    ## Progress\n";

    private const string Plan = "# Export\n\nAn ExecPlan.\n\n## Goal\n\nShip it.\n\n## Progress\n\n- [ ] Start.\n";

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Options(string plansMetadata) => new()
    {
        ["/repo/plans/export.md"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ExecPlanIsPlan"] = "true" },
        ["/repo/.agent/PLANS.md"] = new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.ExecPlanIsPlan"] = "false",
            ["build_metadata.AdditionalFiles.ExecPlanPlansFile"] = plansMetadata,
        },
    };

    [Fact]
    public async Task Plans_follow_the_PLANS_md_handed_over_as_an_additional_file()
    {
        var result = await AnalyzerHarness.RunAsync([("/repo/plans/export.md", Plan), ("/repo/.agent/PLANS.md", PlansMd)], fileOptions: Options(".agent/PLANS.md"));

        var missing = Assert.Single(result, d => d.Id == "EXP001");
        Assert.StartsWith("Mandatory living section is missing: `Milestones` is required by `.agent/PLANS.md` (line 9)", missing.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(result, d => d.Id is "EXP002" or "EXP007" or "EXP010");
        Assert.DoesNotContain(result, d => d.Location.GetLineSpan().Path.EndsWith("PLANS.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_PLANS_md_without_a_skeleton_gets_EXP060_at_itself()
    {
        var result = await AnalyzerHarness.RunAsync([("/repo/plans/export.md", Plan), ("/repo/.agent/PLANS.md", "# Plans\n\nBe brief.\n")], fileOptions: Options(".agent/PLANS.md"));

        var exp060 = Assert.Single(result, d => d.Id == "EXP060");
        Assert.Equal("/repo/.agent/PLANS.md", exp060.Location.GetLineSpan().Path);
        Assert.Contains(result, d => d.Id == "EXP001" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("Constraints", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_PLANS_md_the_analyzer_is_skill()
    {
        var auto = await AnalyzerHarness.RunAsync([("/repo/plans/export.md", Plan)], fileOptions: Options(".agent/PLANS.md"));
        var skill = await AnalyzerHarness.RunAsync([("/repo/plans/export.md", Plan)],
            new Dictionary<string, string> { ["build_property.ExecPlanProfile"] = "skill" }, Options(".agent/PLANS.md"));
        Assert.Equal(skill.Select(d => d.ToString()), auto.Select(d => d.ToString()));
    }
}
