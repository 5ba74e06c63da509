namespace ExecPlan.Analyzers.Tests;

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

/// <summary>
/// The analyzer in a Roslyn workspace (what Visual Studio, Rider and C# Dev Kit run), with the
/// project's analyzer config documents edited the way the IDE edits them, and the project
/// re-analysed after each edit.
/// </summary>
public sealed class WorkspaceSeverityTests
{
    private const string PlanPath = "/repo/plans/x.md";

    private const string Plan = "# Fix the importer\n\nThis ExecPlan is a living document.\n\nStatus: DRAFT\n\n## Progress\n\n- [ ] (2025-10-01 13:00Z) Write the failing test.\n- [x] Wrote the parser.\n";

    [Fact]
    public async Task A_globalconfig_edit_changes_EXP_severities_at_once()
    {
        using var workspace = new AdhocWorkspace();
        var (solution, config) = Project(workspace, "/repo/.globalconfig", "is_global = true\ndotnet_diagnostic.EXP021.severity = error\n");
        Assert.Equal(DiagnosticSeverity.Error, (await Exp021(solution)).Severity);

        solution = solution.WithAnalyzerConfigDocumentText(config, SourceText.From("is_global = true\ndotnet_diagnostic.EXP021.severity = none\n"));
        Assert.Null(await Exp021OrNull(solution));
    }

    /// <summary>
    /// The Roslyn limit (dotnet/roslyn#31916): .editorconfig severities apply only to diagnostics
    /// in source files, and Roslyn hands analyzers the options of an additional file without the
    /// <c>dotnet_diagnostic.*.severity</c> keys. So neither the compiler nor the analyzer can see an
    /// edited .editorconfig EXP severity until the next design-time build, where the package's
    /// targets resolve it again (ExecPlanSeverities metadata). This test pins that limit: if a
    /// Roslyn update lifts it, it fails and the analyzer can read the keys directly.
    /// </summary>
    [Fact]
    public async Task An_editorconfig_edit_is_invisible_to_additional_file_analysis_until_the_next_design_time_build()
    {
        using var workspace = new AdhocWorkspace();
        var (solution, config) = Project(workspace, "/repo/.editorconfig", "root = true\n\n[*.md]\ndotnet_diagnostic.EXP021.severity = error\nexecplan_probe = 1\n");
        var before = await Exp021(solution);

        solution = solution.WithAnalyzerConfigDocumentText(config, SourceText.From("root = true\n\n[*.md]\ndotnet_diagnostic.EXP021.severity = none\nexecplan_probe = 2\n"));
        var after = await Exp021(solution);

        // The edit reached the workspace (the non-severity key changed) ...
        var project = solution.Projects.Single();
        var options = project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(new PathOnly(PlanPath));
        Assert.True(options.TryGetValue("execplan_probe", out var probe) && probe == "2");
        // ... but the severity key is withheld from analyzers, and the compiler applies none.
        Assert.False(options.TryGetValue("dotnet_diagnostic.EXP021.severity", out _));
        Assert.Equal(DiagnosticSeverity.Warning, before.Severity);
        Assert.Equal(DiagnosticSeverity.Warning, after.Severity);
    }

    private static (Solution Solution, DocumentId Config) Project(AdhocWorkspace workspace, string configPath, string configText)
    {
        var projectId = ProjectId.CreateNewId();
        var configId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "Consumer", "Consumer", LanguageNames.CSharp, filePath: "/repo/Consumer.csproj")
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .WithMetadataReferences([MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]))
            .AddDocument(DocumentId.CreateNewId(projectId), "C.cs", SourceText.From("class C { }"), filePath: "/repo/C.cs")
            .AddAdditionalDocument(DocumentId.CreateNewId(projectId), "x.md", SourceText.From(Plan), filePath: PlanPath)
            .AddAnalyzerConfigDocument(configId, System.IO.Path.GetFileName(configPath), SourceText.From(configText), filePath: configPath)
            .AddAnalyzerReference(projectId, new AnalyzerImageReference([new ExecPlanAnalyzer()]));
        return (solution, configId);
    }

    private static async Task<Diagnostic> Exp021(Solution solution) =>
        await Exp021OrNull(solution) ?? throw new InvalidOperationException("EXP021 was not reported");

    private static async Task<Diagnostic?> Exp021OrNull(Solution solution)
    {
        var project = solution.Projects.Single();
        var compilation = (await project.GetCompilationAsync(CancellationToken.None))!;
        var analyzers = project.AnalyzerReferences.SelectMany(r => r.GetAnalyzers(project.Language)).ToImmutableArray();
        var diagnostics = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAllDiagnosticsAsync(CancellationToken.None);
        return diagnostics.SingleOrDefault(d => d.Id == "EXP021");
    }

    private sealed class PathOnly(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) => null;
    }
}
