namespace ExecPlan.Cli;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ExecPlan.Validation;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Fixes;
using ExecPlan.Validation.Io;
using ExecPlan.Validation.Reporting;
using ExecPlan.Validation.Settings;

/// <summary>
/// <c>execplan fix PATH... [--dry-run]</c>: applies the library's mechanical repairs
/// (<see cref="PlanFixer"/>) and reports what still needs a person. Bytes are read and written
/// as UTF-8 with the byte-order mark and every line ending kept as they were.
/// </summary>
internal static class FixCommand
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var dryRun = false;
        var profile = PlanProfile.Auto;
        var profileGiven = false;
        var paths = new List<string>();
        var severities = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);
        var onlyPaths = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPaths || arg.Length < 2 || arg[0] != '-')
            {
                paths.Add(arg);
                continue;
            }

            var (name, inline) = Options.Split(arg);
            switch (name)
            {
                case "--":
                    onlyPaths = true;
                    break;
                case "-h":
                case "-?":
                case "--help":
                    stdout.WriteLine(HelpText.Fix);
                    return ExitCodes.Success;
                case "-n":
                case "--dry-run":
                    dryRun = true;
                    break;
                case "-p":
                case "--profile":
                    {
                        var value = Options.Value(args, ref i, name, inline);
                        if (!PlanProfileText.TryParse(value, out profile))
                        {
                            throw new UsageException($"unknown profile '{value}'; use 'auto', 'skill' or 'classic'.");
                        }

                        profileGiven = true;
                        break;
                    }

                case "-s":
                case "--severity":
                    CheckOptions.ParseSeverity(Options.Value(args, ref i, name, inline), severities);
                    break;

                default:
                    throw new UsageException($"unknown option '{arg}'.");
            }
        }

        if (paths.Count == 0)
        {
            throw new UsageException("no PATH given; name plan files, directories or globs to fix.");
        }

        // The same per-file settings as 'check' (and the build): .editorconfig/.globalconfig
        // severities and execplan_profile, so a rule turned off there is not repaired either.
        var configuration = new FileConfiguration(new ValidationSettings { Profile = profile }, profileGiven, severities, useEditorConfig: true, repoRoot: null);
        var resolver = new InputResolver(Directory.GetCurrentDirectory());
        foreach (var path in paths)
        {
            resolver.Add(path);
        }

        var changed = 0;
        var notFixed = 0;
        var remainingErrors = 0;
        foreach (var unmatched in resolver.Unmatched)
        {
            stderr.WriteLine($"{DisplayText.Escape(unmatched.DisplayPath)}: {unmatched.Message}");
            remainingErrors++;
        }

        // Like 'check': named files are fixed, files found below a directory only if they are plans.
        foreach (var file in resolver.Files.Where(f => CliApp.Verdict(f, configuration, onlyPlans: false).IsPlan))
        {
            var settings = configuration.SettingsFor(file.DisplayPath);
            var validator = new PlanValidator(settings);
            if (!TryRead(file, settings, out var text, out var problem))
            {
                stderr.WriteLine($"{DisplayText.Escape(file.DisplayPath)}: not fixed: {problem}");
                remainingErrors++;
                continue;
            }

            var result = PlanFixer.Run(text, settings);
            var fixedText = result.Text;
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var edit in result.Edits)
            {
                counts[edit.RuleId] = counts.TryGetValue(edit.RuleId, out var n) ? n + 1 : 1;
            }

            if (!string.Equals(fixedText, text, StringComparison.Ordinal))
            {
                var what = string.Join(", ", counts.Select(c => c.Key + " (" + c.Value + (c.Value == 1 ? " edit)" : " edits)")));
                if (dryRun)
                {
                    var label = file.DisplayPath.Replace('\\', '/');
                    stdout.Write(UnifiedDiff.Create(text, fixedText, "a/" + label, "b/" + label));
                    stderr.WriteLine($"{DisplayText.Escape(file.DisplayPath)}: would fix {what}");
                    changed++;
                }
                else
                {
                    // Never through a link out of the tree, and atomically: a failed write leaves
                    // the original intact and is reported as not fixed.
                    var treeRoot = Path.GetDirectoryName(file.FullPath)!;
                    treeRoot = CliApp.FindRepositoryRoot(treeRoot) ?? treeRoot;
                    var target = SafeFileWriter.ResolveInsideTree(file.FullPath, treeRoot, out var refused);
                    if (target is null || !SafeFileWriter.TryReplace(target, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(fixedText), out refused))
                    {
                        stderr.WriteLine($"{DisplayText.Escape(file.DisplayPath)}: not fixed: {refused}");
                        notFixed++;
                        remainingErrors++;
                        continue;
                    }

                    stderr.WriteLine($"{DisplayText.Escape(file.DisplayPath)}: fixed {what}");
                    changed++;
                }
            }

            remainingErrors += validator.Validate(fixedText, file.DisplayPath).Count(d => d.Severity == RuleSeverity.Error);
        }

        stdout.Flush();
        var files = resolver.Files.Count;
        var verb = dryRun ? "would be fixed" : "fixed";
        var summary = $"{changed} of {files} file{(files == 1 ? string.Empty : "s")} {verb}" +
            (notFixed == 0 ? string.Empty : $", {notFixed} could not be written");
        stderr.WriteLine(remainingErrors == 0
            ? summary + "; no errors left."
            : summary + (remainingErrors == 1 ? "; 1 error needs" : $"; {remainingErrors} errors need") + " a person (run 'execplan check').");
        return remainingErrors == 0 ? ExitCodes.Success : ExitCodes.ErrorsFound;
    }

    private static bool TryRead(InputFile file, ValidationSettings settings, out string text, out string problem)
    {
        text = string.Empty;
        try
        {
            var read = SafeFileReader.Read(file.FullPath, settings.MaxFileSizeBytes);
            if (read.Bytes is not { } bytes)
            {
                problem = read.Failure switch
                {
                    FileReadFailure.Missing => "the file does not exist.",
                    FileReadFailure.TooLarge => $"the file is over the {settings.MaxFileSizeBytes}-byte limit.",
                    _ => read.Reason + (read.Reason.EndsWith('.') ? string.Empty : "."),
                };
                return false;
            }

            if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            {
                problem = "the file is UTF-16 encoded; only UTF-8 plans are fixed.";
                return false;
            }

            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                problem = "the file contains NUL bytes.";
                return false;
            }

            // GetString keeps a byte-order mark as U+FEFF, so writing the text back keeps it too.
            text = StrictUtf8.GetString(bytes);
            problem = string.Empty;
            return true;
        }
        catch (DecoderFallbackException)
        {
            problem = "the file is not valid UTF-8.";
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = ex.Message;
            return false;
        }
    }
}
