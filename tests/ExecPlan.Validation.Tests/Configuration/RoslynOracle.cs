namespace ExecPlan.Validation.Tests.Configuration;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// What the C# compiler does with the same config files. Configs are handed to Roslyn the way the SDK
/// hands them to csc: every existing .editorconfig in the plan's directory and all its ancestors (Roslyn
/// itself applies root = true), plus the global config files. Two views:
/// <list type="bullet">
/// <item><description><see cref="IdSeverities"/>: <c>AnalyzerConfigSet.GetOptionsForSourcePath(path).TreeOptions</c>, falling back to
/// <c>GlobalConfigOptions.TreeOptions</c> (the unnamed global section) - the per-ID keys only;</description></item>
/// <item><description><see cref="EffectiveSeverities"/>: a real analyzer run. A C# syntax tree is given the plan's path, the
/// compilation gets the config set's tree options, and an analyzer with the EXP descriptors (category ExecPlan)
/// reports every rule on it; the severities the compiler's diagnostic filter and analyzer driver give back include
/// the category and bulk keys.</description></item>
/// </list>
/// </summary>
internal static class RoslynOracle
{
    public static IReadOnlyList<string> DiscoverEditorConfigs(string planPath)
    {
        var found = new List<string>();
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(planPath)!); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, ".editorconfig");
            if (File.Exists(candidate))
            {
                found.Add(candidate);
            }
        }

        return found;
    }

    public static AnalyzerConfigSet CreateSet(string planPath, IEnumerable<string> globalConfigs)
    {
        var configs = DiscoverEditorConfigs(planPath)
            .Concat(globalConfigs)
            .Select(p => AnalyzerConfig.Parse(File.ReadAllText(p), p))
            .ToList();
        return AnalyzerConfigSet.Create(configs, out _);
    }

    /// <summary>Per-ID keys only: rule ID to severity, for the rules that have one.</summary>
    public static Dictionary<string, RuleSeverity> IdSeverities(string planPath, IEnumerable<string> globalConfigs)
    {
        var set = CreateSet(planPath, globalConfigs);
        var tree = set.GetOptionsForSourcePath(planPath).TreeOptions;
        var global = set.GlobalConfigOptions.TreeOptions;
        var result = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in RuleCatalog.All)
        {
            if (tree.TryGetValue(rule.Id, out var report) || global.TryGetValue(rule.Id, out report))
            {
                result[rule.Id] = report == ReportDiagnostic.Default ? rule.DefaultSeverity : FromReport(report);
            }
        }

        return result;
    }

    /// <summary>The severity every rule ends up with (None when suppressed) after a real analyzer run.</summary>
    public static Dictionary<string, RuleSeverity> EffectiveSeverities(string planPath, IEnumerable<string> globalConfigs)
    {
        var set = CreateSet(planPath, globalConfigs);
        var fileOptions = set.GetOptionsForSourcePath(planPath);
        var globalOptions = set.GlobalConfigOptions;

        var tree = CSharpSyntaxTree.ParseText("class C { }", path: planPath);
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSyntaxTreeOptionsProvider(new TreeOptionsProvider(tree, fileOptions.TreeOptions, globalOptions.TreeOptions));
        var compilation = CSharpCompilation.Create("Oracle", new[] { tree }, Array.Empty<MetadataReference>(), compilationOptions);
        var analyzerOptions = new AnalyzerOptions(
            ImmutableArray<AdditionalText>.Empty,
            new OptionsProvider(tree, fileOptions.AnalyzerOptions, globalOptions.AnalyzerOptions));
        var analyzer = new EveryRuleAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), analyzerOptions);
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();

        var result = RuleCatalog.All.ToDictionary(r => r.Id, _ => RuleSeverity.None, StringComparer.OrdinalIgnoreCase);
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.IsSuppressed && result.ContainsKey(diagnostic.Id))
            {
                result[diagnostic.Id] = diagnostic.Severity switch
                {
                    DiagnosticSeverity.Error => RuleSeverity.Error,
                    DiagnosticSeverity.Warning => RuleSeverity.Warning,
                    DiagnosticSeverity.Info => RuleSeverity.Suggestion,
                    _ => RuleSeverity.Silent,
                };
            }
        }

        return result;
    }

    private static RuleSeverity FromReport(ReportDiagnostic report) => report switch
    {
        ReportDiagnostic.Error => RuleSeverity.Error,
        ReportDiagnostic.Warn => RuleSeverity.Warning,
        ReportDiagnostic.Info => RuleSeverity.Suggestion,
        ReportDiagnostic.Hidden => RuleSeverity.Silent,
        ReportDiagnostic.Suppress => RuleSeverity.None,
        _ => throw new ArgumentOutOfRangeException(nameof(report)),
    };

    private static DiagnosticSeverity ToDescriptorSeverity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Error,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        RuleSeverity.Suggestion => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };

#pragma warning disable RS1001 // an in-process test analyzer: it is never loaded by a compiler
    private sealed class EveryRuleAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        private static readonly ImmutableArray<DiagnosticDescriptor> Descriptors = RuleCatalog.All
            .Select(r => new DiagnosticDescriptor(
                r.Id,
                r.Title,
                r.Title,
                r.Category,
                ToDescriptorSeverity(r.DefaultSeverity),
                isEnabledByDefault: r.DefaultSeverity != RuleSeverity.None))
            .ToImmutableArray();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxTreeAction(c =>
            {
                foreach (var descriptor in Descriptors)
                {
                    c.ReportDiagnostic(Diagnostic.Create(descriptor, Location.Create(c.Tree, default)));
                }
            });
        }
    }

    private sealed class TreeOptionsProvider : SyntaxTreeOptionsProvider
    {
        private readonly SyntaxTree _tree;
        private readonly ImmutableDictionary<string, ReportDiagnostic> _treeOptions;
        private readonly ImmutableDictionary<string, ReportDiagnostic> _globalOptions;

        public TreeOptionsProvider(SyntaxTree tree, ImmutableDictionary<string, ReportDiagnostic> treeOptions, ImmutableDictionary<string, ReportDiagnostic> globalOptions)
        {
            this._tree = tree;
            this._treeOptions = treeOptions;
            this._globalOptions = globalOptions;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return tree == this._tree && this._treeOptions.TryGetValue(diagnosticId, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => this._globalOptions.TryGetValue(diagnosticId, out severity);
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly SyntaxTree _tree;
        private readonly DictionaryOptions _fileOptions;

        public OptionsProvider(SyntaxTree tree, ImmutableDictionary<string, string> fileOptions, ImmutableDictionary<string, string> globalOptions)
        {
            this._tree = tree;
            this._fileOptions = new DictionaryOptions(fileOptions);
            this.GlobalOptions = new DictionaryOptions(globalOptions);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => tree == this._tree ? this._fileOptions : this.GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => this.GlobalOptions;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _options;

        public DictionaryOptions(ImmutableDictionary<string, string> options) => this._options = options;

        public override bool TryGetValue(string key, out string value)
        {
            if (this._options.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}
