namespace ExecPlan.Analyzers;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ExecPlan.Validation;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Profiles;
using ExecPlan.Validation.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

/// <summary>
/// Reports ExecPlan diagnostics for plan AdditionalFiles through the same library as the MSBuild
/// task. It runs where the build says so (by default only in design-time builds, i.e. live in
/// the IDE); in command-line builds the task reports, so each finding appears once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class ExecPlanAnalyzer : DiagnosticAnalyzer
{
    // A plan's diagnostics as reported, by file and settings (see ResultCache).
    private static readonly ResultCache<Diagnostic[]> Results = new();

    // Built when the host creates the analyzer (as before), not on its first analysis.
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RoslynDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterAdditionalFileAction(AnalyzeAdditionalFile);
    }

    internal static DiagnosticSeverity? ToRoslyn(RuleSeverity severity) => RoslynDescriptors.ToRoslyn(severity);

    private static void AnalyzeAdditionalFile(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        try
        {
            var provider = context.Options.AnalyzerConfigOptionsProvider;
            if (!file.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || !AnalyzerSettings.IsEnabled(provider.GlobalOptions))
            {
                return;
            }

            var settings = AnalyzerSettings.Read(provider.GlobalOptions, provider.GetOptions(file));
            var text = file.GetText(context.CancellationToken);
            if (text is null)
            {
                Report(context, RoslynDescriptors.Create(file.Path, null, new PlanDiagnostic("EXP000", settings.Validation.SeverityOf(RuleCatalog.EXP000), file.Path,
                    SourceSpan.FileStart, RuleCatalog.EXP000.FormatMessage("the plan file cannot be read."), RuleCatalog.EXP000.HelpUri)));
                return;
            }

            var plans = PlansFiles.Find(context, provider);
            if (plans is not null && string.Equals(plans.Value.File.Path, file.Path, StringComparison.Ordinal))
            {
                // The repository's PLANS.md itself: EXP060 when it has no skeleton (auto only).
                var found = settings.Validator.ValidatePlansFile(plans.Value.Derivation, file.Path);
                Report(context, found.Count == 0 ? [] : RoslynDescriptors.Create(file.Path, text.ToString(), found));
                return;
            }

            settings = settings.WithPlansProfile(plans?.Derivation.Profile);
            if (!Results.TryGet(file.Path, settings.ResultKey, text, out var diagnostics))
            {
                var content = text.ToString();

                // The library decides, as for the task's bytes: size limit, bad bytes, encoding.
                diagnostics = settings.IsPlan ?? PlanDiscovery.DeclaresItself(content)
                    ? RoslynDescriptors.Create(file.Path, content, settings.Validator.ValidateDecoded(content, file.Path, text.Encoding))
                    : [];
                Results.Store(file.Path, settings.ResultKey, text, diagnostics);
            }

            Report(context, diagnostics);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // An analyzer must never throw (AD0001): the failure becomes EXP000.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Report(context, RoslynDescriptors.Create(file.Path, null, new PlanDiagnostic("EXP000", RuleSeverity.Error, file.Path, SourceSpan.FileStart,
                "ExecPlan validation failed internally (" + ex.GetType().Name + ": " + ex.Message + "); please report it.", RuleCatalog.EXP000.HelpUri)));
        }
    }

    private static void Report(AdditionalFileAnalysisContext context, Diagnostic[] diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}
