namespace ExecPlan.Cli;

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using ExecPlan.Validation.Authoring;
using ExecPlan.Validation.Reporting;
using ExecPlan.Validation.Settings;

/// <summary><c>execplan new "Title"</c>: writes a skeleton plan whose only findings are its placeholders.</summary>
internal static class NewCommand
{
    private const int MaxSlugLength = 60;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        string? title = null;
        string? output = null;
        var profile = PlanProfile.Auto;
        var force = false;
        var onlyPositional = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPositional || arg.Length < 2 || arg[0] != '-')
            {
                title = title is null ? arg : throw new UsageException($"unexpected argument '{arg}'; quote a title that has spaces.");
                continue;
            }

            var (name, inline) = Options.Split(arg);
            switch (name)
            {
                case "--":
                    onlyPositional = true;
                    break;
                case "-h":
                case "-?":
                case "--help":
                    stdout.WriteLine(HelpText.New);
                    return ExitCodes.Success;
                case "-o":
                case "--output":
                    output = Options.Value(args, ref i, name, inline);
                    break;
                case "-p":
                case "--profile":
                    {
                        var value = Options.Value(args, ref i, name, inline);
                        if (!PlanProfileText.TryParse(value, out profile))
                        {
                            throw new UsageException($"unknown profile '{value}'; use 'auto', 'skill' or 'classic'.");
                        }

                        break;
                    }

                case "-f":
                case "--force":
                    force = true;
                    break;
                default:
                    throw new UsageException($"unknown option '{arg}'.");
            }
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new UsageException("no title given; write execplan new \"Add a health endpoint\".");
        }

        var path = output ?? Slug(title!) + ".md";
        if (output != "-" && Directory.Exists(path))
        {
            path = Path.Combine(path, Slug(title!) + ".md");
        }

        // Inside a repository with a PLANS.md the new plan names it, as the skill asks (EXP008).
        var folder = output == "-" ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        var repoRoot = CliApp.FindRepositoryRoot(Directory.Exists(folder) ? folder : Directory.GetCurrentDirectory());
        var view = repoRoot is null ? null : new FileSystemRepositoryView(repoRoot);
        var plansFile = view?.PlansFile;
        // Under auto, a repository whose PLANS.md has a skeleton gets a plan from that skeleton.
        var derived = profile == PlanProfile.Auto ? view?.PlansDerivation?.Profile : null;
        var text = derived is not null ? PlanTemplate.Create(title!, derived, "\n") : PlanTemplate.Create(title!, profile, "\n", plansFile);
        if (output == "-")
        {
            stdout.Write(text);
            return ExitCodes.Success;
        }

        if (File.Exists(path) && !force)
        {
            stderr.WriteLine($"execplan: error: '{DisplayText.Escape(path)}' already exists; pass --force to overwrite it.");
            return ExitCodes.UsageError;
        }

        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"execplan: error: cannot write '{DisplayText.Escape(path)}': {DisplayText.Escape(ex.Message)}");
            return ExitCodes.UsageError;
        }

        stdout.WriteLine(path);
        stderr.WriteLine("Created a " + (derived is not null ? "plan from the skeleton of " + DisplayText.Escape(derived.PlansFile) : PlanProfileText.ToText(profile == PlanProfile.Auto ? PlanProfile.Skill : profile) + " plan") + "; replace every <placeholder>, then run 'execplan check " + DisplayText.Escape(path) + "'.");
        return ExitCodes.Success;
    }

    /// <summary>The file name for a title: lower-case letters and digits joined by '-' ("Add a /health probe!" -> "add-a-health-probe").
    /// Letters outside ASCII are kept as they are (the tool runs without ICU, so no accent folding).</summary>
    internal static string Slug(string title)
    {
        var builder = new StringBuilder(title.Length);
        var dash = false;
        foreach (var c in title)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (dash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                dash = false;
                if (builder.Length >= MaxSlugLength)
                {
                    break;
                }
            }
            else
            {
                dash = true;
            }
        }

        return builder.Length == 0 ? "plan" : builder.ToString().TrimEnd('-');
    }
}
