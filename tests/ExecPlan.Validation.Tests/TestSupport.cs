namespace ExecPlan.Validation.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Settings;

/// <summary>A repository that exists only in memory, so rule tests need no disk layout.</summary>
internal sealed class FakeRepository : IRepositoryView
{
    private readonly HashSet<string> _paths;

    public FakeRepository(string? plansFile, params string[] files)
    {
        PlansFile = plansFile;
        _paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files.Concat(plansFile is null ? [] : [plansFile]))
        {
            var parts = file.Split('/');
            for (var i = 1; i <= parts.Length; i++)
            {
                _paths.Add(string.Join('/', parts.Take(i)));
            }
        }
    }

    /// <summary>The repository every fixture is validated against.</summary>
    public static FakeRepository Standard { get; } = new(
        "PLANS.md",
        "src/Orders.Api/Program.cs",
        "src/Orders.Infrastructure/OrdersDbContext.cs",
        "tests/Orders.Api.Tests/OrdersTests.cs",
        "docs/plans/README.md");

    public string? PlansFile { get; }

    public bool Exists(string relativePath) => _paths.Contains(relativePath.TrimEnd('/'));
}

internal static class TestPaths
{
    /// <summary>The folder of fixtures copied beside the test assembly.</summary>
    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>Why corpus tests skip on a machine without the corpus (a fresh clone).</summary>
    public const string CorpusMissing =
        "the real-plan corpus was not found: set EXECPLAN_CORPUS to its folder, or place shared/corpus/real beside the repository (CI has it)";

    /// <summary>
    /// The real plans corpus (shared with CI, never copied here): <c>EXECPLAN_CORPUS</c> if set,
    /// else <c>shared/corpus/real</c> in a folder at or above the test assembly; null when absent.
    /// </summary>
    public static string? CorpusOrNull { get; } = FindCorpus();

    /// <summary>
    /// The corpus folder, or a dynamic skip with <see cref="CorpusMissing"/>. CI sets
    /// <c>EXECPLAN_REQUIRE_CORPUS=1</c>, where a missing corpus fails instead of skipping.
    /// </summary>
    public static string Corpus
    {
        get
        {
            if (CorpusOrNull is { } found)
            {
                return found;
            }

            if (Environment.GetEnvironmentVariable("EXECPLAN_REQUIRE_CORPUS") == "1")
            {
                throw new DirectoryNotFoundException("EXECPLAN_REQUIRE_CORPUS=1 but " + CorpusMissing);
            }

            throw new SkipException(CorpusMissing);
        }
    }

    /// <summary>
    /// Corpus plan names for a theory (the corpus's own README describes it and is no plan); one
    /// placeholder row (which then skips) when the corpus is absent.
    /// </summary>
    public static IEnumerable<string> CorpusFileNames() => CorpusOrNull is null
        ? ["(corpus missing)"]
        : Directory.GetFiles(CorpusOrNull, "*.md").Select(f => Path.GetFileName(f))
            .Where(f => !string.Equals(f, "README.md", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal);

    private static string? FindCorpus()
    {
        var configured = Environment.GetEnvironmentVariable("EXECPLAN_CORPUS");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "real");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Why PLANS.md corpus tests skip on a machine without it.</summary>
    public const string PlansCorpusMissing =
        "the PLANS.md corpus was not found: set EXECPLAN_PLANS_CORPUS to its folder, or place shared/corpus/plansmd beside the repository";

    /// <summary>Real PLANS.md files (never copied here): <c>EXECPLAN_PLANS_CORPUS</c> if set, else
    /// <c>shared/corpus/plansmd</c> in a folder at or above the test assembly; null when absent.</summary>
    public static string? PlansCorpusOrNull { get; } = FindFolder("EXECPLAN_PLANS_CORPUS", "plansmd");

    /// <summary>The PLANS.md corpus folder, or a dynamic skip with <see cref="PlansCorpusMissing"/>.</summary>
    public static string PlansCorpus => PlansCorpusOrNull ?? throw new SkipException(PlansCorpusMissing);

    private static string? FindFolder(string variable, string name)
    {
        var configured = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string ReadFixture(string relative) => File.ReadAllText(Path.Combine(Fixtures, relative));
}

internal static class Validate
{
    public static IReadOnlyList<PlanDiagnostic> Text(string text, PlanProfile profile = PlanProfile.Skill, IRepositoryView? repository = null) =>
        new PlanValidator(new ValidationSettings { Profile = profile, Repository = repository }).Validate(text, "plan.md");

    /// <summary>Diagnostics as "ID line:col" strings, easy to compare and to read in a failure.</summary>
    public static List<string> Summary(IEnumerable<PlanDiagnostic> diagnostics, string? id = null) => diagnostics
        .Where(d => id is null || d.Id == id)
        .Select(d => $"{d.Id} {d.Span.StartLine}:{d.Span.StartColumn}")
        .ToList();
}
