namespace ExecPlan.Cli.Tests;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

/// <summary>
/// Packs the already built CLI as a dotnet tool, installs it into a temporary tool path from a
/// temporary feed (isolated NuGet cache and config, no network) and runs the installed command.
/// </summary>
public sealed class InstalledToolTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Packed_tool_installs_and_runs()
    {
        var metadata = typeof(InstalledToolTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var project = metadata["ExecPlanCliProject"]!;
        var configuration = metadata["ExecPlanConfiguration"]!;
        var feed = Path.Combine(_dir.Path, "feed");
        var tools = Path.Combine(_dir.Path, "tools");
        var config = _dir.Write("nuget.config",
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(_dir.Path, "packages"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        };

        var pack = Run(Dotnet(), ["pack", project, "--no-build", "-c", configuration, "-o", feed, "-p:NuspecOutputPath=" + Path.Combine(_dir.Path, "nuspec")], environment);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var package = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
        Assert.Matches(@"^ExecPlan\.Cli\.\d+\.\d+\.\d+.*\.nupkg$", Path.GetFileName(package));
        using (var zip = System.IO.Compression.ZipFile.OpenRead(package))
        {
            var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
            Assert.Contains("<readme>PACKAGE.md</readme>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<tags>", nuspec, StringComparison.Ordinal);
            Assert.Contains(zip.Entries, e => e.FullName == "PACKAGE.md");
        }

        var install = Run(Dotnet(), ["tool", "install", "--tool-path", tools, "--configfile", config, "ExecPlan.Cli"], environment);
        Assert.True(install.ExitCode == 0, install.ToString());

        var execplan = Path.Combine(tools, OperatingSystem.IsWindows() ? "execplan.exe" : "execplan");
        var version = Run(execplan, ["--version"], environment);
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.StdOut.Trim());

        _dir.Write("work/plan.md", Plans.TitleOnly);
        var check = Run(execplan, ["check", "plan.md"], environment, Path.Combine(_dir.Path, "work"));
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("plan.md(1,3,1,10): error EXP001: ", check.StdOut, StringComparison.Ordinal);
    }

    private static string Dotnet() => CliRunner.DotnetHost();

    // The installed apphost must find the same runtime the tests run on; MSBuild settings of the
    // test run must not leak into the nested pack.
    private static CliResult Run(string fileName, string[] args, Dictionary<string, string> environment, string? workingDirectory = null) =>
        CliRunner.RunProcess(fileName, args, workingDirectory ?? Path.GetTempPath(), environment, TimeSpan.FromSeconds(90), isolated: true);
}
