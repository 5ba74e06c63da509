namespace ExecPlan.Cli;

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Rules;
using ExecPlan.Validation.Settings;

/// <summary>Output formats of <c>execplan check</c>.</summary>
internal enum OutputFormat
{
    Text,
    Json,
    Sarif,
    GitHub,
}

/// <summary>The parsed options of <c>execplan check</c>. The grammar is in <see cref="CliSyntax"/>.</summary>
internal sealed class CheckOptions
{
    public PlanProfile Profile { get; private set; } = PlanProfile.Auto;

    /// <summary>--plans-file: the PLANS.md to derive the auto profile from (relative to the current directory).</summary>
    public string? PlansFile { get; private set; }

    /// <summary>True when --profile was given: it then beats an <c>execplan_profile</c> in .editorconfig.</summary>
    public bool ProfileGiven { get; private set; }

    /// <summary>False with --no-inline-config: <c>execplan-disable</c> comments are ignored (strict CI).</summary>
    public bool InlineConfig { get; private set; } = true;

    /// <summary>False with --no-editorconfig: .editorconfig / .globalconfig severities are not read.</summary>
    public bool UseEditorConfig { get; private set; } = true;

    public OutputFormat Format { get; private set; } = OutputFormat.Text;

    public string? RepoRoot { get; private set; }

    /// <summary>Where the report goes (<c>--output FILE</c>); null for stdout.</summary>
    public string? OutputPath { get; private set; }

    public Dictionary<string, RuleSeverity> SeverityOverrides { get; } = new(StringComparer.OrdinalIgnoreCase);

    public long MaxFileSizeBytes { get; private set; } = ValidationSettings.DefaultMaxFileSizeBytes;

    public List<string> Paths { get; } = [];

    public bool ShowHelp { get; private set; }

    /// <summary>--help-uri-base: where help links point (a mirror, an internal site); null: the catalogue's.</summary>
    public string? HelpUriBase { get; private set; }

    /// <summary>--list: print which files are plans and why, and validate nothing.</summary>
    public bool ListOnly { get; private set; }

    /// <summary>--only-plans: file arguments are candidates too (pre-commit passes every staged .md).</summary>
    public bool OnlyPlans { get; private set; }

    /// <summary>The options of a parsed <c>check</c> command line; throws <see cref="UsageException"/> on a bad value.</summary>
    public static CheckOptions From(ParseResult parsed, CliSyntax.CheckSyntax syntax)
    {
        var options = new CheckOptions
        {
            ShowHelp = parsed.GetValue(syntax.Help),
            OutputPath = CliSyntax.Last(parsed, syntax.Output),
            HelpUriBase = CliSyntax.Last(parsed, syntax.HelpUriBase),
            ListOnly = parsed.GetValue(syntax.List),
            OnlyPlans = parsed.GetValue(syntax.OnlyPlans),
            InlineConfig = !parsed.GetValue(syntax.NoInlineConfig),
            UseEditorConfig = !parsed.GetValue(syntax.NoEditorConfig),
        };
        options.Paths.AddRange(CliSyntax.All(parsed, syntax.Paths));
        if (CliSyntax.Last(parsed, syntax.Profile) is { } profileText)
        {
            options.Profile = PlanProfileText.TryParse(profileText, out var profile)
                ? profile
                : throw new UsageException($"unknown profile '{profileText}'; use 'auto', 'skill' or 'classic'.");
            options.ProfileGiven = true;
        }

        if (CliSyntax.Last(parsed, syntax.Format) is { } format)
        {
            options.Format = format.ToUpperInvariant() switch
            {
                "TEXT" => OutputFormat.Text,
                "JSON" => OutputFormat.Json,
                "SARIF" => OutputFormat.Sarif,
                "GITHUB" => OutputFormat.GitHub,
                _ => throw new UsageException($"unknown format '{format}'; use 'text', 'json', 'sarif' or 'github'."),
            };
        }

        if (CliSyntax.Last(parsed, syntax.PlansFile) is { } plansFile)
        {
            options.PlansFile = File.Exists(plansFile) ? Path.GetFullPath(plansFile) : throw new UsageException($"--plans-file '{plansFile}' is not a file.");
        }

        if (CliSyntax.Last(parsed, syntax.RepoRoot) is { } repoRoot)
        {
            options.RepoRoot = Directory.Exists(repoRoot) ? repoRoot : throw new UsageException($"--repo-root '{repoRoot}' is not a directory.");
        }

        foreach (var severity in CliSyntax.All(parsed, syntax.Severity))
        {
            ParseSeverity(severity, options.SeverityOverrides);
        }

        if (CliSyntax.Last(parsed, syntax.MaxFileSize) is { } size)
        {
            options.MaxFileSizeBytes = long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0
                ? bytes
                : throw new UsageException($"--max-file-size needs a positive number of bytes, not '{size}'.");
        }

        return options;
    }

    internal static void ParseSeverity(string value, Dictionary<string, RuleSeverity> overrides)
    {
        // "EXP021=none"; several may be joined with commas: "EXP021=none,EXP006=warning".
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UsageException($"--severity expects ID=LEVEL (e.g. EXP021=none), not '{part}'.");
            }

            var id = part.Substring(0, eq).Trim();
            var level = part.Substring(eq + 1).Trim();
            if (!RuleCatalog.TryGet(id, out var descriptor))
            {
                throw new UsageException($"unknown rule ID '{id}' in --severity; run 'execplan rules' for the list.");
            }

            if (!RuleSeverityText.TryParse(level, out var severity))
            {
                throw new UsageException($"unknown severity '{level}' for {descriptor.Id}; use none, silent, suggestion, warning or error.");
            }

            overrides[descriptor.Id] = severity;
        }
    }
}
