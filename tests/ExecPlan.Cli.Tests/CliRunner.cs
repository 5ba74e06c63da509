namespace ExecPlan.Cli.Tests;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

/// <summary>What one run of the CLI process produced.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    public string[] OutLines => StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}--- stderr ---\n{StdErr}";
}

/// <summary>Runs the built <c>execplan.dll</c> as a child process (<c>dotnet execplan.dll ...</c>).</summary>
public static class CliRunner
{
    private static readonly Lazy<string> Dll = new(FindDll);

    public static string DllPath => Dll.Value;

    public static CliResult Run(string workingDirectory, params string[] args) =>
        RunProcess(DotnetHost(), ["exec", DllPath, .. args], workingDirectory);

    /// <summary>Runs another build of the CLI (the native AOT executable) the same way.</summary>
    public static CliResult RunExecutable(string executable, string workingDirectory, params string[] args) =>
        RunProcess(executable, args, workingDirectory);

    /// <summary>
    /// The one child-process runner of these tests: runs <paramref name="fileName"/> with
    /// <paramref name="args"/>, reads stdout and stderr as UTF-8 (CRLF as LF), kills the process
    /// tree after <paramref name="timeout"/> (default 120 s). With <paramref name="isolated"/> the
    /// child gets the test run's dotnet (DOTNET_ROOT, first on PATH) and none of its MSBuild
    /// settings, for nested builds, packs and installed tools.
    /// </summary>
    public static CliResult RunProcess(string fileName, IEnumerable<string> args, string workingDirectory,
        IDictionary<string, string>? environment = null, TimeSpan? timeout = null, bool isolated = false)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (isolated)
        {
            foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "VSTEST_HOST_DEBUG" })
            {
                start.Environment.Remove(name);
            }

            var dotnet = DotnetHost();
            if (dotnet != "dotnet")
            {
                start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(dotnet);
                start.Environment["PATH"] = Path.GetDirectoryName(dotnet) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
            }
        }

        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            start.Environment[pair.Key] = pair.Value;
        }

        var limit = timeout ?? TimeSpan.FromSeconds(120);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + fileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {limit.TotalSeconds:0} s: " + string.Join(' ', args));
        }

        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result.Replace("\r\n", "\n", StringComparison.Ordinal), stderr.Result.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>The dotnet muxer that runs the tests ('dotnet test' sets DOTNET_HOST_PATH), else 'dotnet' from PATH.</summary>
    public static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    private static string FindDll()
    {
        var path = typeof(CliRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ExecPlanCliPath")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The built CLI was not found at '{path}'. Build the solution (dotnet build ExecPlan.Build.sln) before running these tests.");
        }

        return path;
    }
}

/// <summary>A fresh temporary folder (outside any git repository) deleted after the test.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "execplan-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string text) => WriteBytes(relativePath, new UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public CliResult Run(params string[] args) => CliRunner.Run(Path, args);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
