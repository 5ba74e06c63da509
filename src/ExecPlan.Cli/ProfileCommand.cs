namespace ExecPlan.Cli;

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using ExecPlan.Validation.Profiles;
using ExecPlan.Validation.Reporting;
using ExecPlan.Validation.Settings;

/// <summary>
/// <c>execplan profile [PATH] [--plans-file FILE]</c>: prints the profile <c>auto</c> uses for a
/// repository (PATH a folder in it, default the current one) or for a PLANS.md (PATH the file),
/// and the PLANS.md line every fact comes from.
/// </summary>
internal static class ProfileCommand
{
    public static int Run(string[] args, TextWriter stdout)
    {
        string? path = null;
        string? plansFile = null;
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inline) = Options.Split(args[i]);
            switch (name)
            {
                case "-h":
                case "--help":
                    stdout.WriteLine(HelpText.Profile);
                    return ExitCodes.Success;
                case "--plans-file":
                    plansFile = Path.GetFullPath(Options.Value(args, ref i, name, inline));
                    break;
                default:
                    if (name.StartsWith('-') && name.Length > 1)
                    {
                        throw new UsageException($"unknown option '{name}'.");
                    }

                    if (path is not null)
                    {
                        throw new UsageException("give at most one PATH.");
                    }

                    path = args[i];
                    break;
            }
        }

        path ??= ".";
        FileSystemRepositoryView view;
        if (File.Exists(path) && plansFile is null)
        {
            var full = Path.GetFullPath(path);
            var folder = Path.GetDirectoryName(full)!;
            var root = CliApp.FindRepositoryRoot(folder) ?? folder;
            view = new FileSystemRepositoryView(root, full);
        }
        else if (Directory.Exists(path))
        {
            var full = Path.GetFullPath(path);
            view = new FileSystemRepositoryView(CliApp.FindRepositoryRoot(full) ?? full, plansFile);
        }
        else
        {
            throw new UsageException($"'{path}' is neither a file nor a directory.");
        }

        Print(view, stdout);
        return ExitCodes.Success;
    }

    private static void Print(FileSystemRepositoryView view, TextWriter stdout)
    {
        var plans = view.PlansFile;
        if (plans is null)
        {
            stdout.WriteLine("profile: skill (no PLANS.md in " + string.Join(", ", FileSystemRepositoryView.PlansFileCandidates) + " of " + DisplayText.Escape(view.Root) + ")");
            return;
        }

        var derivation = view.PlansDerivation;
        if (derivation?.Profile is not { } profile)
        {
            stdout.WriteLine("profile: skill (" + DisplayText.Escape(plans) + " " + (derivation is null
                ? "cannot be read as UTF-8 text)"
                : "has no readable plan skeleton, EXP060 line " + derivation.FailureLine + ": " + DisplayText.Escape(derivation.Failure ?? string.Empty) + ")"));
            return;
        }

        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Format(inv, "profile: derived from {0} ({1} skeleton, line {2})", DisplayText.Escape(plans), ShapeName(profile.Shape), profile.SkeletonLine));
        stdout.WriteLine("title:   " + (profile.TitleForm is null ? "(none in the skeleton)" : DisplayText.Escape(profile.TitleForm) + " (line " + profile.TitleLine + ")"));
        stdout.WriteLine("notice:  " + (profile.NoticeLine is { } notice ? "required (line " + notice + ")" : "not required (the skeleton has no living-document sentence)"));
        stdout.WriteLine("status:  " + (profile.Status is { } status
            ? "required (line " + status.Line + ")" + (status.AllowedValues.Count > 0 ? ": " + DisplayText.Escape(string.Join(", ", status.AllowedValues)) : string.Empty)
            : "optional (the skeleton has no Status line)"));
        stdout.WriteLine("sections, in order:");
        var width = Math.Min(40, profile.Sections.Max(s => s.Name.Length));
        foreach (var section in profile.Sections)
        {
            var what = (section.Required ? "required" : "optional") + (section.LivingLine is { } living ? ", living (line " + living + ")" : string.Empty);
            stdout.WriteLine(string.Format(inv, "  {0}  {1}  line {2}", DisplayText.Escape(section.Name).PadRight(width), what.PadRight(28), section.Line));
        }
    }

    private static string ShapeName(SkeletonShape shape) => shape switch
    {
        SkeletonShape.Indented => "indented",
        SkeletonShape.Fenced => "fenced",
        SkeletonShape.Bare => "bare-heading",
        SkeletonShape.List => "list",
        _ => "whole-file",
    };
}
