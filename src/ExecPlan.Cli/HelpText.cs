namespace ExecPlan.Cli;

using System.Reflection;

/// <summary>Usage text for <c>--help</c> and usage errors.</summary>
internal static class HelpText
{
    public static string Version =>
        typeof(HelpText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HelpText).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public const string Main =
        """
        execplan - validate ExecPlan Markdown files like a compiler (rules EXP000..EXP054)

        Usage:
          execplan check [options] PATH...   Validate plans; print path(line,col,endLine,endCol): error EXPnnn: message
          execplan rules                     List every rule with its default severity and title
          execplan --help                    Show this help
          execplan --version                 Show the version

        Run 'execplan check --help' for the options of check.

        Examples:
          execplan check docs/plans
          execplan check "docs/**/*.md" --format json
          execplan check plan.md --profile classic --severity EXP006=none
        """;

    public const string Check =
        """
        Usage: execplan check [options] PATH...

        Validates ExecPlan Markdown files and prints one line per finding in the
        compiler form (a summary line goes to stderr):

          plan.md(1,3,1,10): error EXP001: Add a '## Risks' section: ...

        PATH is a file, a directory (every *.md below it; bin, obj, node_modules and
        .git are skipped) or a glob with **, * and ? such as "docs/**/*.md" (quote it
        so the shell does not expand it). A PATH that names nothing is reported as
        EXP000; the other paths are still checked.

        Options:
          -p, --profile skill|classic  Rule set: the full ExecPlan skill (default) or the
                                       classic four-living-section form
          -f, --format text|json       Output format (default: text)
              --repo-root DIR          Repository root for the PLANS.md and path rules
                                       (EXP008, EXP044); default: the nearest folder at or
                                       above the current directory holding .git; without
                                       one those rules are skipped
          -s, --severity ID=LEVEL      Override a rule's severity: none, silent, suggestion,
                                       warning or error; repeatable (EXP021=none,EXP006=warning)
              --max-file-size BYTES    Larger files are refused with EXP000 (default: 16777216)
          -h, --help                   Show this help
              --                       Treat every following argument as a PATH

        Exit codes:
          0  no error diagnostics (warnings and suggestions do not fail)
          1  at least one error diagnostic
          2  usage error (unknown option, missing PATH, bad value)
          3  internal error (a bug in execplan; please report it)
        """;

    public const string Rules =
        """
        Usage: execplan rules

        Lists every rule: ID, default severity and title. Change a severity with
        'execplan check --severity ID=LEVEL'.
        """;
}
