namespace ExecPlan.Analyzers;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ExecPlan.Validation;
using ExecPlan.Validation.Diagnostics;
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
    private const int MaxCachedResults = 512;

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> Descriptors =
        RuleCatalog.All.ToImmutableDictionary(d => d.Id, ToRoslyn, StringComparer.Ordinal);

    // Results by file, checksum and settings: typing in a .cs file re-runs additional-file
    // actions, and an unchanged plan must not be parsed again.
    private static readonly ConcurrentDictionary<string, IReadOnlyList<PlanDiagnostic>> Cache = new(StringComparer.Ordinal);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        RuleCatalog.All.Select(d => Descriptors[d.Id]).ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterAdditionalFileAction(AnalyzeAdditionalFile);
    }

    internal static DiagnosticSeverity? ToRoslyn(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Error,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        RuleSeverity.Suggestion => DiagnosticSeverity.Info,
        RuleSeverity.Silent => DiagnosticSeverity.Hidden,
        _ => null,
    };

    private static DiagnosticDescriptor ToRoslyn(RuleDescriptor rule) => new(
        rule.Id,
        rule.Title,
        rule.MessageFormat,
        rule.Category,
        ToRoslyn(rule.DefaultSeverity) ?? DiagnosticSeverity.Hidden,
        isEnabledByDefault: true,
        description: rule.Description,
        helpLinkUri: rule.HelpUri);

    private static void AnalyzeAdditionalFile(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        try
        {
            var provider = context.Options.AnalyzerConfigOptionsProvider;
            var settings = AnalyzerSettings.Read(provider.GlobalOptions, provider.GetOptions(file));
            if (!settings.Enabled || !file.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var text = file.GetText(context.CancellationToken);
            if (text is null)
            {
                Report(context, null, new PlanDiagnostic("EXP000", settings.Validation.SeverityOf(RuleCatalog.EXP000), file.Path,
                    SourceSpan.FileStart, RuleCatalog.EXP000.FormatMessage("the plan file cannot be read."), RuleCatalog.EXP000.HelpUri));
                return;
            }

            var plans = FindPlansFile(context, provider);
            if (plans is not null && string.Equals(plans.Value.File.Path, file.Path, StringComparison.Ordinal))
            {
                // The repository's PLANS.md itself: EXP060 when it has no skeleton (auto only).
                foreach (var diagnostic in new PlanValidator(settings.Validation).ValidatePlansFile(plans.Value.Derivation, file.Path))
                {
                    Report(context, text, diagnostic);
                }

                return;
            }

            settings = settings.WithPlansProfile(plans?.Derivation.Profile);

            // The key needs no copy of the text: an unchanged plan (a .cs edit re-runs every
            // additional-file action) costs a checksum and a lookup, not a string and a parse.
            var isPlan = settings.IsPlan;
            var key = file.Path + "|" + Convert.ToBase64String(text.GetChecksum().ToArray()) + "|" + text.Encoding?.CodePage + "|" +
                (isPlan is null ? "?" : isPlan.Value ? "1" : "0") + "|" + settings.Key;
            if (!Cache.TryGetValue(key, out var diagnostics))
            {
                var content = text.ToString();

                // The library decides, as for the task's bytes: size limit, bad bytes, encoding.
                diagnostics = isPlan ?? PlanDiscovery.DeclaresItself(content)
                    ? new PlanValidator(settings.Validation).ValidateDecoded(content, file.Path, text.Encoding)
                    : Array.Empty<PlanDiagnostic>();
                if (Cache.Count >= MaxCachedResults)
                {
                    Cache.Clear();
                }

                Cache[key] = diagnostics;
            }

            foreach (var diagnostic in diagnostics)
            {
                Report(context, text, diagnostic);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // An analyzer must never throw (AD0001): the failure becomes EXP000.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Report(context, null, new PlanDiagnostic("EXP000", RuleSeverity.Error, file.Path, SourceSpan.FileStart,
                "ExecPlan validation failed internally (" + ex.GetType().Name + ": " + ex.Message + "); please report it.", RuleCatalog.EXP000.HelpUri));
        }
    }

    private static readonly ConcurrentDictionary<string, ExecPlan.Validation.Profiles.PlansFileDerivation> Derivations = new(StringComparer.Ordinal);

    /// <summary>The PLANS.md the targets handed over as an AdditionalFile (metadata
    /// <c>ExecPlanPlansFile</c> = its cited path) and what it derives; its text comes from the
    /// compiler, never from the disk.</summary>
    /// <summary>The PLANS.md found for one <see cref="AnalyzerOptions"/> (one compilation): the scan
    /// of every additional file's options is done once, not once per plan (quadratic in a project
    /// with many additional files).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AnalyzerOptions, PlansFileBox> PlansByOptions = new();

    private sealed class PlansFileBox
    {
        public (AdditionalText File, ExecPlan.Validation.Profiles.PlansFileDerivation Derivation)? Value { get; set; }
    }

    private static (AdditionalText File, ExecPlan.Validation.Profiles.PlansFileDerivation Derivation)? FindPlansFile(
        AdditionalFileAnalysisContext context, AnalyzerConfigOptionsProvider provider)
    {
        if (PlansByOptions.TryGetValue(context.Options, out var box))
        {
            return box.Value;
        }

        return PlansByOptions.GetValue(context.Options, _ => new PlansFileBox { Value = ScanForPlansFile(context, provider) }).Value;
    }

    private static (AdditionalText File, ExecPlan.Validation.Profiles.PlansFileDerivation Derivation)? ScanForPlansFile(
        AdditionalFileAnalysisContext context, AnalyzerConfigOptionsProvider provider)
    {
        foreach (var candidate in context.Options.AdditionalFiles)
        {
            if (!provider.GetOptions(candidate).TryGetValue(AnalyzerSettings.PlansFileKey, out var cited) || string.IsNullOrWhiteSpace(cited))
            {
                continue;
            }

            var text = candidate.GetText(context.CancellationToken);
            if (text is null)
            {
                return null;
            }

            var key = candidate.Path + "|" + Convert.ToBase64String(text.GetChecksum().ToArray());
            if (!Derivations.TryGetValue(key, out var derivation))
            {
                derivation = ExecPlan.Validation.Profiles.PlansFileDeriver.Derive(text.ToString(), cited.Trim().Replace('\\', '/'));
                if (Derivations.Count >= MaxCachedResults)
                {
                    Derivations.Clear();
                }

                Derivations[key] = derivation;
            }

            return (candidate, derivation);
        }

        return null;
    }

    private static void Report(AdditionalFileAnalysisContext context, SourceText? text, PlanDiagnostic diagnostic)
    {
        var severity = ToRoslyn(diagnostic.Severity);
        if (severity is null || !Descriptors.TryGetValue(diagnostic.Id, out var descriptor))
        {
            return;
        }

        var location = Location.Create(context.AdditionalFile.Path, ToTextSpan(text, diagnostic.Span), ToLinePositionSpan(diagnostic.Span));
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, severity.Value, additionalLocations: null, properties: null,
            RuleCatalog.TryGet(diagnostic.Id, out var rule) ? rule.DetailOf(diagnostic.Message) : diagnostic.Message));
    }

    private static LinePositionSpan ToLinePositionSpan(SourceSpan span) => new(
        new LinePosition(span.StartLine - 1, span.StartColumn - 1),
        new LinePosition(span.EndLine - 1, span.EndColumn - 1));

    private static TextSpan ToTextSpan(SourceText? text, SourceSpan span)
    {
        if (text is null || text.Lines.Count == 0)
        {
            return default;
        }

        var start = Offset(text, span.StartLine, span.StartColumn);
        var end = Offset(text, span.EndLine, span.EndColumn);
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }

    private static int Offset(SourceText text, int line, int column)
    {
        var lineIndex = Math.Min(Math.Max(0, line - 1), text.Lines.Count - 1);
        var textLine = text.Lines[lineIndex];

        // A leading BOM is not in our columns but may be in the SourceText.
        var bomShift = lineIndex == 0 && text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        return Math.Min(textLine.End, textLine.Start + bomShift + Math.Max(0, column - 1));
    }
}
