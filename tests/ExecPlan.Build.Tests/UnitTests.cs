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
            "100% odd\ttext with spaces\nand lines, \u00e9\u4e2d", "https://example.test/EXP021.md");
        cache.Put("/p/x.md", "hash1", "key1", 10, 100, new[] { diagnostic });
        cache.Put("/p/empty.md", "hash2", "key2", 20, 200, Array.Empty<PlanDiagnostic>());
        cache.Save(_file);

        var loaded = ValidationCache.Load(_file);

        Assert.Null(loaded.TryGet("/p/x.md", "hash1", "other-key", 10, 100));
        Assert.Null(loaded.TryGet("/p/x.md", "other-hash", "key1", 10, 100));
        var hit = loaded.TryGet("/p/x.md", "hash1", "key1", 10, 100);
        Assert.NotNull(hit);
        Assert.Equal(diagnostic, Assert.Single(hit));
        Assert.Empty(loaded.TryGet("/p/empty.md", "hash2", "key2", 20, 200)!);
        Assert.Equal(2, loaded.Hits);
    }

    [Fact]
    public void The_stamp_decides_without_the_content_and_a_changed_stamp_needs_the_hash()
    {
        var cache = ValidationCache.Load(_file);
        cache.Put("/p/x.md", "hash1", "key1", 10, 100, Array.Empty<PlanDiagnostic>());
        cache.Save(_file);

        var loaded = ValidationCache.Load(_file);
        Assert.NotNull(loaded.TryGetByStamp("/p/x.md", 10, 100, "key1"));
        Assert.Null(loaded.TryGetByStamp("/p/x.md", 11, 100, "key1"));
        Assert.Null(loaded.TryGetByStamp("/p/x.md", 10, 101, "key1"));
        Assert.Null(loaded.TryGetByStamp("/p/x.md", 10, 100, "key2"));

        // Touched but not edited: the hash hits and the new stamp is remembered.
        Assert.NotNull(loaded.TryGet("/p/x.md", "hash1", "key1", 10, 101));
        loaded.Save(_file);
        Assert.NotNull(ValidationCache.Load(_file).TryGetByStamp("/p/x.md", 10, 101, "key1"));
    }

    [Fact]
    public void An_unchanged_cache_is_not_written_again()
    {
        var cache = ValidationCache.Load(_file);
        cache.Put("/p/x.md", "hash1", "key1", 10, 100, Array.Empty<PlanDiagnostic>());
        cache.Save(_file);
        var written = File.GetLastWriteTimeUtc(_file);
        File.SetLastWriteTimeUtc(_file, written.AddHours(-1));

        var loaded = ValidationCache.Load(_file);
        Assert.NotNull(loaded.TryGetByStamp("/p/x.md", 10, 100, "key1"));
        loaded.Save(_file);

        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(_file));
    }

    [Fact]
    public void A_corrupt_or_foreign_file_is_an_empty_cache()
    {
        File.WriteAllText(_file, "ExecPlanValidationCache 2\nF onlytwo\n");

        Assert.Null(ValidationCache.Load(_file).TryGet("onlytwo", "x", "y", 0, 0));
    }

    [Fact]
    public void A_truncated_or_altered_cache_is_ignored_whole_never_an_error()
    {
        var cache = ValidationCache.Load(_file);
        cache.Put("/p/x.md", "hash1", "key1", 10, 100, new[]
        {
            new PlanDiagnostic("EXP021", RuleSeverity.Warning, "/p/x.md", new SourceSpan(1, 1, 1, 2), "m", "u"),
        });
        cache.Save(_file);
        var bytes = File.ReadAllBytes(_file);
        Assert.NotNull(ValidationCache.Load(_file).TryGetByStamp("/p/x.md", 10, 100, "key1"));

        for (var cut = 0; cut < bytes.Length; cut += 7)
        {
            File.WriteAllBytes(_file, bytes[..cut]);
            Assert.Null(ValidationCache.Load(_file).TryGetByStamp("/p/x.md", 10, 100, "key1"));
        }

        var altered = (byte[])bytes.Clone();
        altered[^3] ^= 0x20;
        File.WriteAllBytes(_file, altered);
        Assert.Null(ValidationCache.Load(_file).TryGetByStamp("/p/x.md", 10, 100, "key1"));
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

public sealed class NoOpTaskRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("execplan-noop-").FullName;

    public NoOpTaskRunTests() => MSBuildRegistration.Ensure();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (FakeEngine Engine, string Summary) Run(string plan, string cache)
    {
        var engine = new FakeEngine();
        var task = new ValidateExecPlans
        {
            BuildEngine = engine,
            Files = [new Microsoft.Build.Utilities.TaskItem(plan, new System.Collections.Generic.Dictionary<string, string> { ["ExecPlan"] = "true" })],
            CacheFile = cache,
        };
        task.Execute();
        return (engine, System.Linq.Enumerable.Single(engine.Messages, m => m.Contains("plan(s) checked", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_unchanged_plan_is_decided_by_its_stamp_a_touched_one_by_its_hash_and_findings_come_every_time()
    {
        var plan = Path.Combine(_dir, "plan.md");
        File.WriteAllText(plan, "# Title only\n");
        var cache = Path.Combine(_dir, "obj", "execplan.cache");

        var (first, firstSummary) = Run(plan, cache);
        Assert.Contains("1 validated, 0 reused", firstSummary, StringComparison.Ordinal);
        var expected = first.Errors.Count;
        Assert.NotEqual(0, expected);

        var (second, secondSummary) = Run(plan, cache);
        Assert.Contains("0 validated, 1 reused from cache (1 unread", secondSummary, StringComparison.Ordinal);
        Assert.Equal(expected, second.Errors.Count);

        File.SetLastWriteTimeUtc(plan, File.GetLastWriteTimeUtc(plan).AddMinutes(1));
        var (third, thirdSummary) = Run(plan, cache);
        Assert.Contains("0 validated, 1 reused from cache (0 unread", thirdSummary, StringComparison.Ordinal);
        Assert.Equal(expected, third.Errors.Count);

        // Same length, new content, stamp restored: only a stamp-faking edit could fool it; a real edit changes the time.
        File.WriteAllText(plan, "# Title onlx\n");
        var (_, fourthSummary) = Run(plan, cache);
        Assert.Contains("1 validated", fourthSummary, StringComparison.Ordinal);
    }
}
