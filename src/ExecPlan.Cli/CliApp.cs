namespace ExecPlan.Cli;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ExecPlan.Validation;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Reporting;
using ExecPlan.Validation.Rules;
using ExecPlan.Validation.Settings;

/// <summary>
/// The command dispatcher. A thin front end: it gathers files and settings, calls
/// <see cref="PlanValidator"/> and prints what comes back. No rule logic lives here.
/// </summary>
internal static class CliApp
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0)
        {
            stderr.WriteLine(HelpText.Main);
            return ExitCodes.UsageError;
        }

        var command = args[0];
        var rest = args.Skip(1).ToArray();
        try
        {
            switch (command)
            {
                case "-h":
                case "-?":
                case "--help":
                case "help":
                    stdout.WriteLine(HelpText.Main);
                    return ExitCodes.Success;
                case "--version":
                case "version":
                    stdout.WriteLine(HelpText.Version);
                    return ExitCodes.Success;
                case "check":
                    return Check(rest, stdout, stderr);
                case "rules":
                    return Rules(rest, stdout);
                case "new":
                    return NewCommand.Run(rest, stdout, stderr);
                case "fix":
                    return FixCommand.Run(rest, stdout, stderr);
                default:
                    throw new UsageException(command.StartsWith('-')
                        ? $"unknown option '{command}'."
                        : $"unknown command '{command}'; use 'check', 'fix', 'new' or 'rules'.");
            }
        }
        catch (UsageException ex)
        {
            // The message may quote an argument or a path: one line, no raw control characters.
            stderr.WriteLine("execplan: error: " + DisplayText.Escape(ex.Message));
            stderr.WriteLine(command is "check" or "fix" or "new" ? $"Run 'execplan {command} --help' for usage." : "Run 'execplan --help' for usage.");
            return ExitCodes.UsageError;
        }
    }

    private static int Rules(string[] args, TextWriter stdout)
    {
        if (args.Length > 0)
        {
            if (args[0] is "-h" or "--help" or "-?")
            {
                stdout.WriteLine(HelpText.Rules);
                return ExitCodes.Success;
            }

            throw new UsageException($"unknown argument '{args[0]}' for 'rules'.");
        }

        stdout.WriteLine("ID      Default     Title");
        stdout.WriteLine("------  ----------  -----");
        foreach (var rule in RuleCatalog.All)
        {
            stdout.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-6}  {1,-10}  {2}", rule.Id, rule.DefaultSeverity.ToText(), rule.Title));
        }

        return ExitCodes.Success;
    }

    private static int Check(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = CheckOptions.Parse(args);
        if (options.ShowHelp)
        {
            stdout.WriteLine(HelpText.Check);
            return ExitCodes.Success;
        }

        var currentDirectory = Directory.GetCurrentDirectory();
        var repoRoot = options.RepoRoot ?? FindRepositoryRoot(currentDirectory);
        var settings = new ValidationSettings
        {
            Profile = options.Profile,
            SeverityOverrides = options.SeverityOverrides,
            Repository = repoRoot is null ? null : new FileSystemRepositoryView(repoRoot),
            MaxFileSizeBytes = options.MaxFileSizeBytes,
            UseInlineSuppressions = options.InlineConfig,
        };
        var configuration = options.UseEditorConfig ? new FileConfiguration(settings, options, repoRoot) : null;

        var resolver = new InputResolver(currentDirectory);
        foreach (var path in options.Paths)
        {
            resolver.Add(path);
        }

        var files = resolver.Files;
        var results = new IReadOnlyList<PlanDiagnostic>[files.Count];
        var validator = new PlanValidator(settings);
        IReadOnlyList<PlanDiagnostic> ValidateOne(string path) =>
            (configuration is null ? validator : new PlanValidator(configuration.SettingsFor(path))).ValidateFile(path);
        if (files.Count == 1)
        {
            // No thread-pool start-up for the common single-file run.
            results[0] = ValidateOne(files[0].DisplayPath);
        }
        else if (files.Count > 1)
        {
            Parallel.For(0, files.Count, i => results[i] = ValidateOne(files[i].DisplayPath));
        }

        // Files and unmatched inputs interleave in ordinal path order, so output is deterministic.
        var groups = new List<(string Path, IReadOnlyList<PlanDiagnostic> Diagnostics)>(files.Count + resolver.Unmatched.Count);
        for (var i = 0; i < files.Count; i++)
        {
            groups.Add((files[i].DisplayPath, results[i]));
        }

        var exp000 = settings.SeverityOf(RuleCatalog.EXP000);
        foreach (var unmatched in resolver.Unmatched)
        {
            IReadOnlyList<PlanDiagnostic> diagnostics = exp000 == RuleSeverity.None
                ? []
                : [new PlanDiagnostic(RuleCatalog.EXP000.Id, exp000, unmatched.DisplayPath, SourceSpan.FileStart, unmatched.Message, RuleCatalog.EXP000.HelpUri)];
            groups.Add((unmatched.DisplayPath, diagnostics));
        }

        groups.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var all = groups.SelectMany(g => g.Diagnostics).ToList();

        if (options.OutputPath is null)
        {
            WriteReport(stdout, options.Format, all, currentDirectory, repoRoot);
            stdout.Flush();
        }
        else
        {
            WriteReportFile(options.OutputPath, options.Format, all, currentDirectory, repoRoot);
        }

        var errors = all.Count(d => d.Severity == RuleSeverity.Error);
        var warnings = all.Count(d => d.Severity == RuleSeverity.Warning);
        var suggestions = all.Count(d => d.Severity == RuleSeverity.Suggestion);
        stderr.WriteLine(Summary(files.Count, errors, warnings, suggestions));
        return errors > 0 ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }

    private static void WriteReport(TextWriter output, OutputFormat format, List<PlanDiagnostic> all, string currentDirectory, string? repoRoot)
    {
        switch (format)
        {
            case OutputFormat.Json:
                Reporters.WriteJson(output, all);
                break;
            case OutputFormat.Sarif:
                SarifWriter.Write(output, all, new SarifOptions
                {
                    ToolName = "execplan",
                    ToolVersion = HelpText.Version,
                    BaseDirectory = currentDirectory,
                    RepositoryRoot = repoRoot,
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

    private static void WriteReportFile(string path, OutputFormat format, List<PlanDiagnostic> all, string currentDirectory, string? repoRoot)
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
            WriteReport(writer, format, all, currentDirectory, repoRoot);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot write the report to '{path}': {ex.Message}");
        }
    }

    internal static string Summary(int files, int errors, int warnings, int suggestions)
    {
        var text = Plural(files, "file") + " checked: " + Plural(errors, "error") + ", " + Plural(warnings, "warning");
        return suggestions > 0 ? text + ", " + Plural(suggestions, "suggestion") : text;
    }

    private static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <c>.git</c> (a folder, or a file in a worktree).</summary>
    internal static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
