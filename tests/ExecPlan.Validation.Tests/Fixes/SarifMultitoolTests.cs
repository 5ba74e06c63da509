namespace ExecPlan.Validation.Tests.Fixes;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Reporting;

/// <summary>
/// Checks a real log with Microsoft's SARIF multitool (npm <c>@microsoft/sarif-multitool</c>):
/// its <c>validate</c> command checks the SARIF 2.1.0 JSON schema and then its own rules, with
/// the GitHub ingestion rules (GH1xxx/GH2xxx) switched on. The tool is installed into a temporary
/// folder on first use; the test skips, naming the reason, when npm, the package or its binary is
/// not usable here.
/// </summary>
public sealed class SarifMultitoolTests : IDisposable
{
    private const string Version = "5.7.0";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "execplan-sarif-multitool-tests", Guid.NewGuid().ToString("N"));

    public SarifMultitoolTests()
    {
        Directory.CreateDirectory(_dir);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [SkippableFact]
    public void Multitool_finds_no_errors_or_warnings_with_GitHub_rules_on_a_log_of_every_rule()
    {
        var tool = Multitool();

        // A repository with an origin, holding every 'bad' rule fixture, so every rule fires.
        var root = Path.Combine(_dir, "repo");
        Write(root, ".git/HEAD", "ref: refs/heads/main\n");
        Write(root, ".git/refs/heads/main", new string('e', 40) + "\n");
        Write(root, ".git/config", "[remote \"origin\"]\n\turl = https://github.com/acme/plans.git\n");
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var diagnostics = new List<PlanDiagnostic>();
        foreach (var fixture in Directory.GetFiles(fixtures, "bad-*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var target = Path.Combine(root, "docs", "plans", Path.GetFileName(Path.GetDirectoryName(fixture))!, Path.GetFileName(fixture));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(fixture, target);
            diagnostics.AddRange(new PlanValidator().ValidateFile(target));
        }

        Assert.True(diagnostics.Select(d => d.Id).Distinct().Count() >= 30, "expected most rules to fire");
        var log = Path.Combine(_dir, "execplan.sarif");
        using (var writer = new StreamWriter(log))
        {
            SarifWriter.Write(writer, diagnostics, new SarifOptions { BaseDirectory = root, RepositoryRoot = root });
        }

        var findings = Validate(tool, log);
        Assert.True(findings.Count == 0, "multitool: " + string.Join("\n", findings));

        // The check is not vacuous: without help and a fingerprint-free copy it complains.
        var broken = JsonNode.Parse(File.ReadAllText(log))!;
        broken["runs"]![0]!["tool"]!["driver"]!["rules"]![0]!.AsObject().Remove("help");
        broken["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0;
        var brokenLog = Path.Combine(_dir, "broken.sarif");
        File.WriteAllText(brokenLog, broken.ToJsonString());
        var complaints = Validate(tool, brokenLog);
        Assert.Contains(complaints, c => c.StartsWith("GH2012", StringComparison.Ordinal));
        Assert.Contains(complaints, c => c.StartsWith("JSON", StringComparison.Ordinal));
    }

    /// <summary>The multitool's error and warning results for a log ("RULEID: message").</summary>
    private List<string> Validate(string tool, string log)
    {
        var output = Path.Combine(_dir, Path.GetFileNameWithoutExtension(log) + ".validation.sarif");
        var (code, stdout, stderr) = Execute(tool, _dir, TimeSpan.FromMinutes(3),
            "validate", log, "--rule-kind", "Sarif;Gh", "--level", "Error;Warning", "--output", output, "--log", "ForceOverwrite");
        Assert.True(File.Exists(output), $"multitool wrote no output (exit {code}):\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        var run = json.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").TryGetProperty("rules", out var r) ? r.EnumerateArray().ToList() : [];
        var findings = new List<string>();
        if (run.TryGetProperty("results", out var results))
        {
            foreach (var result in results.EnumerateArray())
            {
                var level = result.TryGetProperty("level", out var l) ? l.GetString() : "warning";
                if (level is "error" or "warning")
                {
                    findings.Add(result.GetProperty("ruleId").GetString() + ": " + Message(result, rules));
                }
            }
        }

        return findings;
    }

    private static string Message(JsonElement result, List<JsonElement> rules)
    {
        var message = result.GetProperty("message");
        if (message.TryGetProperty("text", out var text))
        {
            return text.GetString()!;
        }

        var arguments = message.TryGetProperty("arguments", out var a) ? a.EnumerateArray().Select(x => x.GetString()).ToArray() : [];
        var id = message.TryGetProperty("id", out var i) ? i.GetString() : null;
        var rule = rules.FirstOrDefault(x => x.GetProperty("id").GetString() == result.GetProperty("ruleId").GetString());
        if (id is not null && rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty("messageStrings", out var strings) &&
            strings.TryGetProperty(id, out var template))
        {
            var formatted = template.GetProperty("text").GetString()!;
            for (var k = 0; k < arguments.Length; k++)
            {
                formatted = formatted.Replace("{" + k + "}", arguments[k], StringComparison.Ordinal);
            }

            return formatted;
        }

        return id + " " + string.Join(", ", arguments);
    }

    /// <summary>The multitool binary, installed with npm into a shared temporary folder when absent.</summary>
    private static string Multitool()
    {
        Skip.IfNot(OperatingSystem.IsWindows() || OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "no multitool build for this OS");
        var npm = FindOnPath(OperatingSystem.IsWindows() ? "npm.cmd" : "npm");
        Skip.If(npm is null, "npm is not on PATH, so @microsoft/sarif-multitool cannot be installed");

        var home = Path.Combine(Path.GetTempPath(), "execplan-sarif-multitool", Version);
        var tool = FindBinary(home);
        if (tool is null)
        {
            var staging = home + ".staging-" + Guid.NewGuid().ToString("N");
            Directory.CreateDirectory(staging);
            var (code, stdout, stderr) = Execute(npm!, staging, TimeSpan.FromMinutes(5),
                "install", "--prefix", staging, "--no-audit", "--no-fund", "--no-save", "--loglevel", "error", "@microsoft/sarif-multitool@" + Version);
            Skip.If(code != 0 || FindBinary(staging) is null,
                $"npm could not install @microsoft/sarif-multitool@{Version} (exit {code}): {Tail(stderr + stdout)}");
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(home)!);
                Directory.Move(staging, home);
            }
            catch (IOException)
            {
                // Another run installed it first; use ours.
                home = staging;
            }

            tool = FindBinary(home)!;
        }

        if (!OperatingSystem.IsWindows())
        {
            // npm may not run the package's postinstall chmod (install scripts need approval).
            File.SetUnixFileMode(tool, File.GetUnixFileMode(tool) | UnixFileMode.UserExecute);
        }

        var (versionCode, versionOut, versionErr) = Execute(tool, Path.GetTempPath(), TimeSpan.FromMinutes(1), "--version");
        Skip.If(versionCode != 0, $"the multitool binary does not run here (exit {versionCode}): {Tail(versionErr + versionOut)}");
        return tool;
    }

    private static string? FindBinary(string prefix)
    {
        var scope = Path.Combine(prefix, "node_modules", "@microsoft");
        if (!Directory.Exists(scope))
        {
            return null;
        }

        var name = OperatingSystem.IsWindows() ? "Sarif.Multitool.exe" : "Sarif.Multitool";
        return Directory.GetDirectories(scope, "sarif-multitool-*")
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);

    private static (int Code, string StdOut, string StdErr) Execute(string file, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, string.Empty, ex.Message);
        }

        using var _ = process;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, stdout.Result, stderr.Result + "\n(timed out)");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Tail(string text) => text.Length <= 600 ? text.Trim() : text.Substring(text.Length - 600).Trim();

    private static void Write(string root, string relativePath, string text)
    {
        var full = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
