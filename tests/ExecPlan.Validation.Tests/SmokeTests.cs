namespace ExecPlan.Validation.Tests;

using ExecPlan.Validation.Rules;

public class SmokeTests
{
    [Fact]
    public void Catalog_lists_every_rule_of_the_spec()
    {
        Assert.Equal(32, RuleCatalog.All.Count);
    }
}
