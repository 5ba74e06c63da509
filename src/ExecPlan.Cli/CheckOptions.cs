namespace ExecPlan.Cli;

using System;
using System.Collections.Generic;
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

/// <summary>The parsed options of <c>execplan check</c>. Hand-written parsing keeps start-up fast.</summary>
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

    /// <summary>Parses the arguments after <c>check</c>; throws <see cref="UsageException"/> on mistakes.</summary>
    public static CheckOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CheckOptions();
        var onlyPaths = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPaths || arg.Length < 2 || arg[0] != '-')
            {
                options.Paths.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyPaths = true;
                continue;
            }

            // Accept both "--name value" and "--name=value".
            var (name, inlineValue) = Options.Split(arg);

            switch (name)
            {
                case "-h":
                case "-?":
                case "--help":
                    options.ShowHelp = true;
                    break;
                case "-p":
                case "--profile":
                    {
                        var value = Options.Value(args, ref i, name, inlineValue);
                        if (!PlanProfileText.TryParse(value, out var profile))
                        {
                            throw new UsageException($"unknown profile '{value}'; use 'auto', 'skill' or 'classic'.");
                        }

                        options.Profile = profile;
                        options.ProfileGiven = true;
                        break;
                    }

                case "-f":
                case "--format":
                    {
                        var value = Options.Value(args, ref i, name, inlineValue);
                        options.Format = value.ToUpperInvariant() switch
                        {
                            "TEXT" => OutputFormat.Text,
                            "JSON" => OutputFormat.Json,
                            "SARIF" => OutputFormat.Sarif,
                            "GITHUB" => OutputFormat.GitHub,
                            _ => throw new UsageException($"unknown format '{value}'; use 'text', 'json', 'sarif' or 'github'."),
                        };
                        break;
                    }

                case "-o":
                case "--output":
                    options.OutputPath = Options.Value(args, ref i, name, inlineValue);
                    break;

                case "--plans-file":
                    {
                        var value = Options.Value(args, ref i, name, inlineValue);
                        if (!File.Exists(value))
                        {
                            throw new UsageException($"--plans-file '{value}' is not a file.");
                        }

                        options.PlansFile = Path.GetFullPath(value);
                        break;
                    }

                case "--repo-root":
                    {
                        var value = Options.Value(args, ref i, name, inlineValue);
                        if (!Directory.Exists(value))
                        {
                            throw new UsageException($"--repo-root '{value}' is not a directory.");
                        }

                        options.RepoRoot = value;
                        break;
                    }

                case "-s":
                case "--severity":
                    {
                        var value = Options.Value(args, ref i, name, inlineValue);
                        ParseSeverity(value, options.SeverityOverrides);
                        break;
                    }

                case "--help-uri-base":
                    options.HelpUriBase = Options.Value(args, ref i, name, inlineValue);
                    break;

                case "--list":
                    options.ListOnly = true;
                    break;

                case "--only-plans":
                    options.OnlyPlans = true;
                    break;

                case "--no-inline-config":
                    options.InlineConfig = false;
                    break;

                case "--no-editorconfig":
                    options.UseEditorConfig = false;
                    break;

                case "--max-file-size":
                    {
                        var value = Options.Value(args, ref i, name, inlineValue);
                        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) || bytes <= 0)
                        {
                            throw new UsageException($"--max-file-size needs a positive number of bytes, not '{value}'.");
                        }

                        options.MaxFileSizeBytes = bytes;
                        break;
                    }

                default:
                    throw new UsageException($"unknown option '{arg}'.");
            }
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
