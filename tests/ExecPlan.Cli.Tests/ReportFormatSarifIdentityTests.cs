namespace ExecPlan.Cli.Tests;

using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Reporting;

/// <summary>
/// One writer behind both SARIF front ends: the CLI's <c>--format sarif</c> is byte for byte what
/// the library writes for the same findings, whether they come with the CLI's cwd-relative paths
/// or with the full paths and repository-root base the MSBuild task passes. And the CLI's log
/// names the commit of the repository it ran in.
/// </summary>
public sealed class ReportFormatSarifIdentityTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Cli_sarif_equals_the_library_writer_for_the_same_findings_as_cli_or_task_would_pass_them()
    {
        _dir.Write(".git/HEAD", "ref: refs/heads/main\n");
        _dir.Write(".git/refs/heads/main", new string('f', 40) + "\n");
        _dir.Write(".git/config", "[remote \"origin\"]\n\turl = https://github.com/acme/plans.git\n");
        _dir.Write("docs/plans/title only.md", Plans.Declared);
        _dir.Write("docs/plans/good.md", Plans.Complete);

        var sarif = _dir.Run("check", "docs", "--format", "sarif").StdOut;
        var json = _dir.Run("check", "docs", "--format", "json").StdOut;

        using var found = JsonDocument.Parse(json);
        var diagnostics = found.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d =>
        {
            Assert.True(RuleSeverityText.TryParse(d.GetProperty("severity").GetString(), out var severity));
            return new PlanDiagnostic(d.GetProperty("id").GetString()!, severity, d.GetProperty("file").GetString()!,
                new SourceSpan(d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(), d.GetProperty("endLine").GetInt32(), d.GetProperty("endColumn").GetInt32()),
                d.GetProperty("message").GetString()!, d.GetProperty("helpUri").GetString()!);
        }).ToList();
        Assert.NotEmpty(diagnostics);

        // As the CLI passes them: display paths relative to the current directory.
        Assert.Equal(sarif, Write(diagnostics, new SarifOptions { BaseDirectory = _dir.Path, RepositoryRoot = _dir.Path }));

        // As the MSBuild task passes them: full paths, the repository root as base.
        var full = diagnostics.Select(d => new PlanDiagnostic(d.Id, d.Severity, Path.Combine(_dir.Path, d.FilePath), d.Span, d.Message, d.HelpUri)).ToList();
        Assert.Equal(sarif, Write(full, new SarifOptions { BaseDirectory = _dir.Path, RepositoryRoot = _dir.Path }));

        using var log = JsonDocument.Parse(sarif);
        var vcs = log.RootElement.GetProperty("runs")[0].GetProperty("versionControlProvenance")[0];
        Assert.Equal("https://github.com/acme/plans.git", vcs.GetProperty("repositoryUri").GetString());
        Assert.Equal(new string('f', 40), vcs.GetProperty("revisionId").GetString());
        Assert.Equal("main", vcs.GetProperty("branch").GetString());
        Assert.Equal("%SRCROOT%", vcs.GetProperty("mappedTo").GetProperty("uriBaseId").GetString());
    }

    private static string Write(System.Collections.Generic.List<PlanDiagnostic> diagnostics, SarifOptions options)
    {
        using var writer = new StringWriter();
        SarifWriter.Write(writer, diagnostics, options);
        return writer.ToString();
    }
}
