namespace ExecPlan.Build.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ExecPlan.Validation.Rules;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;

/// <summary>Registers the SDK's MSBuild once per process, before any MSBuild type is touched.</summary>
internal static class MSBuildRegistration
{
    private static readonly object Gate = new();

    public static void Ensure()
    {
        lock (Gate)
        {
            if (!Microsoft.Build.Locator.MSBuildLocator.IsRegistered)
            {
                Microsoft.Build.Locator.MSBuildLocator.RegisterDefaults();
            }
        }
    }
}

/// <summary>
/// In-process evaluation of projects that import build/ExecPlan.Build.props/.targets straight from
/// the repository: property defaults, the ExecPlan item, the hook and which files become plans.
/// </summary>
public sealed class EvaluationTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "execplan-eval-" + Guid.NewGuid().ToString("N")[..8]);

    public EvaluationTests()
    {
        MSBuildRegistration.Ensure();
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_root, "Directory.Build.targets"), "<Project />");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void Defaults_are_set_after_the_project_body()
    {
        var values = Properties(Write("p", ""), "ExecPlanProfile", "ExecPlanValidationEnabled", "ExecPlanAutoDetect",
            "ExecPlanTasksAssembly", "ExecPlanTreatWarningsAsErrors", "ExecPlanRepositoryRoot");

        Assert.Equal("auto", values["ExecPlanProfile"]);
        Assert.Equal("true", values["ExecPlanValidationEnabled"]);
        Assert.Equal("true", values["ExecPlanAutoDetect"]);
        Assert.NotEqual("true", values["ExecPlanTreatWarningsAsErrors"]);
        Assert.EndsWith(Path.Combine("tasks", "net8.0", "ExecPlan.Build.Tasks.dll"), values["ExecPlanTasksAssembly"], StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_root, "p"), values["ExecPlanRepositoryRoot"].TrimEnd('/'));
    }

    [Fact]
    public void User_values_win_and_TreatWarningsAsErrors_flows()
    {
        var values = Properties(
            Write("p", "<ExecPlanProfile>classic</ExecPlanProfile><TreatWarningsAsErrors>true</TreatWarningsAsErrors><ExecPlanRepositoryRoot>/x</ExecPlanRepositoryRoot>"),
            "ExecPlanProfile", "ExecPlanTreatWarningsAsErrors", "ExecPlanRepositoryRoot");

        Assert.Equal("classic", values["ExecPlanProfile"]);
        Assert.Equal("true", values["ExecPlanTreatWarningsAsErrors"]);
        Assert.Equal("/x", values["ExecPlanRepositoryRoot"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Repository_root_is_the_folder_holding_git(bool gitIsFolder)
    {
        var repo = Path.Combine(_root, "repo");
        Directory.CreateDirectory(repo);
        if (gitIsFolder)
        {
            Directory.CreateDirectory(Path.Combine(repo, ".git"));
            File.WriteAllText(Path.Combine(repo, ".git", "HEAD"), "ref: refs/heads/main\n");
        }
        else
        {
            File.WriteAllText(Path.Combine(repo, ".git"), "gitdir: /elsewhere/.git/worktrees/repo\n");
        }

        var values = Properties(Write(Path.Combine("repo", "src", "p"), ""), "ExecPlanRepositoryRoot");

        Assert.Equal(repo, values["ExecPlanRepositoryRoot"].TrimEnd('/'));
    }

    [Theory]
    [InlineData("PLANS.md")]
    [InlineData(".agent/PLANS.md")]
    [InlineData(".agents/PLANS.md")]
    [InlineData("docs/PLANS.md")]
    public void The_repositorys_PLANS_md_is_found_for_the_auto_profile(string where)
    {
        var repo = Path.Combine(_root, "plansrepo");
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        File.WriteAllText(Path.Combine(repo, ".git", "HEAD"), "ref: refs/heads/main\n");
        var plans = Path.Combine(repo, where.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(plans)!);
        File.WriteAllText(plans, "# Plans\n");

        var values = Properties(Write(Path.Combine("plansrepo", "src", "p"), ""), "_ExecPlanPlansFileFull");
        Assert.Equal(plans, values["_ExecPlanPlansFileFull"]);

        var configured = Properties(Write(Path.Combine("plansrepo", "src", "p"), "<ExecPlanPlansFile>../../handbook/PLANS.md</ExecPlanPlansFile>"), "_ExecPlanPlansFileFull");
        Assert.Equal(Path.Combine(repo, "handbook", "PLANS.md"), configured["_ExecPlanPlansFileFull"]);
    }

    [Fact]
    public void ExecPlan_item_becomes_an_AdditionalFile_marked_as_plan_once()
    {
        var project = Write("p", "", """<AdditionalFiles Include="docs/a.md" /><ExecPlan Include="docs/a.md;docs/b.md" /><AdditionalFiles Include="README.md" />""");
        var items = Evaluate(project, p => p.GetItems("AdditionalFiles").Select(i => i.EvaluatedInclude + "=" + i.GetMetadataValue("ExecPlan")).ToList());

        Assert.Equal(new[] { "README.md=", "docs/a.md=true", "docs/b.md=true" }, items.OrderBy(i => i, StringComparer.Ordinal));
    }

    [Fact]
    public void Validation_hooks_before_CoreCompile_except_in_inner_builds_of_multi_targeting()
    {
        var single = Write("single", "");
        var multi = Write("multi", "<TargetFrameworks>net8.0;net10.0</TargetFrameworks>");

        Assert.Equal("CoreCompile", Evaluate(single, p => p.Targets["_ExecPlanValidateWithCompile"].BeforeTargets));
        Assert.True(HookConditionHolds(single, new Dictionary<string, string>()));
        Assert.False(HookConditionHolds(multi, new Dictionary<string, string> { ["TargetFramework"] = "net10.0" }));
        Assert.False(HookConditionHolds(single, new Dictionary<string, string> { ["ExecPlanValidationEnabled"] = "false" }));
        Assert.False(HookConditionHolds(single, new Dictionary<string, string> { ["DesignTimeBuild"] = "true" }));
    }

    [Fact]
    public void Multi_targeting_import_hooks_the_outer_build()
    {
        var repo = RepositoryRootAttribute.Get();
        var dir = Path.Combine(_root, "outer");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "outer.proj");
        File.WriteAllText(path, $"""
            <Project>
              <Import Project="{repo}build/ExecPlan.Build.props" />
              <Import Project="{repo}build/ExecPlan.Build.targets" />
              <Target Name="_ExecPlanValidateOuterBuild" BeforeTargets="DispatchToInnerBuilds" DependsOnTargets="ExecPlanValidate" />
              <Import Project="{repo}build/buildMultiTargeting/ExecPlan.Build.targets" Condition="false" />
            </Project>
            """);
        var text = File.ReadAllText(Path.Combine(repo, "build", "buildMultiTargeting", "ExecPlan.Build.targets"));

        Assert.Contains("BeforeTargets=\"DispatchToInnerBuilds\"", text, StringComparison.Ordinal);
        Assert.Contains("..\\build\\ExecPlan.Build.targets", text, StringComparison.Ordinal);
        Assert.Equal("DispatchToInnerBuilds", Evaluate(path, p => p.Targets["_ExecPlanValidateOuterBuild"].BeforeTargets));
    }

    [Fact]
    public void Discovery_selects_marked_globbed_and_self_declared_plans()
    {
        var project = Write("disc",
            "<ExecPlanFiles>docs/glob*.md</ExecPlanFiles><NoWarn>" + string.Join(";", RuleCatalog.All.Select(d => d.Id)) + "</NoWarn>",
            """
            <AdditionalFiles Include="plans/a.md;README.md;notes.md;docs/globbed.md" />
            <AdditionalFiles Include="docs/b.md" ExecPlan="false" />
            <ExecPlan Include="other/c.txt" />
            """);
        var dir = Path.GetDirectoryName(project)!;
        WriteFile(dir, "plans/a.md", "# A\n\nThis ExecPlan is a living document.\n");
        WriteFile(dir, "README.md", "# Readme\n\nWe write ExecPlans.\n");
        WriteFile(dir, "notes.md", "# Notes\n\nJust notes.\n");
        WriteFile(dir, "docs/globbed.md", "# Globbed\n\nNo marker.\n");
        WriteFile(dir, "docs/b.md", "# B\n\nThis ExecPlan is a living document.\n");
        WriteFile(dir, "other/c.txt", "# C\n");

        var plans = BuildTarget(project, "ExecPlanValidate", "ExecPlanValidatedFiles");

        Assert.Equal(
            new[] { "docs/globbed.md", "other/c.txt", "plans/a.md" },
            plans.Select(p => Path.GetRelativePath(dir, p).Replace('\\', '/')).OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void A_bad_file_gets_EXP000_and_the_others_are_still_validated()
    {
        var project = Write("bad", "", """<ExecPlan Include="plans/missing.md;plans/folder.md;plans/good.md" />""");
        var dir = Path.GetDirectoryName(project)!;
        Directory.CreateDirectory(Path.Combine(dir, "plans", "folder.md"));
        WriteFile(dir, "plans/good.md", "This ExecPlan has no title.\n");

        var errors = new List<string>();
        var tasks = Path.Combine(AppContext.BaseDirectory, "ExecPlan.Build.Tasks.dll");
        using var collection = new ProjectCollection();
        var instance = new ProjectInstance(project, new Dictionary<string, string> { ["ExecPlanTasksAssembly"] = tasks }, null, collection);
        var ok = instance.Build(new[] { "ExecPlanValidate" }, new Microsoft.Build.Framework.ILogger[] { new ErrorLogger(errors) });

        Assert.False(ok);
        Assert.Contains(errors, e => e.StartsWith("EXP000 plans/missing.md(1,1)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("EXP000 plans/folder.md(1,1)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("EXP004 plans/good.md(", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("MSB4018", StringComparison.Ordinal));
    }

    private sealed class ErrorLogger : Microsoft.Build.Framework.ILogger
    {
        private readonly List<string> _errors;

        public ErrorLogger(List<string> errors)
        {
            _errors = errors;
        }

        public Microsoft.Build.Framework.LoggerVerbosity Verbosity { get; set; }

        public string? Parameters { get; set; }

        public void Initialize(Microsoft.Build.Framework.IEventSource eventSource) =>
            eventSource.ErrorRaised += (_, e) =>
            {
                lock (_errors)
                {
                    var file = e.File is null ? string.Empty : Path.GetRelativePath(Path.GetDirectoryName(e.ProjectFile)!, e.File).Replace('\\', '/');
                    _errors.Add(e.Code + " " + file + "(" + e.LineNumber + "," + e.ColumnNumber + ") " + e.Message);
                }
            };

        public void Shutdown()
        {
        }
    }

    private static void WriteFile(string dir, string relative, string text)
    {
        var path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private string Write(string folder, string properties, string items = "")
    {
        var repo = RepositoryRootAttribute.Get();
        var dir = Path.Combine(_root, folder);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "p.csproj");
        File.WriteAllText(path, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{repo}build/ExecPlan.Build.props" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
              <Import Project="{repo}build/ExecPlan.Build.targets" />
            </Project>
            """);
        return path;
    }

    private static T Evaluate<T>(string path, Func<Project, T> read, IDictionary<string, string>? globals = null)
    {
        using var collection = new ProjectCollection();
        var project = new Project(path, globals ?? new Dictionary<string, string>(), null, collection);
        return read(project);
    }

    private static Dictionary<string, string> Properties(string path, params string[] names) =>
        Evaluate(path, p => names.ToDictionary(n => n, p.GetPropertyValue));

    private static bool HookConditionHolds(string path, IDictionary<string, string> globals)
    {
        using var collection = new ProjectCollection();
        var instance = new ProjectInstance(path, globals, null, collection);
        return instance.EvaluateCondition(instance.Targets["_ExecPlanValidateWithCompile"].Condition);
    }

    private static List<string> BuildTarget(string path, string target, string itemType)
    {
        var tasks = Path.Combine(AppContext.BaseDirectory, "ExecPlan.Build.Tasks.dll");
        using var collection = new ProjectCollection();
        var instance = new ProjectInstance(path, new Dictionary<string, string> { ["ExecPlanTasksAssembly"] = tasks }, null, collection);
        var ok = instance.Build(new[] { target }, Array.Empty<Microsoft.Build.Framework.ILogger>());
        Assert.True(ok, "the " + target + " target failed");
        return instance.GetItems(itemType).Select(i => i.GetMetadataValue("FullPath")).ToList();
    }
}
