namespace ExecPlan.Validation.Tests;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;

/// <summary>Status values are folded without a regex: case, a trailing period, '-' and '_' and
/// runs of white space forgiven, nothing else.</summary>
public class StatusValueTests
{
    [Theory]
    [InlineData("IN PROGRESS", PlanStatusValue.InProgress)]
    [InlineData("in-progress", PlanStatusValue.InProgress)]
    [InlineData("  In _ Progress. ", PlanStatusValue.InProgress)]
    [InlineData("IN\u00A0\tPROGRESS", PlanStatusValue.InProgress)]
    [InlineData("draft.", PlanStatusValue.Draft)]
    [InlineData("_Complete_", PlanStatusValue.Complete)]
    [InlineData("INPROGRESS", null)]
    [InlineData("in progress x", null)]
    [InlineData("", null)]
    public void Values_fold_case_separators_and_white_space(string raw, PlanStatusValue? expected)
    {
        Assert.Equal(expected, StatusReader.ParseValue(raw));
    }
}
