namespace ExecPlan.Analyzers;

using System.Runtime.CompilerServices;
using System.Threading;
using ExecPlan.Validation.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>The PLANS.md the targets handed over as an AdditionalFile (metadata
/// <c>ExecPlanPlansFile</c> = its cited path) and what it derives; its text comes from the
/// compiler, never from the disk.</summary>
internal static class PlansFiles
{
    // Derivations by file and cited path, kept while the PLANS.md text is the same.
    private static readonly ResultCache<PlansFileDerivation> Derivations = new();

    /// <summary>The PLANS.md found for one <see cref="AnalyzerOptions"/> (one compilation): the scan
    /// of every additional file's options is done once, not once per plan (quadratic in a project
    /// with many additional files).</summary>
    private static readonly ConditionalWeakTable<AnalyzerOptions, Box> ByOptions = new();

    public static (AdditionalText File, PlansFileDerivation Derivation)? Find(AdditionalFileAnalysisContext context, AnalyzerConfigOptionsProvider provider)
    {
        if (ByOptions.TryGetValue(context.Options, out var box))
        {
            return box.Value;
        }

        var cancellation = context.CancellationToken;
        return ByOptions.GetValue(context.Options, options => new Box { Value = Scan(options, provider, cancellation) }).Value;
    }

    private static (AdditionalText File, PlansFileDerivation Derivation)? Scan(AnalyzerOptions options, AnalyzerConfigOptionsProvider provider, CancellationToken cancellation)
    {
        foreach (var candidate in options.AdditionalFiles)
        {
            if (!provider.GetOptions(candidate).TryGetValue(AnalyzerSettings.PlansFileKey, out var cited) || string.IsNullOrWhiteSpace(cited))
            {
                continue;
            }

            var text = candidate.GetText(cancellation);
            if (text is null)
            {
                return null;
            }

            cited = cited.Trim().Replace('\\', '/');
            if (!Derivations.TryGet(candidate.Path, cited, text, out var derivation))
            {
                derivation = PlansFileDeriver.Derive(text.ToString(), cited);
                Derivations.Store(candidate.Path, cited, text, derivation);
            }

            return (candidate, derivation);
        }

        return null;
    }

    private sealed class Box
    {
        public (AdditionalText File, PlansFileDerivation Derivation)? Value { get; set; }
    }
}
