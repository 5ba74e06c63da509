namespace ExecPlan.Build.Tests;

using System;
using System.Linq;
using System.Text.RegularExpressions;

/// <summary>
/// Plans added to every project by a shared Directory.Build.props are reported once per
/// solution build (one owner, the same with -m), yet building any one project alone still checks
/// them; a project that declares a plan in its own file always reports it.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class SharedPlansTests
{
    private static readonly Regex StatusLine = new(
        @"^\s*(?:\d+>)?\S*docs[/\\]plans[/\\]x\.md\(5,9,5,12\): error EXP011: .*\[(?<project>[^\]]+)\]\s*$",
        RegexOptions.Multiline, TimeSpan.FromSeconds(1));

    private readonly PackageFeedFixture _feed;

    public SharedPlansTests(PackageFeedFixture feed)
    {
        _feed = feed;
    }

    [Theory]
    [InlineData("Directory.Build.props")]
    [InlineData("GlobalPackageReference")]
    public void Repo_wide_plans_are_reported_once_per_solution_build_and_by_a_project_built_alone(string packageFrom)
    {
        var root = new Consumer(_feed, "shared-" + packageFrom.Replace('.', '-'));
        root.Write("docs/plans/x.md", "# Fix the importer\n\nThis ExecPlan is a living document.\n\nStatus: WIP\n");
        var reference = $"""<PackageReference Include="ExecPlan.Build" Version="{_feed.Version}" />""";
        if (packageFrom == "GlobalPackageReference")
        {
            root.Write("Directory.Packages.props", $"""
                <Project>
                  <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
                  <ItemGroup><GlobalPackageReference Include="ExecPlan.Build" Version="{_feed.Version}" /></ItemGroup>
                </Project>
                """);
            reference = string.Empty;
        }

        root.Write("Directory.Build.props", $"""
            <Project>
              <ItemGroup>
                {reference}
                <ExecPlan Include="$(MSBuildThisFileDirectory)docs/plans/*.md" />
              </ItemGroup>
            </Project>
            """);
        var solution = "<Solution>\n";
        foreach (var name in new[] { "zeta", "alpha", "mid" })
        {
            root.Write($"src/{name}/{name}.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                  </PropertyGroup>
                </Project>
                """);
            solution += $"  <Project Path=\"src/{name}/{name}.csproj\" />\n";
        }

        root.Write("all.slnx", solution + "</Solution>\n");

        string[] Build(string target)
        {
            var (exit, output) = ProcessRunner.Run("dotnet", $"build {target} -m:2 --nologo -v:q -nodeReuse:false -p:UseSharedCompilation=false",
                root.Directory, _feed.Environment(), TimeSpan.FromMinutes(8));
            Assert.True(exit == 1, output);
            var body = output[..Math.Max(0, output.IndexOf("Build FAILED", StringComparison.Ordinal))];
            return StatusLine.Matches(body).Select(m => System.IO.Path.GetFileName(m.Groups["project"].Value)).ToArray();
        }

        Assert.Equal(["alpha.csproj"], Build("all.slnx"));
        Assert.Equal(["alpha.csproj"], Build("all.slnx"));
        Assert.Equal(["zeta.csproj"], Build("src/zeta/zeta.csproj"));
    }
}
