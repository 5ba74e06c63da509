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
    /// <summary>Runs <paramref name="rules"/> over a parsed plan and returns their raw findings,
    /// all rules reporting into one buffer.</summary>
    internal FindingBuffer CollectFindings(PlanDocument plan, IReadOnlyList<PlanRule> rules)
    {
        var findings = new FindingBuffer();
        RuleContext? context = null;
        foreach (var rule in rules)
        {
            if (Settings.SeverityOf(rule.Descriptor) == RuleSeverity.None || (rule.NeedsRepository && Settings.Repository is null))
            {
                continue;
            }

            if (context is null)
            {
                context = new RuleContext(Settings, rule.Descriptor, findings) { WantsFixes = IncludeFixes };
            }
            else
            {
                context.Descriptor = rule.Descriptor;
            }

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
    internal IReadOnlyList<PlanDiagnostic> Report(PlanDocument plan, FindingBuffer findings, int fixOffset) =>
        ToDiagnostics(plan.FilePath, findings, fixOffset,
            Settings.UseInlineSuppressions && plan.Suppressions.Count > 0 ? new Suppressions(plan.Suppressions) : null);

    /// <summary>The diagnostics in report order: a plain array of exactly their number, or blocks
    /// when they are too many for a small one (<see cref="ChunkedDiagnostics"/>); sorted as they
    /// are made (<see cref="ReportOrder{TKeys}"/>), so no second array is needed to sort them.</summary>
    private IReadOnlyList<PlanDiagnostic> ToDiagnostics(string filePath, FindingBuffer findings, int fixOffset = 0, Suppressions? suppressions = null)
    {
        if (findings.Count == 0)
        {
            return [];
        }

        Filter(findings, suppressions);
        var count = findings.Count;
        if (count == 0)
        {
            return [];
        }

        var result = ChunkedDiagnostics.Create(count);
        var order = new ReportOrder<FindingKeys>(new FindingKeys(findings), count);
        var next = 0;
        RuleDescriptor? rule = null;
        var severity = RuleSeverity.None;
        while (order.TryNext(out var index))
        {
            var finding = findings[index];
            if (!ReferenceEquals(finding.Descriptor, rule))
            {
                // The report order interleaves rules only where their findings meet.
                rule = finding.Descriptor;
                severity = Settings.SeverityOf(rule);
            }

            var fix = finding.Fix is { } own && fixOffset != 0 ? own.With(fixOffset, rule.Id) : finding.Fix;
            ChunkedDiagnostics.Set(result, next++, new PlanDiagnostic(rule.Id, severity, filePath, finding.Span, rule.FormatMessage(finding.Message), rule.HelpUri, fix));
        }

        return result;
    }

    /// <summary>Drops in place, keeping the order, the findings that are not reported: those of a
    /// rule whose severity is none (EXP000 set to none) and those an in-plan comment suppresses
    /// (never EXP000 or EXP009). Findings come in runs of one rule: its severity and suppressions
    /// are looked up once per run.</summary>
    private void Filter(FindingBuffer findings, Suppressions? suppressions)
    {
        RuleDescriptor? rule = null;
        var severity = RuleSeverity.None;
        var ruleSuppressions = default(RuleSuppressions);
        var suppressible = false;
        var kept = 0;
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (!ReferenceEquals(finding.Descriptor, rule))
            {
                rule = finding.Descriptor;
                severity = Settings.SeverityOf(rule);
                suppressible = suppressions is not null && rule != RuleCatalog.EXP000 && rule != RuleCatalog.EXP009;
                ruleSuppressions = suppressible ? suppressions!.For(rule.Id) : default;
            }

            if (severity != RuleSeverity.None && !(suppressible && ruleSuppressions.Covers(finding.Span.StartLine)))
            {
                findings[kept++] = finding;
            }
        }

        findings.Truncate(kept);
    }
}
