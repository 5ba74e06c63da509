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

    /// <summary>The real plans corpus shared with CI, next to the repository.</summary>
    public static string Corpus
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "corpus", "real");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("shared/corpus/real was not found above " + AppContext.BaseDirectory);
        }
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
