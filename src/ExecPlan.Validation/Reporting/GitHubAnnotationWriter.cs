namespace ExecPlan.Validation.Reporting;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using ExecPlan.Validation.Diagnostics;

/// <summary>
/// Writes diagnostics as GitHub Actions workflow commands
/// (<c>::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=EXP021::message</c>), which
/// the runner turns into annotations on the pull request. Suggestions become <c>notice</c>;
/// silent diagnostics are not written. A backslash becomes '/' only where it separates folders
/// (Windows); elsewhere it is part of the file name and kept.
/// </summary>
public static class GitHubAnnotationWriter
{
    /// <summary>Writes one command per printable diagnostic.</summary>
    public static void Write(TextWriter output, IEnumerable<PlanDiagnostic> diagnostics)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        foreach (var diagnostic in diagnostics ?? [])
        {
            var command = diagnostic.Severity switch
            {
                RuleSeverity.Error => "error",
                RuleSeverity.Warning => "warning",
                RuleSeverity.Suggestion => "notice",
                _ => null,
            };
            if (command is null)
            {
                continue;
            }

            var span = diagnostic.Span;
            output.Write(string.Format(
                CultureInfo.InvariantCulture,
                "::{0} file={1},line={2},col={3},endLine={4},endColumn={5},title={6}::{7}\n",
                command,
                EscapeProperty(Path.DirectorySeparatorChar == '\\' ? diagnostic.FilePath.Replace('\\', '/') : diagnostic.FilePath),
                span.StartLine,
                span.StartColumn,
                span.EndLine,
                span.EndColumn,
                EscapeProperty(diagnostic.Id),
                EscapeData(diagnostic.Message)));
        }
    }

    /// <summary>Escapes a message the way the runner decodes it: <c>%</c>, CR and LF become
    /// <c>%25</c>, <c>%0D</c>, <c>%0A</c>. Every other control character (ESC, the C1 controls, the
    /// line separators and bidirectional controls of <see cref="DisplayText.NeedsEscape"/>) becomes
    /// its visible <see cref="DisplayText"/> escape (<c>\e</c>, <c>\u009B</c>), so nothing reaches
    /// the log raw and no second command can start inside one.</summary>
    public static string EscapeData(string value) => Escape(value, property: false);

    /// <summary>Escapes a property value: as <see cref="EscapeData"/> plus <c>:</c> and <c>,</c> (<c>%3A</c>, <c>%2C</c>).</summary>
    public static string EscapeProperty(string value) => Escape(value, property: true);

    private static string Escape(string? value, bool property)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '%':
                    builder.Append("%25");
                    break;
                case '\r':
                    builder.Append("%0D");
                    break;
                case '\n':
                    builder.Append("%0A");
                    break;
                case ':' when property:
                    builder.Append("%3A");
                    break;
                case ',' when property:
                    builder.Append("%2C");
                    break;
                default:
                    DisplayText.AppendEscaped(builder, c);
                    break;
            }
        }

        return builder.ToString();
    }
}
