namespace ExecPlan.Cli;

using System.Globalization;
using System.IO;
using System.Linq;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Reporting;
using ExecPlan.Validation.Rules;

/// <summary><c>execplan rules</c> and <c>execplan explain ID</c>: the rule catalogue, printed.</summary>
internal static class CatalogCommands
{
    public static int Rules(string[] args, TextWriter stdout)
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

        var width = RuleCatalog.All.Max(r => r.Title.Length);
        stdout.WriteLine("ID      Default     " + "Title".PadRight(width) + "  Help");
        stdout.WriteLine("------  ----------  " + new string('-', width) + "  ----");
        foreach (var rule in RuleCatalog.All)
        {
            stdout.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-6}  {1,-10}  {2}  {3}", rule.Id, rule.DefaultSeverity.ToText(), rule.Title.PadRight(width), rule.HelpUri));
        }

        stdout.WriteLine();
        stdout.WriteLine("Read a rule's page offline with 'execplan explain ID'.");
        return ExitCodes.Success;
    }

    /// <summary><c>execplan explain EXP021</c>: the rule's page, embedded from docs/rules, readable offline.</summary>
    public static int Explain(string[] args, TextWriter stdout)
    {
        if (args.Length == 1 && args[0] is "-h" or "--help" or "-?")
        {
            stdout.WriteLine(HelpText.Explain);
            return ExitCodes.Success;
        }

        if (args.Length != 1)
        {
            throw new UsageException("'explain' takes one rule ID, e.g. 'execplan explain EXP021'.");
        }

        if (!RuleCatalog.TryGet(args[0], out var rule) || RuleDocs.Markdown(rule.Id) is not { } page)
        {
            throw new UsageException($"unknown rule ID '{args[0]}'; run 'execplan rules' for the list.");
        }

        stdout.Write(page.EndsWith('\n') ? page : page + "\n");
        return ExitCodes.Success;
    }
}
