namespace ExecPlan.Benchmarks;

using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ExecPlan.Validation;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Settings;
using Markdig;

/// <summary>
/// Bare Markdig parse with the library's pipeline (the floor) against full validation with each
/// profile, over the same in-memory plans. Targets: validation within 1.5x of the parse in time
/// and in allocations.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class ValidationBenchmarks
{
    private static readonly PlanValidator Skill = new(new ValidationSettings { Profile = PlanProfile.Skill });
    private static readonly PlanValidator Classic = new(new ValidationSettings { Profile = PlanProfile.Classic });

    private IReadOnlyList<PlanText> _plans = [];

    [Params("Corpus1000", "Small2K", "Typical10K", "Large50K", "Huge5M")]
    public string Set { get; set; } = "Corpus1000";

    [GlobalSetup]
    public void Setup() => _plans = PlanCorpus.Set(Set);

    [Benchmark(Baseline = true)]
    public int MarkdigParse()
    {
        var blocks = 0;
        foreach (var plan in _plans)
        {
            blocks += Markdown.Parse(plan.Text, MarkdownPipelineFactory.Pipeline).Count;
        }

        return blocks;
    }

    [Benchmark]
    public int ValidateSkill()
    {
        var count = 0;
        foreach (var plan in _plans)
        {
            count += Skill.Validate(plan.Text, plan.Name).Count;
        }

        return count;
    }

    [Benchmark]
    public int ValidateClassic()
    {
        var count = 0;
        foreach (var plan in _plans)
        {
            count += Classic.Validate(plan.Text, plan.Name).Count;
        }

        return count;
    }
}

/// <summary>Start-up costs the CLI pays once per process: rule discovery by reflection and the pipeline.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class StartupBenchmarks
{
    [Benchmark]
    public int DiscoverRulesByReflection() => RuleDiscovery.ByReflection().Count;
}
