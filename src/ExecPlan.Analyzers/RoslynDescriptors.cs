namespace ExecPlan.Analyzers;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

/// <summary>The catalogue's rules as Roslyn descriptors, and the library's findings as Roslyn
/// diagnostics. Built with plain arrays and one dictionary: the first analysis pays for no LINQ or
/// immutable-collection builders.</summary>
internal static class RoslynDescriptors
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new(StringComparer.Ordinal);

    /// <summary>Every catalogue rule, in catalogue order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = Build();

    public static DiagnosticSeverity? ToRoslyn(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Error,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        RuleSeverity.Suggestion => DiagnosticSeverity.Info,
        RuleSeverity.Silent => DiagnosticSeverity.Hidden,
        _ => null,
    };

    /// <summary>One finding as a diagnostic; <paramref name="content"/> is the text the spans count
    /// in (null when there is none: the location is then the file's start).</summary>
    public static Diagnostic[] Create(string path, string? content, PlanDiagnostic finding) =>
        Create(path, content, [finding]);

    /// <summary>The findings as diagnostics, in their order; findings whose severity is none or
    /// whose ID the catalogue does not know are left out.</summary>
    public static Diagnostic[] Create(string path, string? content, IReadOnlyList<PlanDiagnostic> findings)
    {
        if (findings.Count == 0)
        {
            return [];
        }

        var offsets = content is null ? null : new LineOffsets(content);
        var diagnostics = new Diagnostic[findings.Count];
        var count = 0;
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            var severity = ToRoslyn(finding.Severity);
            if (severity is null || !ById.TryGetValue(finding.Id, out var descriptor))
            {
                continue;
            }

            var span = finding.Span;
            var textSpan = offsets is null
                ? default
                : TextSpan.FromBounds(offsets.Offset(span.StartLine, span.StartColumn), Math.Max(offsets.Offset(span.StartLine, span.StartColumn), offsets.Offset(span.EndLine, span.EndColumn)));
            var lineSpan = new LinePositionSpan(new LinePosition(span.StartLine - 1, span.StartColumn - 1), new LinePosition(span.EndLine - 1, span.EndColumn - 1));
            var detail = RuleCatalog.TryGet(finding.Id, out var rule) ? rule.DetailOf(finding.Message) : finding.Message;
            diagnostics[count++] = Diagnostic.Create(descriptor, Location.Create(path, textSpan, lineSpan), severity.Value, additionalLocations: null, properties: null, detail);
        }

        if (count < diagnostics.Length)
        {
            Array.Resize(ref diagnostics, count);
        }

        return diagnostics;
    }

    private static ImmutableArray<DiagnosticDescriptor> Build()
    {
        var rules = RuleCatalog.All;
        var all = new DiagnosticDescriptor[rules.Count];
        for (var i = 0; i < all.Length; i++)
        {
            var rule = rules[i];
            all[i] = new DiagnosticDescriptor(
                rule.Id,
                rule.Title,
                rule.MessageFormat,
                rule.Category,
                ToRoslyn(rule.DefaultSeverity) ?? DiagnosticSeverity.Hidden,
                isEnabledByDefault: true,
                description: rule.Description,
                helpLinkUri: rule.HelpUri);
            ById[rule.Id] = all[i];
        }

        return ImmutableArray.Create(all);
    }
}
