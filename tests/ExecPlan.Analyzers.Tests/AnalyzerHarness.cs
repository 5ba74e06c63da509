namespace ExecPlan.Analyzers.Tests;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

/// <summary>Runs the analyzer inside a real Roslyn compilation with additional files and analyzer
/// config options, the way the compiler and the IDE host it.</summary>
internal static class AnalyzerHarness
{
    public static Task<ImmutableArray<Diagnostic>> RunAsync(
        IEnumerable<(string Path, string Text)> files,
        IReadOnlyDictionary<string, string>? globalOptions = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileOptions = null) =>
        RunAsync(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)), globalOptions, fileOptions);

    /// <summary>Runs over ready-made additional texts (e.g. decoded from bytes the way a host does).</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(
        IEnumerable<AdditionalText> texts,
        IReadOnlyDictionary<string, string>? globalOptions = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileOptions = null)
    {
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("class C { }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var additional = texts.ToImmutableArray();
        var provider = new DictionaryOptionsProvider(globalOptions ?? new Dictionary<string, string>(), fileOptions ?? new Dictionary<string, IReadOnlyDictionary<string, string>>());
        var options = new AnalyzerOptions(additional, provider);
        var withAnalyzers = compilation.WithAnalyzers([new ExecPlanAnalyzer()], new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var all = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);
        return all.Where(d => d.Id.StartsWith("EXP", System.StringComparison.Ordinal) || d.Id == "AD0001").OrderBy(d => d.Location.GetLineSpan().StartLinePosition).ToImmutableArray();
    }

    private sealed class InMemoryAdditionalText(string path, string? text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) => text is null ? null : SourceText.From(text);
    }

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            if (values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }

    private sealed class DictionaryOptionsProvider(
        IReadOnlyDictionary<string, string> global,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> perFile) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new DictionaryOptions(perFile.TryGetValue(textFile.Path, out var values) ? values : new Dictionary<string, string>());
    }
}
