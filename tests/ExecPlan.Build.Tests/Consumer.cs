namespace ExecPlan.Build.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

/// <summary>A throwaway consumer project in a temp folder that references the packed ExecPlan.Build.</summary>
internal sealed class Consumer
{
    private static readonly Regex DiagnosticLine = new(
        @"^\s*(?:\d+>)?(?<text>.+?\((?:\d+,){1,3}\d+\): (?:error|warning) EXP\d{3}: .*?)(?: \[[^\]]+\])?\s*$",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly PackageFeedFixture _feed;
    private readonly bool _visualBasic;

    public Consumer(PackageFeedFixture feed, string name, bool visualBasic = false)
    {
        _feed = feed;
        _visualBasic = visualBasic;
        Directory = Path.Combine(feed.Root, name + "-" + Guid.NewGuid().ToString("N")[..6]);
        System.IO.Directory.CreateDirectory(Directory);
        Write("NuGet.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        // Stop MSBuild from importing anything from the folders above the temp folder.
        Write("Directory.Build.props", "<Project />");
        Write("Directory.Build.targets", "<Project />");
        Write("Directory.Packages.props", "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>");
        if (visualBasic)
        {
            Write("Class1.vb", "Public Module Class1\nEnd Module\n");
        }
        else
        {
            Write("Class1.cs", "namespace Consumer;\n\npublic static class Class1\n{\n}\n");
        }
    }

    public string Directory { get; }

    public string ProjectName => _visualBasic ? "Consumer.vbproj" : "Consumer.csproj";

    public Consumer Write(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Replace("\r\n", "\n", StringComparison.Ordinal));
        return this;
    }

    /// <summary>Writes the project file: a tiny class library referencing the package.</summary>
    public Consumer Project(string properties = "", string items = "", string targetFrameworks = "net10.0")
    {
        var tfm = targetFrameworks.Contains(';', StringComparison.Ordinal)
            ? "<TargetFrameworks>" + targetFrameworks + "</TargetFrameworks>"
            : "<TargetFramework>" + targetFrameworks + "</TargetFramework>";
        return Write(ProjectName, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {tfm}
                {(_visualBasic ? "<RootNamespace>Consumer</RootNamespace>" : "<Nullable>enable</Nullable>")}
                <ImplicitUsings>disable</ImplicitUsings>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
                <EnableDefaultCompileItems>true</EnableDefaultCompileItems>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ExecPlan.Build" Version="{_feed.Version}" />
                {items}
              </ItemGroup>
            </Project>
            """);
    }

    public BuildResult Build(string extraArguments = "", string verbosity = "q")
    {
        var arguments = "build \"" + Path.Combine(Directory, ProjectName) + "\" --nologo -v:" + verbosity +
            " -clp:NoSummary -nodeReuse:false -p:UseSharedCompilation=false -p:UseRazorSourceGenerator=false " + extraArguments;
        var (exit, output) = ProcessRunner.Run("dotnet", arguments, Directory, _feed.Environment(), TimeSpan.FromMinutes(4));
        return new BuildResult(exit, output, Diagnostics(output));
    }

    private List<string> Diagnostics(string output)
    {
        var prefix = Directory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var result = new List<string>();
        foreach (var line in output.Split('\n'))
        {
            // The console logger repeats every diagnostic in its summary: read the body only.
            if (line.StartsWith("Build FAILED.", StringComparison.Ordinal) || line.StartsWith("Build succeeded", StringComparison.Ordinal))
            {
                break;
            }

            var match = DiagnosticLine.Match(line);
            if (match.Success)
            {
                result.Add(match.Groups["text"].Value.Replace(prefix, string.Empty, StringComparison.Ordinal).Replace('\\', '/'));
            }
        }

        return result;
    }
}

internal sealed record BuildResult(int ExitCode, string Output, IReadOnlyList<string> Diagnostics)
{
    public IReadOnlyList<string> Ids => Diagnostics.Select(d => Regex.Match(d, @"EXP\d{3}", RegexOptions.None, TimeSpan.FromSeconds(1)).Value).ToList();

    public override string ToString() => "exit " + ExitCode + "\n" + Output;
}
