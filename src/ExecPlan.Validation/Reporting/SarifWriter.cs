namespace ExecPlan.Validation.Reporting;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Rules;

/// <summary>What a SARIF log says about the tool and where file paths are relative to.</summary>
public sealed class SarifOptions
{
    /// <summary>The tool name in <c>tool.driver.name</c>.</summary>
    public string ToolName { get; init; } = "ExecPlan.Build";

    /// <summary>The tool version in <c>tool.driver.version</c>.</summary>
    public string ToolVersion { get; init; } = "0.0.0";

    /// <summary>The project page in <c>tool.driver.informationUri</c>.</summary>
    public string InformationUri { get; init; } = "https://github.com/execplan-build/ExecPlan.Build";

    /// <summary>The folder relative diagnostic paths are resolved against (default: the current directory).</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>The repository root: files below it are written relative to it with <c>uriBaseId</c> <c>%SRCROOT%</c>.</summary>
    public string? RepositoryRoot { get; init; }
}

/// <summary>
/// Writes diagnostics as a SARIF 2.1.0 log (one run), the format GitHub code scanning and other
/// static-analysis viewers read. Every rule of <see cref="RuleCatalog.All"/> is described in
/// <c>tool.driver.rules</c>; silent diagnostics become results with level <c>none</c>.
/// </summary>
public static class SarifWriter
{
    /// <summary>The JSON schema URI of SARIF 2.1.0 written to <c>$schema</c>.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The <c>uriBaseId</c> of files below the repository root.</summary>
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>The SARIF level of a severity: error, warning, note or none.</summary>
    public static string Level(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Suggestion => "note",
        _ => "none",
    };

    /// <summary>Writes the log.</summary>
    public static void Write(TextWriter output, IEnumerable<PlanDiagnostic> diagnostics, SarifOptions? options = null)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        options ??= new SarifOptions();
        var baseDirectory = Path.GetFullPath(options.BaseDirectory ?? Directory.GetCurrentDirectory());
        var root = options.RepositoryRoot is null ? null : Path.GetFullPath(options.RepositoryRoot);
        var rules = RuleCatalog.All.ToList();
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            ruleIndex[rules[i].Id] = i;
        }

        var json = new JsonText(output);
        json.StartObject();
        json.String("$schema", SchemaUri);
        json.String("version", "2.1.0");
        json.StartArray("runs");
        json.StartObject();

        json.StartObject("tool");
        json.StartObject("driver");
        json.String("name", options.ToolName);
        json.String("version", options.ToolVersion);
        json.String("semanticVersion", SemanticVersion(options.ToolVersion));
        json.String("informationUri", options.InformationUri);
        json.StartArray("rules");
        foreach (var rule in rules)
        {
            json.StartObject();
            json.String("id", rule.Id);
            json.String("name", RuleName(rule.Title));
            json.StartObject("shortDescription");
            json.String("text", rule.Title);
            json.EndObject();
            json.StartObject("fullDescription");
            json.String("text", rule.Description);
            json.EndObject();
            json.String("helpUri", rule.HelpUri);
            json.StartObject("defaultConfiguration");
            json.String("level", Level(rule.DefaultSeverity));
            json.EndObject();
            json.EndObject();
        }

        json.EndArray();
        json.EndObject();
        json.EndObject();

        if (root is not null)
        {
            json.StartObject("originalUriBaseIds");
            json.StartObject(SourceRootId);
            json.String("uri", FileUri(root, directory: true));
            json.EndObject();
            json.EndObject();
        }

        json.StartArray("results");
        foreach (var diagnostic in diagnostics)
        {
            json.StartObject();
            json.String("ruleId", diagnostic.Id);
            if (ruleIndex.TryGetValue(diagnostic.Id, out var index))
            {
                json.Number("ruleIndex", index);
            }

            json.String("level", Level(diagnostic.Severity));
            json.StartObject("message");
            json.String("text", diagnostic.Message);
            json.EndObject();
            json.StartArray("locations");
            json.StartObject();
            json.StartObject("physicalLocation");
            json.StartObject("artifactLocation");
            var (uri, baseId) = ArtifactUri(diagnostic.FilePath, baseDirectory, root);
            json.String("uri", uri);
            if (baseId is not null)
            {
                json.String("uriBaseId", baseId);
            }

            json.EndObject();
            var span = diagnostic.Span;
            json.StartObject("region");
            json.Number("startLine", Math.Max(1, span.StartLine));
            json.Number("startColumn", Math.Max(1, span.StartColumn));
            json.Number("endLine", Math.Max(Math.Max(1, span.StartLine), span.EndLine));
            json.Number("endColumn", Math.Max(1, span.EndColumn));
            json.EndObject();
            json.EndObject();
            json.EndObject();
            json.EndArray();
            json.EndObject();
        }

        json.EndArray();
        json.String("columnKind", "utf16CodeUnits");
        json.EndObject();
        json.EndArray();
        json.EndObject();
        output.WriteLine();
    }

    /// <summary>A file's URI: relative to the repository root with forward slashes (and the
    /// <c>%SRCROOT%</c> base) when below it, else an absolute <c>file:</c> URI.</summary>
    internal static (string Uri, string? BaseId) ArtifactUri(string filePath, string baseDirectory, string? root)
    {
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(baseDirectory, filePath));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return (EscapePath(filePath.Replace('\\', '/')), null);
        }

        if (root is not null)
        {
            var rootWithSlash = root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? root : root + Path.DirectorySeparatorChar;
            var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (full.StartsWith(rootWithSlash, comparison))
            {
                return (EscapePath(full.Substring(rootWithSlash.Length).Replace('\\', '/')), SourceRootId);
            }
        }

        return (FileUri(full, directory: false), null);
    }

    private static string FileUri(string fullPath, bool directory)
    {
        var path = fullPath.Replace('\\', '/');
        if (directory && !path.EndsWith("/", StringComparison.Ordinal))
        {
            path += "/";
        }

        return "file://" + (path.StartsWith("/", StringComparison.Ordinal) ? string.Empty : "/") + EscapePath(path);
    }

    /// <summary>Percent-encodes the characters a URI path cannot hold; '/' and ':' stay.</summary>
    private static string EscapePath(string path)
    {
        var builder = new System.Text.StringBuilder(path.Length + 8);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsLetterOrDigit(c) || c is '/' or ':' or '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or '@'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>A PascalCase rule name from its title ("Status line is missing" -> "StatusLineIsMissing").</summary>
    private static string RuleName(string title)
    {
        var builder = new System.Text.StringBuilder(title.Length);
        var upper = true;
        foreach (var c in title)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return builder.ToString();
    }

    private static string SemanticVersion(string version)
    {
        var plus = version.IndexOf('+');
        return plus >= 0 ? version.Substring(0, plus) : version;
    }
}
