namespace ExecPlan.Validation;

using System;
using System.Collections.Generic;
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
public sealed partial class PlanValidator
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public PlanValidator(ValidationSettings? settings = null)
    {
        Settings = settings ?? ValidationSettings.Default;
    }

    public ValidationSettings Settings { get; }

    /// <summary>Whether findings carry their mechanical repair (<see cref="PlanDiagnostic.Fix"/>);
    /// off by default, so a check or a build computes no edits.</summary>
    public bool IncludeFixes { get; init; }

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

    /// <summary>Validates plan text. Never throws for any text: an internal failure becomes EXP000.
    /// A finding's <see cref="PlanDiagnostic.Fix"/> counts offsets in <paramref name="text"/>.</summary>
    public IReadOnlyList<PlanDiagnostic> Validate(string text, string filePath) => Validate(text, filePath, Rules);

    /// <summary>Validates plan text with some of <see cref="Rules"/> only (the fixer runs the fixable ones).</summary>
    internal IReadOnlyList<PlanDiagnostic> Validate(string text, string filePath, IReadOnlyList<PlanRule> rules)
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
            return Single(filePath, SourceSpan.FileStart, "the plan could not be parsed (" + ex.GetType().Name + ": " + ex.Message + ").");
        }

        // The parser drops a byte-order mark: fixes are moved back onto the text as given.
        return Validate(plan, rules, text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0);
    }

    /// <summary>Runs every rule over an already parsed plan. Fixes count offsets in
    /// <see cref="PlanDocument.Text"/>.</summary>
    public IReadOnlyList<PlanDiagnostic> Validate(PlanDocument plan) => Validate(plan, Rules, 0);

    private IReadOnlyList<PlanDiagnostic> Validate(PlanDocument plan, IReadOnlyList<PlanRule> rules, int fixOffset) =>
        Report(plan, CollectFindings(plan, rules), fixOffset);

    /// <summary>
    /// The report on a repository's PLANS.md itself (not a plan): one EXP060 at
    /// <paramref name="filePath"/> when <paramref name="derivation"/> derived nothing, with the
    /// reason; nothing otherwise. Severity settings apply as to any rule. Front ends call it once per
    /// PLANS.md, so the finding is reported once, not once per plan.
    /// </summary>
    public IReadOnlyList<PlanDiagnostic> ValidatePlansFile(Profiles.PlansFileDerivation derivation, string filePath)
    {
        if (derivation is null)
        {
            throw new ArgumentNullException(nameof(derivation));
        }

        if (derivation.Profile is not null || Settings.Profile != PlanProfile.Auto)
        {
            return [];
        }

        return ToDiagnostics(filePath, new FindingBuffer
        {
            new Finding(RuleCatalog.EXP060, new SourceSpan(derivation.FailureLine, 1, derivation.FailureLine, 1),
                $"plans here are checked against the skill profile: {derivation.PlansFile} cannot be read as a plan skeleton ({derivation.Failure}). Add a skeleton (an indented or ```md block of the plan's headings under a 'Skeleton' heading), or set the profile to skill or classic explicitly."),
        });
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
            return Single(filePath, SourceSpan.FileStart, Utf16Message);
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            return Single(filePath, SourceSpan.FileStart, NulMessage(nul));
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            return Single(filePath, SourceSpan.FileStart, InvalidUtf8Message(ex.Index));
        }

        return Validate(text, filePath);
    }

    /// <summary>
    /// Validates text a host has already decoded (Roslyn's <c>AdditionalText.GetText()</c> in the
    /// analyzer) with the same verdict as <see cref="ValidateBytes"/> on the file's bytes: the size
    /// limit applies (by UTF-8 length), and what the host's decoder did to bad bytes is detected:
    /// a UTF-16/32 <paramref name="encoding"/>, NUL characters, U+FFFD replacement characters or a
    /// fallback (non-UTF-8) encoding each give the byte path's EXP000.
    /// </summary>
    /// <remarks>A plan that really contains U+FFFD (valid UTF-8 <c>EF BF BD</c>) is refused here
    /// but accepted on the byte path: the decoded text cannot tell the two apart.</remarks>
    public IReadOnlyList<PlanDiagnostic> ValidateDecoded(string text, string filePath, Encoding? encoding = null)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        // Every char is at least one UTF-8 byte: a text longer than the limit is over it.
        var size = text.Length > Settings.MaxFileSizeBytes ? text.Length : Encoding.UTF8.GetByteCount(text);
        if (size > Settings.MaxFileSizeBytes)
        {
            return TooLarge(filePath, size);
        }

        if (encoding is not null && encoding.CodePage is 1200 or 1201 or 12000 or 12001)
        {
            return Single(filePath, SourceSpan.FileStart, Utf16Message);
        }

        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            return Single(filePath, SourceSpan.FileStart, NulMessage(Encoding.UTF8.GetByteCount(text.Substring(0, nul))));
        }

        var replacement = text.IndexOf('\uFFFD');
        if (replacement >= 0)
        {
            return Single(filePath, SourceSpan.FileStart, InvalidUtf8Message(Encoding.UTF8.GetByteCount(text.Substring(0, replacement))));
        }

        if (encoding is not null && encoding.CodePage != Encoding.UTF8.CodePage && encoding.CodePage != Encoding.ASCII.CodePage)
        {
            // The compiler decodes a file that is not valid UTF-8 with a fallback code page.
            return Single(filePath, SourceSpan.FileStart, InvalidUtf8Message(-1));
        }

        return Validate(text, filePath);
    }

    private const string Utf16Message = "the file is UTF-16 encoded; save plans as UTF-8.";

    private static string NulMessage(long offset) => "the file contains NUL bytes (offset " + offset + "): it is binary, not a Markdown plan.";

    private static string InvalidUtf8Message(long offset) =>
        "the file is not valid UTF-8" + (offset >= 0 ? " at byte " + offset : string.Empty) + "; save plans as UTF-8.";

    /// <summary>Reads and validates a file. Missing, unreadable, oversized and non-regular files
    /// (FIFOs, sockets, devices) give EXP000 at once; at most the size limit plus one byte is read.</summary>
    public IReadOnlyList<PlanDiagnostic> ValidateFile(string filePath)
    {
        var read = Io.SafeFileReader.Read(filePath, Settings.MaxFileSizeBytes);
        return read.Bytes is null ? ReadFailure(filePath, read) : ValidateBytes(read.Bytes, filePath);
    }

    /// <summary>The one EXP000 for a file <see cref="Io.SafeFileReader"/> could not read.</summary>
    public IReadOnlyList<PlanDiagnostic> ReadFailure(string filePath, Io.FileReadResult read)
    {
        if (read is null)
        {
            throw new ArgumentNullException(nameof(read));
        }

        return read.Failure switch
        {
            Io.FileReadFailure.Missing => Single(filePath, SourceSpan.FileStart, "the file does not exist."),
            Io.FileReadFailure.Directory => Single(filePath, SourceSpan.FileStart, "the path is a directory, not a plan file."),
            Io.FileReadFailure.TooLarge => TooLarge(filePath, read.Size),
            _ => Single(filePath, SourceSpan.FileStart, "the file cannot be read: " + read.Reason + (read.Reason.EndsWith(".", StringComparison.Ordinal) ? string.Empty : ".")),
        };
    }

    private IReadOnlyList<PlanDiagnostic> TooLarge(string filePath, long size) => Single(filePath, SourceSpan.FileStart,
        "the file is " + size + " bytes, over the " + Settings.MaxFileSizeBytes + "-byte limit for plans; split it or raise the limit.");

    private IReadOnlyList<PlanDiagnostic> Single(string filePath, SourceSpan span, string message) =>
        ToDiagnostics(filePath, new FindingBuffer { new Finding(RuleCatalog.EXP000, span, message) });
}
