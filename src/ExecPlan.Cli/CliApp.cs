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
using ExecPlan.Validation.Io;
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
                    return CatalogCommands.Rules(rest, stdout);
                case "explain":
                    return CatalogCommands.Explain(rest, stdout);
                case "new":
                    return NewCommand.Run(rest, stdout, stderr);
                case "fix":
                    return FixCommand.Run(rest, stdout, stderr);
                case "profile":
                    return ProfileCommand.Run(rest, stdout);
                default:
                    throw new UsageException(command.StartsWith('-')
                        ? $"unknown option '{command}'."
                        : $"unknown command '{command}'; use 'check', 'fix', 'new', 'profile', 'rules' or 'explain'.");
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

    private static int Check(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = CheckOptions.Parse(args);
        if (options.ShowHelp)
        {
            stdout.WriteLine(HelpText.Check);
            return ExitCodes.Success;
        }

        var currentDirectory = Directory.GetCurrentDirectory();
        // The report's %SRCROOT% (SARIF): --repo-root, else the repository around the current directory.
        var repoRoot = options.RepoRoot ?? FindRepositoryRoot(currentDirectory);
        var settings = new ValidationSettings
        {
            Profile = options.Profile,
            SeverityOverrides = options.SeverityOverrides,
            MaxFileSizeBytes = options.MaxFileSizeBytes,
            UseInlineSuppressions = options.InlineConfig,
        };
        var configuration = new FileConfiguration(settings, options);

        // No PATH: the plans of the repository around the current directory.
        var resolver = new InputResolver(currentDirectory);
        foreach (var path in options.Paths.Count > 0 ? options.Paths : [repoRoot is null ? "." : Path.GetRelativePath(currentDirectory, repoRoot)])
        {
            resolver.Add(path);
        }

        var candidates = resolver.Files;
        var verdicts = candidates.Select(f => Verdict(f, configuration, options.OnlyPlans)).ToArray();
        if (options.ListOnly)
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                stdout.WriteLine((verdicts[i].IsPlan ? "plan     " : "skipped  ") + DisplayText.Escape(candidates[i].DisplayPath) + "  (" + verdicts[i].Reason + ")");
            }

            stderr.WriteLine(Plural(verdicts.Count(v => v.IsPlan), "plan") + " among " + Plural(candidates.Count, "candidate"));
            return ExitCodes.Success;
        }

        var files = candidates.Where((_, i) => verdicts[i].IsPlan).ToArray();
        var results = new IReadOnlyList<PlanDiagnostic>[files.Length];
        IReadOnlyList<PlanDiagnostic> ValidateOne(string path)
        {
            try
            {
                return new PlanValidator(configuration.SettingsFor(path)).ValidateFile(path);
            }
#pragma warning disable CA1031 // One file's failure must not lose every other file's result (exit 3).
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return [new PlanDiagnostic(RuleCatalog.EXP000.Id, RuleSeverity.Error, path, SourceSpan.FileStart,
                    RuleCatalog.EXP000.FormatMessage("the plan could not be validated (" + ex.GetType().Name + ": " + ex.Message + ")."), RuleCatalog.EXP000.HelpUri)];
            }
        }

        if (files.Length == 1)
        {
            // No thread-pool start-up for the common single-file run.
            results[0] = ValidateOne(files[0].DisplayPath);
        }
        else if (files.Length > 1)
        {
            Parallel.For(0, files.Length, i => results[i] = ValidateOne(files[i].DisplayPath));
        }

        if (files.Length == 0 && candidates.Count > 0)
        {
            stderr.WriteLine("execplan: none of the " + Plural(candidates.Count, "Markdown file") + " found is a plan; run with --list to see why.");
        }

        // Files and unmatched inputs interleave in ordinal path order, so output is deterministic.
        var groups = new List<(string Path, IReadOnlyList<PlanDiagnostic> Diagnostics)>(files.Length + resolver.Unmatched.Count);
        for (var i = 0; i < files.Length; i++)
        {
            groups.Add((files[i].DisplayPath, results[i]));
        }

        var exp000 = settings.SeverityOf(RuleCatalog.EXP000);
        foreach (var unmatched in resolver.Unmatched)
        {
            IReadOnlyList<PlanDiagnostic> diagnostics = exp000 == RuleSeverity.None
                ? []
                : [new PlanDiagnostic(RuleCatalog.EXP000.Id, exp000, unmatched.DisplayPath, SourceSpan.FileStart, RuleCatalog.EXP000.FormatMessage(unmatched.Message), RuleCatalog.EXP000.HelpUri)];
            groups.Add((unmatched.DisplayPath, diagnostics));
        }

        // EXP060: once per PLANS.md that plans were checked under (auto) but has no readable skeleton.
        if (settings.Profile == PlanProfile.Auto && files.Length > 0)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var view in configuration.RepositoryViews.OrderBy(v => v.PlansFileFullPath, StringComparer.Ordinal))
            {
                if (view.PlansDerivation is { Profile: null } failed && view.PlansFileFullPath is { } plansPath && reported.Add(plansPath))
                {
                    var display = Path.GetRelativePath(currentDirectory, plansPath);
                    groups.Add((display, new PlanValidator(configuration.SettingsFor(plansPath)).ValidatePlansFile(failed, display)));
                }
            }
        }

        groups.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var all = groups.SelectMany(g => g.Diagnostics).Select(d => HelpLinks.Rebase(d, options.HelpUriBase)).ToList();

        if (options.OutputPath is null)
        {
            Reporters.Write(stdout, options.Format, all, currentDirectory, repoRoot, options.HelpUriBase);
            stdout.Flush();
        }
        else
        {
            Reporters.WriteFile(options.OutputPath, options.Format, all, currentDirectory, repoRoot, options.HelpUriBase);
        }

        var errors = all.Count(d => d.Severity == RuleSeverity.Error);
        var warnings = all.Count(d => d.Severity == RuleSeverity.Warning);
        var suggestions = all.Count(d => d.Severity == RuleSeverity.Suggestion);
        stderr.WriteLine(Summary(files.Length, errors, warnings, suggestions));
        return errors > 0 ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }

    internal static string Summary(int files, int errors, int warnings, int suggestions)
    {
        var text = Plural(files, "file") + " checked: " + Plural(errors, "error") + ", " + Plural(warnings, "warning");
        return suggestions > 0 ? text + ", " + Plural(suggestions, "suggestion") : text;
    }

    private static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    /// <summary>
    /// Whether a candidate is checked: a file named on the command line always is (unless
    /// --only-plans); a file found below a directory or by a glob only when it is a plan, by the
    /// same rule as the build (<see cref="PlanDiscovery.Classify"/>).
    /// </summary>
    internal static PlanVerdict Verdict(InputFile file, FileConfiguration configuration, bool onlyPlans) =>
        file.Explicit && !onlyPlans
            ? new PlanVerdict(true, "named on the command line")
            : PlanDiscovery.Classify(file.FullPath, configuration.OptionsFor(file.FullPath), () => ReadHead(file.FullPath));

    // The first characters of a file, for the declaration sniff; null when it cannot be read (a
    // FIFO or device: it is then checked, and the validator reports it as EXP000).
    private static string? ReadHead(string path)
    {
        var head = SafeFileReader.ReadPrefix(path, PlanDiscovery.SniffLength * 2).Bytes;
        return head is null ? null : Encoding.UTF8.GetString(head);
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <c>.git</c> (a folder, or a file in a worktree).</summary>
    internal static string? FindRepositoryRoot(string start) => SettingsResolver.FindRepositoryRoot(start);
}
