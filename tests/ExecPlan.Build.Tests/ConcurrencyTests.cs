namespace ExecPlan.Build.Tests;

using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

/// <summary>A parallel build (<c>-m</c>) of a solution of 20 projects that share one plan folder is
/// deterministic: the same diagnostics every time, each reported once per project.</summary>
[Collection(EndToEndGroup.Name)]
public sealed class ConcurrencyTests
{
    private const int ProjectCount = 20;

    private static readonly Regex StatusLine = new(
        @"^\s*(?:\d+>)?\S*plans[/\\]x\.md\(5,9,5,12\): error EXP011: .*\[(?<project>[^\]]+)\]\s*$",
        RegexOptions.Multiline, TimeSpan.FromSeconds(1));

    private readonly PackageFeedFixture _feed;

    public ConcurrencyTests(PackageFeedFixture feed)
    {
        _feed = feed;
    }

    [Fact]
    public void Parallel_build_of_20_projects_sharing_plans_reports_once_per_project_every_time()
    {
        var root = new Consumer(_feed, "parallel");
        root.Write("plans/x.md", "# Fix the importer\n\nThis ExecPlan is a living document.\n\nStatus: WIP\n");
        var solution = "<Solution>\n";
        for (var i = 1; i <= ProjectCount; i++)
        {
            var name = $"p{i:D2}";
            root.Write($"{name}/{name}.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="ExecPlan.Build" Version="{_feed.Version}" />
                    <ExecPlan Include="../plans/*.md" />
                  </ItemGroup>
                </Project>
                """);
            solution += $"  <Project Path=\"{name}/{name}.csproj\" />\n";
        }

        root.Write("all.slnx", solution + "</Solution>\n");

        string[] Run()
        {
            var (exit, output) = ProcessRunner.Run("dotnet", "build all.slnx -m:2 --nologo -v:q -nodeReuse:false -p:UseSharedCompilation=false",
                root.Directory, _feed.Environment(), TimeSpan.FromMinutes(8));
            Assert.True(exit == 1, output);
            var body = output[..Math.Max(0, output.IndexOf("Build FAILED", StringComparison.Ordinal))];
            return StatusLine.Matches(body).Select(m => Path.GetFileName(m.Groups["project"].Value)).Order(StringComparer.Ordinal).ToArray();
        }

        var first = Run();
        var second = Run();

        var expected = Enumerable.Range(1, ProjectCount).Select(i => $"p{i:D2}.csproj").ToArray();
        Assert.Equal(expected, first);
        Assert.Equal(first, second);
    }
}
