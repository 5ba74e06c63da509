namespace ExecPlan.Validation.Tests.Discovery;

using ExecPlan.Validation;
using Xunit;

public sealed class PlanDiscoveryTests
{
    [Theory]
    [InlineData("# Add caching\n\nThis ExecPlan is a living document.", true)]
    [InlineData("# Notes\n\nA living   document, kept up to date.", true)]
    [InlineData("# exec plan for the parser", true)]
    [InlineData("# Release notes\n\nNothing here declares anything.", false)]
    [InlineData("", false)]
    public void A_plan_declares_itself_in_its_first_characters(string text, bool expected) =>
        Assert.Equal(expected, PlanDiscovery.DeclaresItself(text));

    [Fact]
    public void Only_the_first_sniff_length_characters_count()
    {
        // Ends exactly at the boundary: seen.
        Assert.True(PlanDiscovery.DeclaresItself(new string('x', PlanDiscovery.SniffLength - 8) + "ExecPlan"));
        // Straddling it ("Exec" inside, "Plan" outside): not seen.
        Assert.False(PlanDiscovery.DeclaresItself(new string('x', PlanDiscovery.SniffLength - 4) + "ExecPlan"));
        // Wholly past it.
        Assert.False(PlanDiscovery.DeclaresItself(new string('x', PlanDiscovery.SniffLength) + "ExecPlan"));
    }
}
