namespace ExecPlan.Cli.Tests;

using System;
using System.IO;
using System.Linq;

/// <summary>The bundled samples used by the README demo (<c>samples/plans</c>, copied next to the tests).</summary>
public sealed class SampleTests
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");

    [Fact]
    public void Good_plan_has_no_errors()
    {
        var result = CliRunner.Run(Samples, "check", "good-plan.md");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(result.OutLines, l => l.Contains(": error ", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_plan_fails_with_a_missing_living_section()
    {
        var result = CliRunner.Run(Samples, "check", "broken-plan.md");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.StartsWith("broken-plan.md(1,3,1,42): error EXP001: ", StringComparison.Ordinal)
            && l.Contains("Decision Log", StringComparison.Ordinal));
        Assert.True(result.OutLines.Select(l => l.Split(' ')[2]).Distinct().Count() >= 2, result.ToString());
    }
}
