namespace ExecPlan.Cli.Tests;

using System;
using System.IO;
using System.Linq;

/// <summary>The rule IDs as the CLI lists them, for building <c>--severity</c> overrides.</summary>
public static class Rules
{
    private static readonly Lazy<string[]> AllIds = new(() =>
        CliRunner.Run(Path.GetTempPath(), "rules").OutLines
            .Where(l => l.StartsWith("EXP", StringComparison.Ordinal))
            .Select(l => l.Substring(0, 6))
            .ToArray());

    public static string[] Ids => AllIds.Value;

    /// <summary>One <c>--severity</c> option turning off every rule except the given ones.</summary>
    public static string[] SilenceAllBut(params string[] keep) =>
        ["--severity", string.Join(',', Ids.Where(id => !keep.Contains(id)).Select(id => id + "=none"))];
}
