namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using ExecPlan.Validation.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Logs the library's diagnostics in the canonical compiler form after the project-level policy
/// (<see cref="SeverityPolicy"/>), and keeps what was reported for the SARIF file.
/// </summary>
internal sealed class BuildDiagnosticLog
{
    private readonly TaskLoggingHelper _log;
    private readonly SeverityPolicy _policy;
    private readonly string? _helpUriBase;
    private readonly List<PlanDiagnostic> _reported = new();

    public BuildDiagnosticLog(TaskLoggingHelper log, SeverityPolicy policy, string? helpUriBase)
    {
        _log = log;
        _policy = policy;
        _helpUriBase = helpUriBase;
    }

    /// <summary>How many errors and warnings were logged (a build with none may skip the task next time).</summary>
    public int ErrorsAndWarnings { get; private set; }

    public void ReportAll(IEnumerable<PlanDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var severity = Report(diagnostic);
            if (severity != RuleSeverity.None)
            {
                _reported.Add(new PlanDiagnostic(diagnostic.Id, severity, diagnostic.FilePath, diagnostic.Span, diagnostic.Message, diagnostic.HelpUri));
            }
        }
    }

    public void WriteSarif(string? sarifPath, string? repositoryRoot)
    {
        if (string.IsNullOrWhiteSpace(sarifPath))
        {
            return;
        }

        try
        {
            var path = Path.GetFullPath(sarifPath!.Trim());
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            // Name and version stay the writer's defaults, so this log and the CLI's agree.
            Validation.Reporting.SarifWriter.Write(writer, _reported, new Validation.Reporting.SarifOptions
            {
                RepositoryRoot = repositoryRoot,
                BaseDirectory = repositoryRoot,
                HelpUriBase = _helpUriBase,
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            ErrorsAndWarnings++;
            _log.LogWarning(null, "EXP000", null, null, sarifPath, 0, 0, 0, 0, "The SARIF report could not be written: " + ex.Message);
        }
    }

    private RuleSeverity Report(PlanDiagnostic diagnostic)
    {
        var severity = _policy.Apply(diagnostic.Id, diagnostic.Severity);
        var span = diagnostic.Span;
        if (severity is RuleSeverity.Error or RuleSeverity.Warning)
        {
            ErrorsAndWarnings++;
        }

        switch (severity)
        {
            case RuleSeverity.Error:
                _log.LogError(null, diagnostic.Id, null, Validation.Rules.HelpLinks.Rebase(diagnostic.HelpUri, _helpUriBase), diagnostic.FilePath,
                    span.StartLine, span.StartColumn, span.EndLine, span.EndColumn, diagnostic.Message);
                break;
            case RuleSeverity.Warning:
                _log.LogWarning(null, diagnostic.Id, null, Validation.Rules.HelpLinks.Rebase(diagnostic.HelpUri, _helpUriBase), diagnostic.FilePath,
                    span.StartLine, span.StartColumn, span.EndLine, span.EndColumn, diagnostic.Message);
                break;
            case RuleSeverity.Suggestion:
                _log.LogMessage(null, diagnostic.Id, null, diagnostic.FilePath,
                    span.StartLine, span.StartColumn, span.EndLine, span.EndColumn, MessageImportance.Normal, diagnostic.Message);
                break;
            default:
                break;
        }

        return severity;
    }
}
