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

    /// <summary>The tool version in <c>tool.driver.version</c> (default: this library's informational version).</summary>
    public string ToolVersion { get; init; } = SarifWriter.LibraryVersion;

    /// <summary>The project page in <c>tool.driver.informationUri</c>.</summary>
    public string InformationUri { get; init; } = "https://github.com/execplan-build/ExecPlan.Build";

    /// <summary>The folder relative diagnostic paths are resolved against (default: the current directory).</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>The repository root: files below it are written relative to it with <c>uriBaseId</c> <c>%SRCROOT%</c>.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Whether to read the <c>.git</c> folder at or above the repository root for
    /// <c>versionControlProvenance</c> (default true).</summary>
    public bool IncludeVersionControl { get; init; } = true;

    /// <summary>Where rule help links point (null: the catalogue's base); see <see cref="Rules.HelpLinks"/>.</summary>
    public string? HelpUriBase { get; init; }
}

/// <summary>
/// Writes diagnostics as a SARIF 2.1.0 log (one run), the format GitHub code scanning and other
/// static-analysis viewers read. The one writer behind the CLI's <c>--format sarif</c> and the
/// MSBuild task's <c>ExecPlanSarifPath</c>: every rule of <see cref="RuleCatalog.All"/> is
/// described in <c>tool.driver.rules</c> with its doc page as <c>help</c>; results reference
/// rules by <c>ruleIndex</c>, carry a line-content <c>partialFingerprints</c> entry and, below the
/// repository root, <c>%SRCROOT%</c>-relative URIs; the run names the git commit when it can
/// (<c>versionControlProvenance</c>). Silent diagnostics become results with level <c>none</c>.
/// </summary>
public static class SarifWriter
{
    /// <summary>The JSON schema URI of SARIF 2.1.0 written to <c>$schema</c>.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The <c>uriBaseId</c> of files below the repository root.</summary>
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>The informational version of this library (the default tool version).</summary>
    public static string LibraryVersion { get; } =
        typeof(SarifWriter).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion
        ?? typeof(SarifWriter).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>The largest file read to fingerprint a result's line.</summary>
    private const long MaxFingerprintFileBytes = 16L * 1024 * 1024;

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
        var items = diagnostics.ToList();
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
            var helpUri = HelpLinks.For(rule.Id, options.HelpUriBase);
            json.String("helpUri", helpUri);
            json.StartObject("help");
            json.String("text", RuleDocs.HelpText(rule.Id) ?? rule.Description + " See " + helpUri);
            json.String("markdown", RuleDocs.HelpMarkdown(rule.Id) ?? rule.Description + " See [" + rule.Id + "](" + helpUri + ").");
            json.EndObject();
            json.StartObject("defaultConfiguration");
            json.String("level", Level(rule.DefaultSeverity));
            json.EndObject();
            json.StartObject("properties");
            json.StartArray("tags");
            foreach (var tag in Tags(rule.Id))
            {
                json.StringValue(tag);
            }

            json.EndArray();
            json.EndObject();
            json.EndObject();
        }

        json.EndArray();
        json.EndObject();
        json.EndObject();

        var git = options.IncludeVersionControl ? GitProvenance.TryRead(root ?? baseDirectory) : null;
        if (git?.RepositoryUri is not null)
        {
            json.StartArray("versionControlProvenance");
            json.StartObject();
            json.String("repositoryUri", git.RepositoryUri);
            if (git.RevisionId is not null)
            {
                json.String("revisionId", git.RevisionId);
            }

            if (git.Branch is not null)
            {
                json.String("branch", git.Branch);
            }

            if (root is not null && SamePath(root, git.WorkTreeRoot))
            {
                json.StartObject("mappedTo");
                json.String("uriBaseId", SourceRootId);
                json.EndObject();
            }

            json.EndObject();
            json.EndArray();
        }

        if (root is not null)
        {
            json.StartObject("originalUriBaseIds");
            json.StartObject(SourceRootId);
            json.String("uri", FileUri(root, directory: true));
            json.EndObject();
            json.EndObject();
        }

        var locations = items.Select(d => Locate(d.FilePath, baseDirectory, root)).ToList();
        var fingerprints = Fingerprints(items, locations);

        json.StartArray("results");
        for (var i = 0; i < items.Count; i++)
        {
            var diagnostic = items[i];
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
            var (uri, baseId) = (locations[i].Uri, locations[i].BaseId);
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
            json.StartObject("partialFingerprints");
            json.String(SarifFingerprint.Key, fingerprints[i]);
            json.EndObject();
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
        var location = Locate(filePath, baseDirectory, root);
        return (location.Uri, location.BaseId);
    }

    /// <summary>Where a diagnostic's file is: its URI and base, its full path (null when the path
    /// is not one) and the path the fingerprint hashes (root-relative with '/', else as full).</summary>
    private static ArtifactLocation Locate(string filePath, string baseDirectory, string? root)
    {
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(baseDirectory, filePath));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            var plain = filePath.Replace('\\', '/');
            return new ArtifactLocation(EscapePath(plain), null, null, plain);
        }

        if (root is not null)
        {
            var rootWithSlash = root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? root : root + Path.DirectorySeparatorChar;
            if (full.StartsWith(rootWithSlash, PathComparison))
            {
                var relative = full.Substring(rootWithSlash.Length).Replace('\\', '/');
                return new ArtifactLocation(EscapePath(relative), SourceRootId, full, relative);
            }
        }

        return new ArtifactLocation(FileUri(full, directory: false), null, full, full.Replace('\\', '/'));
    }

    private static StringComparison PathComparison =>
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static bool SamePath(string a, string b) =>
        string.Equals(a.TrimEnd('/', '\\'), b.TrimEnd('/', '\\'), PathComparison);

    /// <summary>Each result's <see cref="SarifFingerprint"/>, reading each flagged file once.</summary>
    private static string[] Fingerprints(List<PlanDiagnostic> items, List<ArtifactLocation> locations)
    {
        var files = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var keys = new string[items.Count];
        var lines = new string[items.Count];
        var orders = new (int Line, int Column, string Message)[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var location = locations[i];
            var fileLines = location.FullPath is null ? [] : LinesOf(location.FullPath, files);
            var line = items[i].Span.StartLine;
            lines[i] = SarifFingerprint.NormalizeLine(line >= 1 && line <= fileLines.Length ? fileLines[line - 1] : null);
            keys[i] = items[i].Id.ToUpperInvariant() + "\n" + location.FingerprintPath + "\n" + lines[i];
            orders[i] = (line, items[i].Span.StartColumn, items[i].Message);
        }

        var occurrences = SarifFingerprint.Occurrences(keys, orders);
        var result = new string[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            result[i] = SarifFingerprint.Compute(items[i].Id, locations[i].FingerprintPath, lines[i], occurrences[i]);
        }

        return result;
    }

    private static string[] LinesOf(string fullPath, Dictionary<string, string[]> cache)
    {
        if (cache.TryGetValue(fullPath, out var cached))
        {
            return cached;
        }

        string[] lines;
        try
        {
            var info = new FileInfo(fullPath);
            lines = info.Exists && info.Length <= MaxFingerprintFileBytes
                ? SplitLines(File.ReadAllText(fullPath, System.Text.Encoding.UTF8))
                : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            lines = [];
        }

        cache[fullPath] = lines;
        return lines;
    }

    /// <summary>Lines as the parser counts them: split at \r\n, \n or a lone \r.</summary>
    private static string[] SplitLines(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');

    /// <summary>The rule's tags: <c>execplan</c> and its group (the ID's tens).</summary>
    private static string[] Tags(string id)
    {
        var group = id.Length >= 5 ? id[4] : ' ';
        var name = group switch
        {
            '0' => "structure",
            '1' => "status",
            '2' => "progress",
            '3' => "entries",
            '4' => "content",
            '5' => "markdown",
            _ => null,
        };
        return name is null ? ["execplan"] : ["execplan", name];
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

    /// <summary>A PascalCase rule name from its title ("Status line is missing" -> "StatusLineIsMissing",
    /// "PLANS.md is not referenced" -> "PlansMdIsNotReferenced"): each word capitalised and the rest
    /// lower-cased, articles dropped, so no two capitals touch.</summary>
    internal static string RuleName(string title)
    {
        var builder = new System.Text.StringBuilder(title.Length);
        var word = new System.Text.StringBuilder();
        void Flush()
        {
            var text = word.ToString();
            word.Clear();
            if (text.Length == 0 || text.Equals("a", StringComparison.OrdinalIgnoreCase) ||
                text.Equals("an", StringComparison.OrdinalIgnoreCase) || text.Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            builder.Append(char.ToUpperInvariant(text[0])).Append(text.Substring(1).ToLowerInvariant());
        }

        foreach (var c in title)
        {
            if (char.IsLetterOrDigit(c) && c < 0x80)
            {
                word.Append(c);
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return builder.ToString();
    }

    private static string SemanticVersion(string version)
    {
        var plus = version.IndexOf('+');
        return plus >= 0 ? version.Substring(0, plus) : version;
    }
}

/// <summary>A result's file as the log writes it.</summary>
internal sealed class ArtifactLocation
{
    public ArtifactLocation(string uri, string? baseId, string? fullPath, string fingerprintPath)
    {
        Uri = uri;
        BaseId = baseId;
        FullPath = fullPath;
        FingerprintPath = fingerprintPath;
    }

    public string Uri { get; }

    public string? BaseId { get; }

    public string? FullPath { get; }

    public string FingerprintPath { get; }
}
