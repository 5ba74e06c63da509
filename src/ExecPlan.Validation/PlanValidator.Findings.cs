namespace ExecPlan.Validation;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules;

/// <summary>The two halves of a validation pass: the rules' raw findings, then the report made of
/// them (suppressions, severities, message text, fixes, order).</summary>
public sealed partial class PlanValidator
{
    /// <summary>Runs <paramref name="rules"/> over a parsed plan and returns their raw findings.</summary>
    internal List<Finding> CollectFindings(PlanDocument plan, IReadOnlyList<PlanRule> rules)
    {
        var findings = new List<Finding>();
        foreach (var rule in rules)
        {
            if (Settings.SeverityOf(rule.Descriptor) == RuleSeverity.None || (rule.NeedsRepository && Settings.Repository is null))
            {
                continue;
            }

            var context = new RuleContext(Settings, rule.Descriptor, findings) { WantsFixes = IncludeFixes };
            try
            {
                rule.Analyze(plan, context);
            }
#pragma warning disable CA1031 // One failing rule must not take the others (or the build) down.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                findings.Add(new Finding(RuleCatalog.EXP000, SourceSpan.FileStart,
                    "rule " + rule.Descriptor.Id + " failed on this plan (" + ex.GetType().Name + ": " + ex.Message + "); please report it."));
            }
        }

        return findings;
    }

    /// <summary>The diagnostics of a plan's raw findings: in-plan suppressions applied (never to
    /// EXP000 or EXP009), then <see cref="ToDiagnostics"/>. <paramref name="findings"/> is consumed.</summary>
    internal IReadOnlyList<PlanDiagnostic> Report(PlanDocument plan, List<Finding> findings, int fixOffset)
    {
        if (Settings.UseInlineSuppressions && plan.Suppressions.Count > 0)
        {
            Suppress(findings, new Suppressions(plan.Suppressions));
        }

        return ToDiagnostics(plan.FilePath, findings, fixOffset);
    }

    /// <summary>Drops the suppressed findings in place, keeping the order; a rule's suppressions are
    /// looked up once per run of its findings.</summary>
    private static void Suppress(List<Finding> findings, Suppressions suppressions)
    {
        RuleDescriptor? rule = null;
        var ruleSuppressions = default(RuleSuppressions);
        var kept = 0;
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (!ReferenceEquals(finding.Descriptor, rule))
            {
                rule = finding.Descriptor;
                ruleSuppressions = suppressions.For(rule.Id);
            }

            if (rule == RuleCatalog.EXP000 || rule == RuleCatalog.EXP009 || !ruleSuppressions.Covers(finding.Span.StartLine))
            {
                findings[kept++] = finding;
            }
        }

        findings.RemoveRange(kept, findings.Count - kept);
    }

    /// <summary>The diagnostics in report order, as an array (no list over it: a plan with many
    /// findings allocates one large array for them, and one more only when they need sorting).</summary>
    private IReadOnlyList<PlanDiagnostic> ToDiagnostics(string filePath, List<Finding> findings, int fixOffset = 0)
    {
        if (findings.Count == 0)
        {
            return [];
        }

        var result = new PlanDiagnostic[findings.Count];
        var count = 0;
        RuleDescriptor? rule = null;
        var severity = RuleSeverity.None;
        foreach (var finding in findings)
        {
            // Findings come in runs of one rule: its severity is looked up once per run.
            if (!ReferenceEquals(finding.Descriptor, rule))
            {
                rule = finding.Descriptor;
                severity = Settings.SeverityOf(rule);
            }

            if (severity == RuleSeverity.None)
            {
                continue;
            }

            var fix = finding.Fix is { } own && fixOffset != 0 ? own.With(fixOffset, rule.Id) : finding.Fix;
            result[count++] = new PlanDiagnostic(rule.Id, severity, filePath, finding.Span, rule.FormatMessage(finding.Message), rule.HelpUri, fix);
        }

        if (count < result.Length)
        {
            // Findings of a rule turned off by its severity (EXP000 set to none) are dropped.
            Array.Resize(ref result, count);
        }

        return DiagnosticOrder.SortStable(result, count);
    }
}
