namespace ExecPlan.Build.Tests;

using System;
using System.IO;
using ExecPlan.Build.Tasks;
using ExecPlan.Validation.Diagnostics;

public sealed class SeverityPolicyTests
{
    [Theory]
    [InlineData("EXP021", RuleSeverity.Warning, "", "", "", false, RuleSeverity.Warning)]
    [InlineData("EXP021", RuleSeverity.Warning, "1701;EXP021", "", "", false, RuleSeverity.None)]
    [InlineData("EXP001", RuleSeverity.Error, "EXP001", "", "", false, RuleSeverity.None)]
    [InlineData("EXP021", RuleSeverity.Warning, "", "NU1605,exp021", "", false, RuleSeverity.Error)]
    [InlineData("EXP021", RuleSeverity.Warning, "", "", "", true, RuleSeverity.Error)]
    [InlineData("EXP021", RuleSeverity.Warning, "", "", "EXP021", true, RuleSeverity.Warning)]
    [InlineData("EXP006", RuleSeverity.Suggestion, "", "", "", true, RuleSeverity.Suggestion)]
    [InlineData("EXP006", RuleSeverity.Silent, "", "", "", true, RuleSeverity.None)]
    public void Applies_NoWarn_then_warnings_as_errors(string id, RuleSeverity input, string noWarn, string warnAsError,
        string notAsError, bool treatAsErrors, RuleSeverity expected)
    {
        var policy = new SeverityPolicy(noWarn, warnAsError, notAsError, treatAsErrors);

        Assert.Equal(expected, policy.Apply(id, input));
    }
}

public sealed class ValidationCacheTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "execplan-cache-" + Guid.NewGuid().ToString("N") + ".cache");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Round_trips_diagnostics_with_awkward_text()
    {
        var cache = ValidationCache.Load(_file);
        var diagnostic = new PlanDiagnostic("EXP021", RuleSeverity.Warning, "/p/x.md", new SourceSpan(3, 4, 5, 6),
            "100% odd\ttext with spaces\nand lines", "https://example.test/EXP021.md");
        cache.Put("/p/x.md", "key1", new[] { diagnostic });
        cache.Put("/p/empty.md", "key2", Array.Empty<PlanDiagnostic>());
        cache.Save(_file);

        var loaded = ValidationCache.Load(_file);

        Assert.Null(loaded.TryGet("/p/x.md", "other-key"));
        var hit = loaded.TryGet("/p/x.md", "key1");
        Assert.NotNull(hit);
        Assert.Equal(diagnostic, Assert.Single(hit));
        Assert.Empty(loaded.TryGet("/p/empty.md", "key2")!);
        Assert.Equal(2, loaded.Hits);
    }

    [Fact]
    public void A_corrupt_file_is_an_empty_cache()
    {
        File.WriteAllText(_file, "ExecPlanValidationCache 1\nF onlytwo\n");

        Assert.Null(ValidationCache.Load(_file).TryGet("onlytwo", "x"));
    }
}

public sealed class PlanDetectionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("execplan-detect-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("plan.md", "# P\n\nThis ExecPlan is a living document.\n", true)]
    [InlineData("plan.md", "# P\n\nThis is a Living Document.\n", true)]
    [InlineData("notes.md", "# Notes\n\nNothing special.\n", false)]
    [InlineData("README.md", "# R\n\nWe write ExecPlans.\n", false)]
    public void Sniffs_the_top_of_the_file(string name, string text, bool expected)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);

        Assert.Equal(expected, PlanDetection.LooksLikePlan(path));
    }

    [Fact]
    public void Only_the_first_2KB_count()
    {
        var path = Path.Combine(_dir, "late.md");
        File.WriteAllText(path, "# Late\n\n" + new string('x', 3000) + "\nExecPlan\n");

        Assert.False(PlanDetection.LooksLikePlan(path));
        Assert.False(PlanDetection.LooksLikePlan(Path.Combine(_dir, "missing.md")));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData(" False ", false)]
    [InlineData("", null)]
    [InlineData("maybe", null)]
    public void Parses_the_ExecPlan_flag(string text, bool? expected) => Assert.Equal(expected, PlanDetection.ParseFlag(text));
}
