namespace ExecPlan.Validation;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Rules;
using ExecPlan.Validation.Settings;

/// <summary>
/// The library's entry point: validates plan text or files and returns diagnostics sorted by
/// position, then ID. Thread-safe; one instance can serve a whole build.
/// </summary>
public sealed class PlanValidator
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public PlanValidator(ValidationSettings? settings = null)
    {
        Settings = settings ?? ValidationSettings.Default;
    }

    public ValidationSettings Settings { get; }

    /// <summary>Every rule the validator runs, one instance each, in ID order. A plain list, not a
    /// reflection scan, so trimming and native AOT keep every rule; a test checks it against the rule
    /// classes and <see cref="RuleCatalog.All"/> (a new rule class that is not listed here fails it).</summary>
    public static IReadOnlyList<PlanRule> Rules { get; } =
    [
        new EXP001MissingLivingSection(),
        new EXP002MissingSkeletonSection(),
        new EXP003DuplicateSection(),
        new EXP004TitleHeading(),
        new EXP005EmptySection(),
        new EXP006SectionOrder(),
        new EXP007LivingDocumentNotice(),
        new EXP008PlansFileReference(),
        new EXP009UnknownSuppressedRule(),
        new EXP010MissingStatus(),
        new EXP011InvalidStatus(),
        new EXP012DraftWithCompletedWork(),
        new EXP013CompleteWithOpenItems(),
        new EXP014CompleteWithoutOutcomes(),
        new EXP015BlockedWithoutDecision(),
        new EXP016StaleStatus(),
        new EXP020ProgressCheckboxList(),
        new EXP021ProgressItemTimestamp(),
        new EXP022MalformedTimestamp(),
        new EXP030IncompleteRisk(),
        new EXP031InvalidRiskRating(),
        new EXP032IncompleteSurprise(),
        new EXP033IncompleteDecision(),
        new EXP040TemplatePlaceholder(),
        new EXP041TemplateInstructionText(),
        new EXP042ToleranceThreshold(),
        new EXP043RunnableValidation(),
        new EXP044PathExists(),
        new EXP045MachineAbsolutePath(),
        new EXP050OuterFence(),
        new EXP051NestedFence(),
        new EXP052BlankLineAfterHeading(),
        new EXP053MalformedList(),
        new EXP054RevisionNoteLast(),
    ];

    /// <summary>Validates plan text. Never throws for any text: an internal failure becomes EXP000.</summary>
    public IReadOnlyList<PlanDiagnostic> Validate(string text, string filePath)
    {
        PlanDocument plan;
        try
        {
            plan = PlanParser.Parse(text, filePath);
        }
#pragma warning disable CA1031 // Bad input must never crash a build: report it instead.
        catch (PlanTooComplexException ex)
        {
            return Single(filePath, new SourceSpan(ex.Line, 1, ex.Line, 1), ex.Message);
        }
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Single(filePath, SourceSpan.FileStart, "The plan could not be parsed (" + ex.GetType().Name + ": " + ex.Message + ").");
        }

        return Validate(plan);
    }

    /// <summary>Runs every rule over an already parsed plan.</summary>
    public IReadOnlyList<PlanDiagnostic> Validate(PlanDocument plan)
    {
        var findings = new List<Finding>();
        foreach (var rule in Rules)
        {
            if (Settings.SeverityOf(rule.Descriptor) == RuleSeverity.None || (rule.NeedsRepository && Settings.Repository is null))
            {
                continue;
            }

            var context = new RuleContext(Settings, rule.Descriptor, findings);
            try
            {
                rule.Analyze(plan, context);
            }
#pragma warning disable CA1031 // One failing rule must not take the others (or the build) down.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                findings.Add(new Finding(RuleCatalog.EXP000, SourceSpan.FileStart,
                    "Rule " + rule.Descriptor.Id + " failed on this plan (" + ex.GetType().Name + ": " + ex.Message + "); please report it."));
            }
        }

        if (Settings.UseInlineSuppressions && plan.Suppressions.Count > 0)
        {
            var suppressions = new Suppressions(plan.Suppressions);
            findings.RemoveAll(f => f.Descriptor != RuleCatalog.EXP000 && f.Descriptor != RuleCatalog.EXP009 &&
                suppressions.Suppresses(f.Descriptor.Id, f.Span.StartLine));
        }

        return ToDiagnostics(plan.FilePath, findings);
    }

    /// <summary>Validates raw file bytes: decodes strict UTF-8 (a BOM is fine), refuses binary,
    /// UTF-16 and oversized content with EXP000.</summary>
    public IReadOnlyList<PlanDiagnostic> ValidateBytes(byte[] bytes, string filePath)
    {
        if (bytes.LongLength > Settings.MaxFileSizeBytes)
        {
            return TooLarge(filePath, bytes.LongLength);
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return Single(filePath, SourceSpan.FileStart, "The file is UTF-16 encoded; save plans as UTF-8.");
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            return Single(filePath, SourceSpan.FileStart, "The file contains NUL bytes (offset " + nul + "): it is binary, not a Markdown plan.");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = ex.Index >= 0 ? " at byte " + ex.Index : string.Empty;
            return Single(filePath, SourceSpan.FileStart, "The file is not valid UTF-8" + offset + "; save plans as UTF-8.");
        }

        return Validate(text, filePath);
    }

    /// <summary>Reads and validates a file. Missing, unreadable and oversized files give EXP000.</summary>
    public IReadOnlyList<PlanDiagnostic> ValidateFile(string filePath)
    {
        try
        {
            if (Directory.Exists(filePath))
            {
                return Single(filePath, SourceSpan.FileStart, "The path is a directory, not a plan file.");
            }

            var info = new FileInfo(filePath);
            if (!info.Exists)
            {
                return Single(filePath, SourceSpan.FileStart, "The plan file does not exist.");
            }

            if (info.Length > Settings.MaxFileSizeBytes)
            {
                return TooLarge(filePath, info.Length);
            }

            return ValidateBytes(File.ReadAllBytes(filePath), filePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return Single(filePath, SourceSpan.FileStart, "The plan file cannot be read: " + ex.Message);
        }
    }

    private IReadOnlyList<PlanDiagnostic> TooLarge(string filePath, long size) => Single(filePath, SourceSpan.FileStart,
        "The file is " + size + " bytes, over the " + Settings.MaxFileSizeBytes + "-byte limit for plans; split it or raise the limit.");

    private IReadOnlyList<PlanDiagnostic> Single(string filePath, SourceSpan span, string message) =>
        ToDiagnostics(filePath, new List<Finding> { new(RuleCatalog.EXP000, span, message) });

    private List<PlanDiagnostic> ToDiagnostics(string filePath, List<Finding> findings)
    {
        var result = new List<PlanDiagnostic>(findings.Count);
        foreach (var finding in findings)
        {
            var severity = Settings.SeverityOf(finding.Descriptor);
            if (severity == RuleSeverity.None)
            {
                continue;
            }

            result.Add(new PlanDiagnostic(finding.Descriptor.Id, severity, filePath, finding.Span, finding.Message, finding.Descriptor.HelpUri));
        }

        // A stable sort: findings of one rule at one place keep the rule's own order.
        return result.OrderBy(d => d.Span).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }
}
