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
}
