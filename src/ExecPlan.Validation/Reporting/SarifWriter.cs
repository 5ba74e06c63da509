namespace ExecPlan.Validation.Reporting;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Rules;

/// <summary>
/// Writes diagnostics as a SARIF 2.1.0 log (one run), the format GitHub code scanning and other
/// static-analysis viewers read. The one writer behind the CLI's <c>--format sarif</c> and the
/// MSBuild task's <c>ExecPlanSarifPath</c>: every rule of <see cref="RuleCatalog.All"/> is
/// described in <c>tool.driver.rules</c> with its doc page as <c>help</c>; results reference
/// rules by <c>ruleIndex</c>, carry a line-content <c>partialFingerprints</c> entry and, below the
/// repository root, <c>%SRCROOT%</c>-relative URIs; the run names the git commit when it can
/// (<c>versionControlProvenance</c>). Silent diagnostics become results with level <c>none</c>.
/// </summary>
public static partial class SarifWriter
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
