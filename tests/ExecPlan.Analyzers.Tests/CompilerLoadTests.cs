namespace ExecPlan.Analyzers.Tests;

using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;

/// <summary>The analyzer assembly (with Markdig and the library beside it) loads in the C#
/// compiler of the installed SDK and reports through a real `dotnet build`.</summary>
public sealed class CompilerLoadTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("execplan-analyzer-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async System.Threading.Tasks.Task Analyzer_loads_in_the_sdk_compiler_and_reports_once_per_violation()
    {
        var bin = AppContext.BaseDirectory;
        string Dll(string name) => Path.Combine(bin, name + ".dll");
        File.WriteAllText(Path.Combine(_dir.FullName, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ExecPlanAnalyzerEnabled>true</ExecPlanAnalyzerEnabled>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <CompilerVisibleProperty Include="ExecPlanAnalyzerEnabled" />
                <CompilerVisibleItemMetadata Include="AdditionalFiles" MetadataName="ExecPlanIsPlan" />
                <AdditionalFiles Include="plans/fix.md" ExecPlanIsPlan="true" />
                <Analyzer Include="{Dll("ExecPlan.Analyzers")};{Dll("ExecPlan.Validation")};{Dll("Markdig")}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_dir.FullName, "Class1.cs"), "namespace Consumer { public class Class1 { } }\n");
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "plans"));
        File.WriteAllText(Path.Combine(_dir.FullName, "plans", "fix.md"), "# Fix the importer\n\nThis ExecPlan is a living document.\n\nStatus: WIP\n");

        var start = new ProcessStartInfo("dotnet", "build -nodeReuse:false -p:UseSharedCompilation=false ")
        {
            WorkingDirectory = _dir.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await error;

        Assert.DoesNotContain("AD0001", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8032", text, StringComparison.Ordinal);
        Assert.Equal(1, process.ExitCode);
        // MSBuild repeats every error in its closing summary; count the reports before it.
        var summary = text.IndexOf("Build FAILED", StringComparison.Ordinal);
        Assert.True(summary > 0, text);
        var status = Regex.Matches(text[..summary], @"plans[/\\]fix\.md\(5,9\): error EXP011: ");
        Assert.Single(status);
    }
}
