namespace ExecPlan.Build.Tests;

using System;
using System.Collections.Generic;
using System.IO;

/// <summary>
/// Packs ExecPlan.Build once per test run into a temporary folder feed, and owns one isolated
/// NuGet packages folder shared by every consumer build (so no stale ExecPlan.Build is ever used).
/// </summary>
public sealed class PackageFeedFixture : IDisposable
{
    public PackageFeedFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "execplan-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Packages);

        var repo = RepositoryRootAttribute.Get();
        var project = Path.Combine(repo, "nuget", "ExecPlan.Build.Package.csproj");
        var (exit, output) = ProcessRunner.Run("dotnet",
            "pack \"" + project + "\" -c Release -o \"" + Feed + "\" --nologo -nodeReuse:false -p:UseSharedCompilation=false",
            repo, Environment(), TimeSpan.FromMinutes(5));
        if (exit != 0 || Directory.GetFiles(Feed, "ExecPlan.Build.*.nupkg").Length != 1)
        {
            throw new InvalidOperationException("dotnet pack failed (" + exit + "):\n" + output);
        }

        var name = Path.GetFileNameWithoutExtension(Directory.GetFiles(Feed, "ExecPlan.Build.*.nupkg")[0]);
        Version = name["ExecPlan.Build.".Length..];
    }

    public string Root { get; }

    /// <summary>The version of the packed ExecPlan.Build.</summary>
    public string Version { get; }

    public string Feed { get; }

    public string Packages { get; }

    /// <summary>The environment every dotnet process of the tests runs with.</summary>
    public IReadOnlyDictionary<string, string?> Environment() => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = Packages,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_CLI_UI_LANGUAGE"] = "en",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
        // Keep the consumer builds independent of the test host's own build environment.
        ["MSBuildExtensionsPath"] = null,
        ["MSBUILD_EXE_PATH"] = null,
        ["MSBuildSDKsPath"] = null,
        ["CI"] = null,
        ["MSBuildLoadMicrosoftTargetsReadOnly"] = null,
        ["MSBUILDNOINPROCNODE"] = null,
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndGroup : ICollectionFixture<PackageFeedFixture>
{
    public const string Name = "end-to-end";
}
