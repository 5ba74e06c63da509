namespace ExecPlan.Validation.Tests.Configuration;

using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ExecPlan.Validation.Configuration;
using ExecPlan.Validation.Diagnostics;
using Microsoft.CodeAnalysis;

/// <summary>Behaviour of the resolver beyond severity parity: options, consulted files, caching, robustness.</summary>
public class EditorConfigResolverTests
{
    [Fact]
    public void Options_follow_the_same_precedence_and_lower_case_keys()
    {
        using var sandbox = new ConfigSandbox();
        sandbox.Write(".editorconfig", "root = true\n[*]\nExecPlan_Profile = strict\nindent_size = 2\n[*.md]\nexecplan_profile = Lenient\ndotnet_diagnostic.EXP001.severity = none\n");
        string global = sandbox.Write(".globalconfig", "is_global = true\nexecplan_profile = global\nexecplan_owner = team\n");
        string plan = sandbox.Write("docs/a.md", "# Plan\n");

        var options = new EditorConfigResolver(new[] { global }).ResolveOptions(plan);

        Assert.Equal("Lenient", options["execplan_profile"]);
        Assert.Equal("Lenient", options["EXECPLAN_PROFILE"]);
        Assert.Equal("team", options["execplan_owner"]);
        Assert.Equal("2", options["indent_size"]);
        Assert.DoesNotContain(options.Keys, k => k.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal));
        Assert.All(options.Keys, k => Assert.Equal(k.ToLowerInvariant(), k));
        Assert.DoesNotContain("is_global", options.Keys);
    }

    [Fact]
    public void Options_match_Roslyn_analyzer_options()
    {
        using var sandbox = new ConfigSandbox();
        sandbox.Write(".editorconfig", "[*]\nexecplan_profile = outer\nexecplan_a = 1\n");
        sandbox.Write("docs/.editorconfig", "root = true\n[*.md]\nexecplan_profile = inner # note\n[*]\nExecPlan_B = Two\nreserved = UNSET\n");
        string global = sandbox.Write("g.globalconfig", "is_global = true\nexecplan_c = 3\n[{ROOT}/docs/a.md]\nexecplan_profile = path\nexecplan_d = 4\n");
        string plan = sandbox.Write("docs/a.md", "# Plan\n");

        var ours = new EditorConfigResolver(new[] { global }).ResolveOptions(plan);
        var roslyn = RoslynOracle.CreateSet(plan, new[] { global }).GetOptionsForSourcePath(plan).AnalyzerOptions;

        Assert.Equal(roslyn.OrderBy(p => p.Key, StringComparer.Ordinal), ours.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal("inner", ours["execplan_profile"]);
        Assert.False(ours.ContainsKey("execplan_a"));
    }

    [Fact]
    public void Consulted_files_walk_up_to_the_root_file_then_list_globals()
    {
        using var sandbox = new ConfigSandbox();
        sandbox.Write(".editorconfig", "[*]\n");
        string root = sandbox.Write("repo/.editorconfig", "root = true\n");
        string inner = sandbox.Write("repo/docs/plans/.editorconfig", "[*.md]\n");
        string global = sandbox.Write("repo/.globalconfig", "is_global = true\n");
        string missingGlobal = sandbox.PathOf("repo/none.globalconfig");
        string plan = sandbox.Write("repo/docs/plans/x/a.md", "# Plan\n");

        var files = new EditorConfigResolver(new[] { global, missingGlobal }).ConfigFilesFor(plan);

        Assert.Equal(new[] { inner, root, global, missingGlobal }, files);
    }

    [Fact]
    public void Consulted_files_without_root_reach_the_sandbox_top()
    {
        using var sandbox = new ConfigSandbox();
        string top = sandbox.Write(".editorconfig", "[*]\n");
        string plan = sandbox.Write("a/b/a.md", "# Plan\n");

        var files = new EditorConfigResolver().ConfigFilesFor(plan);

        Assert.Equal(top, files[0]);
        Assert.Equal(RoslynOracle.DiscoverEditorConfigs(plan), files);
    }

    [Fact]
    public void A_changed_file_is_read_again()
    {
        using var sandbox = new ConfigSandbox();
        string config = sandbox.Write(".editorconfig", "root = true\n[*.md]\ndotnet_diagnostic.EXP001.severity = warning\n");
        string plan = sandbox.Write("a.md", "# Plan\n");
        var resolver = new EditorConfigResolver();
        Assert.Equal(RuleSeverity.Warning, resolver.ResolveSeverities(plan)["EXP001"]);

        File.WriteAllText(config, "root = true\n[*.md]\ndotnet_diagnostic.EXP001.severity = none\n");
        File.SetLastWriteTimeUtc(config, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(RuleSeverity.None, resolver.ResolveSeverities(plan)["EXP001"]);

        string nested = sandbox.Write("docs/.editorconfig", "[*.md]\ndotnet_diagnostic.EXP001.severity = error\n");
        string nestedPlan = sandbox.Write("docs/b.md", "# Plan\n");
        Assert.Equal(RuleSeverity.Error, resolver.ResolveSeverities(nestedPlan)["EXP001"]);

        File.Delete(nested);
        Assert.Equal(RuleSeverity.None, resolver.ResolveSeverities(nestedPlan)["EXP001"]);
    }

    [Fact]
    public void A_changed_global_config_is_read_again()
    {
        using var sandbox = new ConfigSandbox();
        string global = sandbox.Write("x.globalconfig", "is_global = true\ndotnet_diagnostic.EXP002.severity = error\n");
        string plan = sandbox.Write("a.md", "# Plan\n");
        var resolver = new EditorConfigResolver(new[] { global });
        Assert.Equal(RuleSeverity.Error, resolver.ResolveSeverities(plan)["EXP002"]);

        File.WriteAllText(global, "is_global = true\ndotnet_diagnostic.EXP002.severity = silent\n");
        File.SetLastWriteTimeUtc(global, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(RuleSeverity.Silent, resolver.ResolveSeverities(plan)["EXP002"]);
    }

    [Fact]
    public void Broken_and_missing_inputs_never_throw()
    {
        using var sandbox = new ConfigSandbox();
        File.WriteAllBytes(sandbox.PathOf("binary.globalconfig"), new byte[] { 0xFF, 0xFE, 0x00, 0xD8, 0x00, 0x5B, 0x0A, 0x80, 0x81 });
        Directory.CreateDirectory(sandbox.PathOf("docs/.editorconfig")); // a directory where a file is expected
        sandbox.Write(".editorconfig", "root = true\n[\n]\n[[[\n[*.md\n=\n==\n[{]\n[*.md]\ndotnet_diagnostic.EXP001.severity = warning\n");
        string plan = sandbox.Write("docs/a.md", "# Plan\n");
        var resolver = new EditorConfigResolver(new[] { sandbox.PathOf("binary.globalconfig"), sandbox.PathOf("missing.globalconfig"), "", "   " });

        Assert.Equal(RuleSeverity.Warning, resolver.ResolveSeverities(plan)["EXP001"]);
        Assert.NotNull(resolver.ResolveOptions(plan));
        Assert.Equal(new[] { "EXP001" }, resolver.ResolveSeverities(sandbox.PathOf("nowhere/else/x.md")).Keys);
        Assert.Empty(new EditorConfigResolver().ResolveSeverities("\0bad"));
        Assert.Empty(new EditorConfigResolver().ConfigFilesFor("\0bad"));
    }

    [Fact]
    public void Unreadable_config_is_ignored_but_listed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var sandbox = new ConfigSandbox();
        sandbox.Write(".editorconfig", "root = true\n[*.md]\ndotnet_diagnostic.EXP001.severity = warning\n");
        string locked = sandbox.Write("docs/.editorconfig", "[*.md]\ndotnet_diagnostic.EXP001.severity = none\n");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        string plan = sandbox.Write("docs/a.md", "# Plan\n");
        bool readable;
        try
        {
            File.ReadAllText(locked);
            readable = true; // running as root: permissions are not enforced
        }
        catch (UnauthorizedAccessException)
        {
            readable = false;
        }

        var resolver = new EditorConfigResolver();
        var severities = resolver.ResolveSeverities(plan);
        Assert.Equal(readable ? RuleSeverity.None : RuleSeverity.Warning, severities["EXP001"]);
        Assert.Contains(locked, resolver.ConfigFilesFor(plan));
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void Relative_plan_paths_are_made_absolute()
    {
        using var sandbox = new ConfigSandbox();
        sandbox.Write(".editorconfig", "root = true\n[docs/*.md]\ndotnet_diagnostic.EXP001.severity = silent\n");
        string plan = sandbox.Write("docs/a.md", "# Plan\n");
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, plan);

        Assert.Equal(RuleSeverity.Silent, new EditorConfigResolver().ResolveSeverities(relative)["EXP001"]);
        Assert.Equal(RuleSeverity.Silent, new EditorConfigResolver().ResolveSeverities(sandbox.PathOf("docs/x/../a.md"))["EXP001"]);
    }

    [Fact]
    public void Result_keys_are_case_insensitive_rule_ids()
    {
        using var sandbox = new ConfigSandbox();
        sandbox.Write(".editorconfig", "root = true\n[*.md]\ndotnet_diagnostic.exp021.severity = error\ndotnet_diagnostic.CA1000.severity = none\n");
        string plan = sandbox.Write("a.md", "# Plan\n");

        var severities = new EditorConfigResolver().ResolveSeverities(plan);

        Assert.Equal(RuleSeverity.Error, severities["EXP021"]);
        Assert.Equal(RuleSeverity.Error, severities["exp021"]);
        Assert.Equal(new[] { "EXP021" }, severities.Keys);
    }

    [Fact]
    public void Concurrent_use_gives_the_same_answers()
    {
        using var sandbox = new ConfigSandbox();
        sandbox.Write(".editorconfig", "root = true\n[*.md]\ndotnet_diagnostic.EXP001.severity = warning\n[docs/**]\ndotnet_diagnostic.EXP002.severity = none\n");
        string global = sandbox.Write(".globalconfig", "is_global = true\ndotnet_analyzer_diagnostic.severity = suggestion\n");
        var plans = Enumerable.Range(0, 40).Select(i => sandbox.Write(i % 2 == 0 ? $"docs/p{i}.md" : $"p{i}.md", "# Plan\n")).ToArray();
        var resolver = new EditorConfigResolver(new[] { global });

        var results = new (RuleSeverity, RuleSeverity)[plans.Length * 5];
        Parallel.For(0, results.Length, i =>
        {
            var s = resolver.ResolveSeverities(plans[i % plans.Length]);
            results[i] = (s["EXP001"], s["EXP002"]);
        });

        for (int i = 0; i < results.Length; i++)
        {
            var expected = (i % plans.Length) % 2 == 0 ? (RuleSeverity.Warning, RuleSeverity.None) : (RuleSeverity.Warning, RuleSeverity.Suggestion);
            Assert.Equal(expected, results[i]);
        }
    }

    [Fact]
    public void Passed_non_global_file_acts_as_an_editorconfig_for_its_directory()
    {
        using var sandbox = new ConfigSandbox();
        sandbox.Write(".editorconfig", "root = true\n");
        string extra = sandbox.Write("docs/.editorconfig", "[*.md]\ndotnet_diagnostic.EXP001.severity = suggestion\n");
        string plan = sandbox.Write("docs/a.md", "# Plan\n");
        string outside = sandbox.Write("a.md", "# Plan\n");
        var resolver = new EditorConfigResolver(new[] { extra });

        Assert.Equal(RuleSeverity.Suggestion, resolver.ResolveSeverities(plan)["EXP001"]);
        Assert.Empty(resolver.ResolveSeverities(outside));
        var roslyn = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(File.ReadAllText(extra), extra) }, out _);
        Assert.Equal(ReportDiagnostic.Info, roslyn.GetOptionsForSourcePath(plan).TreeOptions["EXP001"]);
    }

    [Fact]
    public void Passed_non_global_file_above_a_root_file_is_ignored_like_Roslyn()
    {
        using var sandbox = new ConfigSandbox();
        string outer = sandbox.Write("outer/.editorconfig", "[*]\ndotnet_diagnostic.EXP001.severity = none\ndotnet_diagnostic.EXP002.severity = none\n");
        string inner = sandbox.Write("outer/inner/.editorconfig", "root = true\n[*.md]\ndotnet_diagnostic.EXP002.severity = warning\n");
        string plan = sandbox.Write("outer/inner/a.md", "# Plan\n");

        var severities = new EditorConfigResolver(new[] { outer }).ResolveSeverities(plan);

        var roslyn = AnalyzerConfigSet.Create(
            new[] { AnalyzerConfig.Parse(File.ReadAllText(outer), outer), AnalyzerConfig.Parse(File.ReadAllText(inner), inner) }, out _)
            .GetOptionsForSourcePath(plan).TreeOptions;
        Assert.False(roslyn.ContainsKey("EXP001"));
        Assert.False(severities.ContainsKey("EXP001"));
        Assert.Equal(RuleSeverity.Warning, severities["EXP002"]);
    }
}
