namespace ExecPlan.Benchmarks;

using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ExecPlan.Validation;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Settings;
using Markdig;

/// <summary>
/// Bare Markdig parse with the library's pipeline (the floor) against full validation with each
/// profile, over the same in-memory plans. Targets: validation within 1.5x of the parse in time
/// and in allocations. Each validation reads every finding's message, as every front end does. The sets are <c>EXECPLAN_BENCH_SETS</c>
/// (comma-separated, e.g. <c>Real,Typical10K</c>) or, without it, the five below.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private static readonly PlanValidator Skill = new(new ValidationSettings { Profile = PlanProfile.Skill });
    private static readonly PlanValidator Classic = new(new ValidationSettings { Profile = PlanProfile.Classic });

    private IReadOnlyList<PlanText> _plans = [];

    [ParamsSource(nameof(Sets))]
    public string Set { get; set; } = "Corpus1000";

    public static IEnumerable<string> Sets =>
        Environment.GetEnvironmentVariable("EXECPLAN_BENCH_SETS") is { Length: > 0 } sets
            ? sets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : ["Corpus1000", "Small2K", "Typical10K", "Large50K", "Huge5M"];

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
    public int ValidateSkill() => Validate(Skill);

    [Benchmark]
    public int ValidateClassic() => Validate(Classic);

    /// <summary>The job of <c>--filter</c> runs: one process, 3 warm-up and 8 measured iterations.</summary>
    public static IConfig DefaultConfig() =>
        BenchmarkDotNet.Configs.DefaultConfig.Instance.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(8).AsDefault());

    /// <summary>The short job bench/compare.sh runs (a few minutes): in process (no generated
    /// project to build), 2 warm-up and 6 measured iterations.</summary>
    public static IConfig ShortConfig(string artifacts) =>
        ManualConfig.CreateMinimumViable()
            .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(6).WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
            .AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub)
            .WithArtifactsPath(artifacts);

    private int Validate(PlanValidator validator)
    {
        var length = 0;
        foreach (var plan in _plans)
        {
            length += MessageLength(validator.Validate(plan.Text, plan.Name));
        }

        return length;
    }

    /// <summary>Reads every message (what a front end does with the findings).</summary>
    internal static int MessageLength(IReadOnlyList<PlanDiagnostic> diagnostics)
    {
        var length = 0;
        foreach (var diagnostic in diagnostics)
        {
            length += diagnostic.Message.Length;
        }

        return length;
    }
}

/// <summary>Start-up costs the CLI pays once per process: rule discovery by reflection and the pipeline.</summary>
[MemoryDiagnoser]
public class StartupBenchmarks
{
    [Benchmark]
    public int DiscoverRulesByReflection() => RuleDiscovery.ByReflection().Count;
}
