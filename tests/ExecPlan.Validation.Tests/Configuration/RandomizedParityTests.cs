namespace ExecPlan.Validation.Tests.Configuration;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ExecPlan.Validation.Configuration;
using ExecPlan.Validation.Rules;

/// <summary>
/// Seeded random configurations (nested .editorconfig files, root flags, mixed section forms, ID/category/bulk keys,
/// valid and invalid severity words, several global configs with levels and path sections) compared with Roslyn.
/// The seeds are fixed, so a failure names a reproducible case.
/// </summary>
public class RandomizedParityTests
{
    private static readonly string[] Directories = { "", "docs", "docs/plans", "docs/plans/x", "other" };

    private static readonly string[] SectionForms =
    {
        "*", "*.md", "**.md", "**/*.md", "docs/**", "docs/**.md", "plans/*.md", "**/plans/*.md", "/*.md", "{a,b}.md", "*.{md,txt}",
        "[ab].md", "[!a].md", "?.md", "{1..3}.md", "x/*", "*.MD", "{a,b", "a.md", "b.md",
    };

    private static readonly string[] Words = { "none", "silent", "suggestion", "warning", "error", "default", "refactoring", "info", "hidden", "Warning", "ERROR", "bogus", "" };

    private static readonly string[] PlanFiles = { "a.md", "b.md", "c.md", "1.md", "a.txt", "A.md" };

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_configurations_match_Roslyn(int seed)
    {
        var random = new Random(seed * 7919);
        using var sandbox = new ConfigSandbox();
        var log = new StringBuilder();

        foreach (string dir in Directories)
        {
            if (random.Next(3) == 0)
            {
                continue;
            }

            string path = (dir.Length == 0 ? "" : dir + "/") + ".editorconfig";
            string text = (dir.Length == 0 || random.Next(4) == 0 ? "root = true\n" : "") + RandomSections(random, sandbox, allowPaths: false);
            sandbox.Write(path, text);
            log.Append("## ").Append(path).Append('\n').Append(text);
        }

        var globals = new List<string>();
        int globalCount = random.Next(1, 4);
        for (int g = 0; g < globalCount; g++)
        {
            string name = random.Next(3) == 0 ? $"g{g}/.globalconfig" : $"g{g}.globalconfig";
            var text = new StringBuilder("is_global = true\n");
            if (random.Next(3) == 0)
            {
                text.Append("global_level = ").Append(random.Next(2)).Append('\n');
            }

            text.Append(RandomProperties(random)).Append(RandomProperties(random)).Append(RandomSections(random, sandbox, allowPaths: true));
            globals.Add(sandbox.Write(name, text.ToString()));
            log.Append("## ").Append(name).Append('\n').Append(text);
        }

        var resolver = new EditorConfigResolver(globals);
        foreach (string dir in Directories)
        {
            foreach (string file in PlanFiles.Where(_ => random.Next(2) == 0))
            {
                string plan = sandbox.Write((dir.Length == 0 ? "" : dir + "/") + file, "# Plan\n");
                var ours = resolver.ResolveSeverities(plan);
                var byId = RoslynOracle.IdSeverities(plan, globals);
                var effective = RoslynOracle.EffectiveSeverities(plan, globals);
                foreach (var rule in RuleCatalog.All)
                {
                    var mine = ours.TryGetValue(rule.Id, out var configured) ? configured : rule.DefaultSeverity;
                    Assert.True(effective[rule.Id] == mine, $"seed {seed}, {dir}/{file}: {rule.Id} Roslyn {effective[rule.Id]}, resolver {mine}\n{log}");
                    if (byId.TryGetValue(rule.Id, out var roslynId))
                    {
                        Assert.True(ours.TryGetValue(rule.Id, out var ourId) && ourId == roslynId, $"seed {seed}, {dir}/{file}: ID key {rule.Id}\n{log}");
                    }
                }
            }
        }
    }

    private static string RandomSections(Random random, ConfigSandbox sandbox, bool allowPaths)
    {
        var sb = new StringBuilder();
        int count = random.Next(4);
        for (int s = 0; s < count; s++)
        {
            string name = allowPaths && random.Next(2) == 0
                ? sandbox.RootForSections + "/" + Directories[random.Next(Directories.Length)] + "/" + PlanFiles[random.Next(PlanFiles.Length)]
                : SectionForms[random.Next(SectionForms.Length)];
            sb.Append('[').Append(name.Replace("//", "/", StringComparison.Ordinal)).Append("]\n").Append(RandomProperties(random));
        }

        return sb.ToString();
    }

    private static string RandomProperties(Random random)
    {
        var sb = new StringBuilder();
        int count = random.Next(4);
        for (int p = 0; p < count; p++)
        {
            string word = Words[random.Next(Words.Length)];
            switch (random.Next(6))
            {
                case 0:
                    sb.Append("dotnet_analyzer_diagnostic.category-ExecPlan.severity = ").Append(word).Append('\n');
                    break;
                case 1:
                    sb.Append("dotnet_analyzer_diagnostic.severity = ").Append(word).Append('\n');
                    break;
                default:
                    sb.Append("dotnet_diagnostic.EXP00").Append(random.Next(1, 4)).Append(".severity = ").Append(word).Append('\n');
                    break;
            }
        }

        return sb.ToString();
    }
}
