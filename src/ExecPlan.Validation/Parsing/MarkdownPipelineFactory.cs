namespace ExecPlan.Validation.Parsing;

using Markdig;

/// <summary>The one Markdig pipeline every plan is parsed with. Pipelines are immutable and
/// thread-safe once built, so one instance serves all builds and threads.</summary>
public static class MarkdownPipelineFactory
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseTaskLists()
        .UsePipeTables()
        .UseYamlFrontMatter()
        .Build();

    /// <summary>The extension of <see cref="PlanPipeline"/>, whose inline parsers parse what it left for later
    /// (declared before the pipeline: static initialisers run in order).</summary>
    internal static DeferredInlines PlanInlines { get; } = new();

    /// <summary>The pipeline plans are validated with: <see cref="Pipeline"/>, with the inline
    /// pass left out for the paragraphs whose inlines no rule reads (<see cref="DeferredInlines"/>).
    /// The blocks, and every inline a rule reads, are those <see cref="Pipeline"/> gives.</summary>
    internal static MarkdownPipeline PlanPipeline { get; } = BuildPlanPipeline();

    private static MarkdownPipeline BuildPlanPipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .UseTaskLists()
            .UsePipeTables()
            .UseYamlFrontMatter();
        builder.Extensions.Add(PlanInlines);
        var pipeline = builder.Build();
        PlanInlines.Prepare();
        return pipeline;
    }
}
