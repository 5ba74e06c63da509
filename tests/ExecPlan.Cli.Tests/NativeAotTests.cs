namespace ExecPlan.Cli.Tests;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

/// <summary>
/// Publishes the CLI as a native AOT executable once (into a temporary folder, isolated bin/obj)
/// and checks it behaves exactly like the JIT build: same stdout, stderr and exit code on every
/// rule fixture and sample in every format, same <c>rules</c>, <c>new</c> and <c>fix --dry-run</c>,
/// and the same escaping and error wording. Native AOT needs a C toolchain (clang and zlib on
/// Linux, Xcode's clang on macOS); without it these tests are skipped with that reason, so a
/// machine with only the .NET SDK still runs everything else. <c>EXECPLAN_NATIVE_CLI</c> names an
/// executable built beforehand (<c>build/pack-native-tool.sh</c> sets it) instead of publishing;
/// <c>EXECPLAN_REQUIRE_AOT=1</c> turns a skip into a failure.
/// </summary>
public sealed class NativeAotTests : IClassFixture<NativeAotTests.NativeCli>, IDisposable
{
    private readonly NativeCli _native;
    private readonly TempDir _dir = new();

    public NativeAotTests(NativeCli native)
    {
        _native = native;
    }

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Formats => new() { "text", "json", "github", "sarif" };

    [SkippableTheory]
    [MemberData(nameof(Formats))]
    public void Native_check_matches_the_JIT_build_on_every_fixture_and_sample(string format)
    {
        var executable = RequireNative();
        var tests = Path.Combine(NativeCli.RepositoryRoot, "tests", "ExecPlan.Validation.Tests");
        string[] args = ["check", "Fixtures", "../../samples/plans", "--format", format];

        var jit = CliRunner.Run(tests, args);
        var native = CliRunner.RunExecutable(executable, tests, args);

        Assert.Equal(1, jit.ExitCode);
        Assert.True(jit.StdOut.Length > 100_000, "the JIT build reported too little: " + jit.StdErr);
        AssertSame(jit, native);
    }

    [SkippableFact]
    public void Native_rules_version_new_and_fix_match_the_JIT_build()
    {
        var executable = RequireNative();
        var samples = Path.Combine(NativeCli.RepositoryRoot, "samples", "plans");
        AssertSame(CliRunner.Run(_dir.Path, "rules"), CliRunner.RunExecutable(executable, _dir.Path, "rules"));
        AssertSame(CliRunner.Run(_dir.Path, "--version"), CliRunner.RunExecutable(executable, _dir.Path, "--version"));
        AssertSame(CliRunner.Run(_dir.Path, "--help"), CliRunner.RunExecutable(executable, _dir.Path, "--help"));
        AssertSame(CliRunner.Run(_dir.Path, "check", "--bogus"), CliRunner.RunExecutable(executable, _dir.Path, "check", "--bogus"));
        AssertSame(CliRunner.Run(samples, "fix", "--dry-run", "."), CliRunner.RunExecutable(executable, samples, "fix", "--dry-run", "."));

        Directory.CreateDirectory(Path.Combine(_dir.Path, "jit"));
        Directory.CreateDirectory(Path.Combine(_dir.Path, "native"));
        AssertSame(
            CliRunner.Run(Path.Combine(_dir.Path, "jit"), "new", "Ship the thing", "--output", "plan.md"),
            CliRunner.RunExecutable(executable, Path.Combine(_dir.Path, "native"), "new", "Ship the thing", "--output", "plan.md"));
        Assert.Equal(File.ReadAllText(Path.Combine(_dir.Path, "jit", "plan.md")), File.ReadAllText(Path.Combine(_dir.Path, "native", "plan.md")));
    }

    [SkippableFact]
    public void Native_escapes_file_names() => SafeOutputTests.CheckEvilFileName(_dir, Native(RequireNative()));

    [SkippableFact]
    public void Native_escapes_Status_text() => SafeOutputTests.CheckEvilStatus(_dir, Native(RequireNative()));

    [SkippableFact]
    public void Native_explains_an_unwritable_report_in_words() => SafeOutputTests.CheckReportPathIsADirectory(_dir, Native(RequireNative()));

    [SkippableFact]
    public void Native_explains_a_new_plan_under_a_file_in_words() => SafeOutputTests.CheckNewUnderAFile(_dir, Native(RequireNative()));

    [SkippableFact]
    public void Native_explains_a_read_error_in_words() => SafeOutputTests.CheckReadError(_dir, Native(RequireNative()));

    private static Func<string, string[], CliResult> Native(string executable) => (wd, args) => CliRunner.RunExecutable(executable, wd, args);

    private static void AssertSame(CliResult jit, CliResult native)
    {
        Assert.Equal(jit.ExitCode, native.ExitCode);
        Assert.Equal(jit.StdOut, native.StdOut);
        Assert.Equal(jit.StdErr, native.StdErr);
    }

    private string RequireNative()
    {
        Skip.If(_native.SkipReason is not null, _native.SkipReason);
        Assert.True(_native.Executable is not null, _native.Failure);
        return _native.Executable!;
    }

    /// <summary>The native executable, published once for the whole class.</summary>
    public sealed class NativeCli : IDisposable
    {
        private readonly string? _work;

        public NativeCli()
        {
            var given = Environment.GetEnvironmentVariable("EXECPLAN_NATIVE_CLI");
            if (!string.IsNullOrEmpty(given))
            {
                Executable = File.Exists(given) ? Path.GetFullPath(given) : null;
                Failure = $"EXECPLAN_NATIVE_CLI names '{given}', which does not exist.";
                return;
            }

            var missing = MissingPrerequisite();
            if (missing is not null)
            {
                if (Environment.GetEnvironmentVariable("EXECPLAN_REQUIRE_AOT") == "1")
                {
                    Failure = "EXECPLAN_REQUIRE_AOT=1 but native AOT cannot be built here: " + missing;
                }
                else
                {
                    SkipReason = "Native AOT cannot be built here: " + missing + " (bash build/pack-native-tool.sh installs it on Debian/Ubuntu).";
                }

                return;
            }

            _work = Path.Combine(Path.GetTempPath(), "execplan-native-tests", Guid.NewGuid().ToString("N"));
            var output = Path.Combine(_work, "native");
            var metadata = typeof(NativeCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
            CliResult publish;
            try
            {
                publish = CliRunner.RunProcess(
                    CliRunner.DotnetHost(),
                    [
                        "publish", metadata["ExecPlanCliProject"]!, "-c", metadata["ExecPlanConfiguration"]!,
                        "-r", RuntimeInformation.RuntimeIdentifier, "-p:ExecPlanNativeTool=true",
                        "--artifacts-path", Path.Combine(_work, "artifacts"), "-o", output, "-nologo",
                    ],
                    Environment.CurrentDirectory,
                    new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
                    TimeSpan.FromMinutes(15));
            }
            catch (TimeoutException)
            {
                Failure = "the native AOT publish did not finish within 15 minutes.";
                return;
            }

            var executable = Path.Combine(output, OperatingSystem.IsWindows() ? "execplan.exe" : "execplan");
            if (publish.ExitCode == 0 && File.Exists(executable))
            {
                Executable = executable;
            }
            else
            {
                Failure = $"the native AOT publish failed (exit {publish.ExitCode}):\n{publish.StdOut}\n{publish.StdErr}";
            }
        }

        public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(
            Path.GetDirectoryName(typeof(NativeCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ExecPlanCliProject").Value!)!,
            "..", ".."));

        public string? Executable { get; }

        public string? SkipReason { get; }

        public string? Failure { get; } = "the native executable was not built.";

        public void Dispose()
        {
            if (_work is not null)
            {
                try
                {
                    Directory.Delete(_work, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }

        /// <summary>Why native AOT cannot be built on this machine, or null when it can.</summary>
        private static string? MissingPrerequisite()
        {
            if (OperatingSystem.IsLinux())
            {
                if (OnPath("clang") is null)
                {
                    return "clang is not installed (apt-get install clang zlib1g-dev)";
                }

                string[] libDirs = ["/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu"];
                return libDirs.Any(d => File.Exists(Path.Combine(d, "libz.so")) || File.Exists(Path.Combine(d, "libz.a")))
                    ? null
                    : "the zlib development library is not installed (apt-get install zlib1g-dev)";
            }

            if (OperatingSystem.IsMacOS())
            {
                return OnPath("clang") is null ? "clang is not installed (xcode-select --install)" : null;
            }

            return "the native AOT test runs on Linux and macOS; on Windows publish with the Visual Studio C++ tools and set EXECPLAN_NATIVE_CLI";
        }

        private static string? OnPath(string name) =>
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, name))
                .FirstOrDefault(File.Exists);
    }
}
