namespace ExecPlan.Cli;

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Reporting;

/// <summary>Writes diagnostics in the chosen format.</summary>
internal static class Reporters
{
    /// <summary>One line per printable diagnostic in the canonical compiler form
    /// <c>path(line,col,endLine,endCol): error EXP001: message</c>; silent ones are not printed.</summary>
    public static void WriteText(TextWriter output, IEnumerable<PlanDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity >= RuleSeverity.Suggestion)
            {
                output.WriteLine(diagnostic.ToCompilerString());
            }
        }
    }

    /// <summary><c>{"diagnostics":[{"id",...,"helpUri"}]}</c>, written with <see cref="Utf8JsonWriter"/> (no reflection).
    /// Silent diagnostics are included for tools; severity is the configuration word (error, warning, suggestion, silent).</summary>
    public static void WriteJson(TextWriter output, IEnumerable<PlanDiagnostic> diagnostics)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("id", d.Id);
                json.WriteString("severity", d.Severity.ToText());
                json.WriteString("file", d.FilePath);
                json.WriteNumber("line", d.Span.StartLine);
                json.WriteNumber("column", d.Span.StartColumn);
                json.WriteNumber("endLine", d.Span.EndLine);
                json.WriteNumber("endColumn", d.Span.EndColumn);
                json.WriteString("message", d.Message);
                json.WriteString("helpUri", d.HelpUri);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>The report in <paramref name="format"/> (text, JSON, SARIF or GitHub annotations).</summary>
    public static void Write(TextWriter output, OutputFormat format, List<PlanDiagnostic> all, string currentDirectory, string? repoRoot, string? helpUriBase)
    {
        switch (format)
        {
            case OutputFormat.Json:
                Reporters.WriteJson(output, all);
                break;
            case OutputFormat.Sarif:
                // Name and version stay the writer's defaults, so this log and the MSBuild task's agree.
                SarifWriter.Write(output, all, new SarifOptions
                {
                    BaseDirectory = currentDirectory,
                    RepositoryRoot = repoRoot,
                    HelpUriBase = helpUriBase,
                });
                break;
            case OutputFormat.GitHub:
                GitHubAnnotationWriter.Write(output, all);
                break;
            default:
                Reporters.WriteText(output, all);
                break;
        }
    }

    /// <summary>The report written to the file <c>--output</c> names (UTF-8, LF); a failure is a usage error.</summary>
    public static void WriteFile(string path, OutputFormat format, List<PlanDiagnostic> all, string currentDirectory, string? repoRoot, string? helpUriBase)
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            writer.NewLine = "\n";
            Write(writer, format, all, currentDirectory, repoRoot, helpUriBase);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot write the report to '{path}': {ex.Message}");
        }
    }
}
