namespace ExecPlan.Cli;

using System;
using System.Collections.Generic;

/// <summary>Option parsing shared by the commands: <c>--name value</c> and <c>--name=value</c>.</summary>
internal static class Options
{
    public static (string Name, string? Inline) Split(string arg)
    {
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 2 ? (arg.Substring(0, eq), arg.Substring(eq + 1)) : (arg, null);
    }

    public static string Value(IReadOnlyList<string> args, ref int i, string name, string? inlineValue)
    {
        if (inlineValue is not null)
        {
            return inlineValue;
        }

        if (i + 1 >= args.Count)
        {
            throw new UsageException($"option '{name}' needs a value.");
        }

        i++;
        return args[i];
    }
}
