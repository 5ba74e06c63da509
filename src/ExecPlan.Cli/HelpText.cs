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
        execplan - validate ExecPlan Markdown files like a compiler (rules EXP000..EXP060)

        Usage:
          execplan check [options] PATH...   Validate plans; print path(line,col,endLine,endCol): error EXPnnn: message
          execplan fix [--dry-run] PATH...   Repair what is mechanical (blank lines, fences, list markers,
                                             missing section headings, Status line)
          execplan new "Title" [options]     Write a new plan with every section and <placeholders> to fill in
          execplan profile [PATH]            Print the profile derived from the repository's PLANS.md
          execplan rules                     List every rule with its default severity, title and help link
          execplan explain EXP021            Print a rule's documentation page (offline)
          execplan --help                    Show this help
          execplan --version                 Show the version

        Run 'execplan check --help' (or fix, new) for the options of a command.

        Examples:
          execplan check docs/plans
          execplan check "docs/**/*.md" --format json
          execplan check plan.md --profile classic --severity EXP006=none
          execplan check docs/plans --format sarif --output execplan.sarif
          execplan new "Add a health endpoint" --output docs/plans/health.md
          execplan fix docs/plans --dry-run
        """;

    public const string Profile =
        """
        Usage: execplan profile [PATH] [--plans-file FILE]

        Prints the profile 'auto' (the default) checks plans against: the one derived
        from the repository's PLANS.md (root, .agent/, .agents/ or docs/; or FILE), with
        the PLANS.md line of every fact (skeleton, title, living-document notice, Status
        line, each section and whether it is required or living), or 'skill' and why.
        PATH is a folder in the repository (default: the current one) or a PLANS.md.
        """;

    public const string Check =
        """
        Usage: execplan check [options] PATH...

        Validates ExecPlan Markdown files and prints one line per finding in the
        compiler form (a summary line goes to stderr):

          plan.md(1,3,1,10): error EXP001: Mandatory living section is missing: add a '## Decision Log' section ...

        PATH is a file (always checked), a directory (the plans below it; bin, obj,
        node_modules and .git are skipped) or a glob with **, * and ? such as
        "docs/**/*.md" (every match is checked; quote it so the shell does not expand
        it). Without PATH, the plans of the repository around the current directory
        are checked. A Markdown file found below a directory is a plan, as in the
        build, when an .editorconfig section says execplan_plan = true, or when its
        first 2,000 characters say "ExecPlan" or "living document" (README.md,
        CHANGELOG.md, PLANS.md and similar never count; execplan_plan = false opts
        out). A PATH that names nothing is reported as EXP000; the others are checked.

        Options:
          -p, --profile auto|skill|classic
                                       Rule set: auto (default) follows the skeleton of the
                                       repository's PLANS.md (root, .agent/, .agents/ or
                                       docs/), else the full skill; skill; or the classic
                                       four-living-section form
              --plans-file FILE        The PLANS.md auto derives the profile from (also the
                                       .editorconfig key execplan_plans_file, relative to the
                                       repository root)
          -f, --format FORMAT          text (default), json, sarif (SARIF 2.1.0 for code
                                       scanning) or github (workflow-command annotations)
          -o, --output FILE            Write the report to FILE instead of stdout
              --repo-root DIR          Repository root for the PLANS.md and path rules
                                       (EXP008, EXP044); default: for each plan, the nearest
                                       folder at or above it holding .git; without one
                                       those rules are skipped
              --help-uri-base URL      Point help links at URL/EXPnnn.md (a mirror or an
                                       internal site) instead of the project's pages
              --list                   Print which files are plans and why; check nothing
              --only-plans             Check a named file only if it is a plan (for hooks
                                       that pass every changed .md file)
          -s, --severity ID=LEVEL      Override a rule's severity: none, silent, suggestion,
                                       warning or error; repeatable (EXP021=none,EXP006=warning)
              --max-file-size BYTES    Larger files are refused with EXP000 (default: 16777216)
              --no-inline-config       Ignore <!-- execplan-disable ... --> comments in plans
              --no-editorconfig        Do not read severities (dotnet_diagnostic.EXPnnn.severity)
                                       or execplan_profile from .editorconfig / .globalconfig
          -h, --help                   Show this help
              --                       Treat every following argument as a PATH

        Configuration: like the MSBuild task, each plan's severities come from the .editorconfig
        files above it and the .globalconfig files in its folder and above; --severity and
        --profile win.

        Exit codes:
          0  no error diagnostics (warnings and suggestions do not fail)
          1  at least one error diagnostic
          2  usage error (unknown option, missing PATH, bad value)
          3  internal error (a bug in execplan; please report it)
        """;

    public const string Explain =
        """
        Usage: execplan explain ID

        Prints the rule's documentation page (what it checks, why, examples, what it
        deliberately does not flag, how to suppress it), embedded in the tool, so no
        network is needed.
        """;

    public const string Rules =
        """
        Usage: execplan rules

        Lists every rule: ID, default severity and title. Change a severity with
        'execplan check --severity ID=LEVEL'.
        """;

    public const string New =
        """
        Usage: execplan new "Title" [--output PATH] [--profile skill|classic] [--force]

        Writes a new plan: the title, the living-document notice, 'Status: DRAFT' and
        every section of the profile's skeleton in order, each with a short prompt
        written as a <placeholder>. 'execplan check' on the new plan reports only the
        placeholders still to replace (EXP040) and what follows from them (EXP042,
        EXP043). Prints the path of the new file.

        Options:
          -o, --output PATH            The file to write (a folder: the file goes into it);
                                       '-' prints the plan. Default: <slug-of-title>.md in
                                       the current directory, e.g. add-a-health-endpoint.md
          -p, --profile skill|classic  skill (default): 15 sections; classic: without
                                       Constraints, Tolerances and Risks
          -f, --force                  Overwrite an existing file
          -h, --help                   Show this help

        Exit codes:
          0  the plan was written
          2  usage error, or the file exists and --force was not given
        """;

    public const string Fix =
        """
        Usage: execplan fix [--dry-run] [--profile skill|classic] [--severity ID=LEVEL ...] PATH...

        Repairs what is mechanical, and only that; prose is never changed:
          EXP050  removes an outer ``` fence around the whole plan
          EXP051  turns ``` fenced blocks into indented blocks (four spaces)
          EXP053  puts a space after a list marker ('-item' -> '- item') and gives a
                  list one bullet (the first one's)
          EXP052  adds a blank line after a heading
          EXP001  inserts missing sections as empty headings in skeleton order
          EXP002
          EXP010  adds 'Status: DRAFT' after the living-document notice (skill profile)
        Line endings (LF, CRLF, mixed) and a UTF-8 byte-order mark are kept. Running
        fix again changes nothing. PATH is a file, directory or glob, as for check.

        Options:
          -n, --dry-run                Change nothing; print a unified diff of the fixes
          -p, --profile skill|classic  Which sections count as missing (default: skill)
          -s, --severity ID=LEVEL      As for check; a rule set to none is not repaired,
                                       and the remaining-error count uses these levels
          -h, --help                   Show this help

        Exit codes:
          0  no error diagnostics are left (after fixing; with --dry-run: would be left)
          1  errors remain that need a person (run 'execplan check' to see them), or a
             file could not be read or written
          2  usage error
        """;
}
