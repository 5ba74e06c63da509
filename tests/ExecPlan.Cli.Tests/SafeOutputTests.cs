namespace ExecPlan.Cli.Tests;

using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

/// <summary>
/// What the CLI prints cannot be steered by a file name or by plan text: a newline in a file
/// name does not start a line of its own (such as a GitHub <c>::error</c> workflow command), no
/// ESC or CR reaches the terminal, and errors the user sees are sentences, not resource keys.
/// The checks take the CLI to run as a parameter, so <see cref="NativeAotTests"/> runs them
/// against the native executable too.
/// </summary>
public sealed class SafeOutputTests : IDisposable
{
    /// <summary>A file name that, printed raw, would forge a workflow command and clear the screen.</summary>
    public const string EvilName = "x\n::error file=evil.md::forged\u001B[2J.md";

    /// <summary>A plan whose Status line holds an ANSI colour, a CR, an OSC title sequence and a C1 CSI.</summary>
    public const string EvilStatusPlan =
        "# Plan\n\nThis ExecPlan is a living document.\n\nStatus: \u001B[31mWIP\rDONE\u001B]0;pwned\u0007 \u009B2J\n\n## Progress\n\n- [x] done\n";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public void A_newline_and_ESC_in_a_file_name_are_escaped_in_every_format() =>
        CheckEvilFileName(_dir, (wd, args) => CliRunner.Run(wd, args));

    [Fact]
    public void ESC_and_CR_on_a_Status_line_are_escaped_in_every_format() =>
        CheckEvilStatus(_dir, (wd, args) => CliRunner.Run(wd, args));

    [Fact]
    public void Usage_errors_escape_the_argument_they_quote()
    {
        var result = _dir.Run("check", "--format", "te\u001B[2Jxt\nforged", "plan.md");

        Assert.Equal(2, result.ExitCode);
        AssertNoRawControls(result.StdErr);
        Assert.Contains("te\\e[2Jxt\\nforged", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unwritable_report_path_is_explained_in_words() =>
        CheckReportPathIsADirectory(_dir, (wd, args) => CliRunner.Run(wd, args));

    [Fact]
    public void A_new_plan_under_a_file_is_explained_in_words() =>
        CheckNewUnderAFile(_dir, (wd, args) => CliRunner.Run(wd, args));

    [SkippableFact]
    public void A_read_error_is_explained_in_words() =>
        CheckReadError(_dir, (wd, args) => CliRunner.Run(wd, args));

    internal static void CheckEvilFileName(TempDir dir, Func<string, string[], CliResult> run)
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows file names cannot hold a newline or ESC.");
        dir.Write(EvilName, Plans.Declared);

        var text = run(dir.Path, ["check", "."]);
        Assert.Equal(1, text.ExitCode);
        AssertNoRawControls(text.StdOut);
        Assert.NotEmpty(text.OutLines);
        Assert.All(text.OutLines, line => Assert.StartsWith("x\\n::error file=evil.md::forged\\e[2J.md(", line, StringComparison.Ordinal));

        var github = run(dir.Path, ["check", ".", "--format", "github"]);
        AssertNoRawControls(github.StdOut);
        Assert.Equal(text.OutLines.Length, github.OutLines.Length);
        Assert.All(github.OutLines, line => Assert.Matches(@"^::(error|warning|notice) file=x%0A%3A%3Aerror file=evil\.md%3A%3Aforged\\e\[2J\.md,line=\d+,", line));

        var json = run(dir.Path, ["check", ".", "--format", "json"]);
        AssertNoRawControls(json.StdOut);
        Assert.Single(json.OutLines);
        using var document = JsonDocument.Parse(json.StdOut);
        var files = document.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("file").GetString()).Distinct().ToList();
        Assert.Equal([EvilName], files);
    }

    internal static void CheckEvilStatus(TempDir dir, Func<string, string[], CliResult> run)
    {
        dir.Write("status.md", EvilStatusPlan);

        var text = run(dir.Path, ["check", "status.md"]);
        Assert.Equal(1, text.ExitCode);
        AssertNoRawControls(text.StdOut);
        Assert.Contains("status.md(5,9,5,17): error EXP011: Status value is invalid: write exactly one of DRAFT, APPROVED, IN PROGRESS, BLOCKED or COMPLETE instead of '\\e[31mWIP'", text.StdOut, StringComparison.Ordinal);

        var github = run(dir.Path, ["check", "status.md", "--format", "github"]);
        AssertNoRawControls(github.StdOut);
        Assert.Contains("title=EXP011::Status value is invalid: write exactly one of DRAFT, APPROVED, IN PROGRESS, BLOCKED or COMPLETE instead of '\\e[31mWIP'", github.StdOut, StringComparison.Ordinal);
        Assert.All(github.OutLines, line => Assert.StartsWith("::", line, StringComparison.Ordinal));

        var json = run(dir.Path, ["check", "status.md", "--format", "json"]);
        AssertNoRawControls(json.StdOut);
        Assert.Contains("\\u001B[31mWIP", json.StdOut, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.StdOut);
        Assert.Contains(document.RootElement.GetProperty("diagnostics").EnumerateArray(),
            d => d.GetProperty("message").GetString()!.StartsWith("Status value is invalid: write exactly one of DRAFT, APPROVED, IN PROGRESS, BLOCKED or COMPLETE instead of '\u001B[31mWIP'", StringComparison.Ordinal));
    }

    internal static void CheckReportPathIsADirectory(TempDir dir, Func<string, string[], CliResult> run)
    {
        dir.Write("plan.md", Plans.Complete);
        Directory.CreateDirectory(Path.Combine(dir.Path, "report.json"));

        var result = run(dir.Path, ["check", "plan.md", "--format", "json", "--output", "report.json"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot write the report to 'report.json': ", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("Access to the path", result.StdErr, StringComparison.Ordinal);
        AssertNoResourceKeys(result.StdErr);
    }

    internal static void CheckNewUnderAFile(TempDir dir, Func<string, string[], CliResult> run)
    {
        // The folder to create is a file: an IOException from Directory.CreateDirectory.
        dir.Write("docs", "not a folder");

        var result = run(dir.Path, ["new", "A title", "--output", "docs/plan.md"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("execplan: error: cannot write 'docs/plan.md': The file '", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("docs' already exists.", result.StdErr, StringComparison.Ordinal);
        AssertNoResourceKeys(result.StdErr);
    }

    internal static void CheckReadError(TempDir dir, Func<string, string[], CliResult> run)
    {
        // Root reads every file, so chmod 000 proves nothing; /proc/self/mem fails every read at
        // offset 0 with EIO, for any user.
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/proc/self/mem"), "needs Linux /proc/self/mem to provoke an I/O error.");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "mem.md"), "/proc/self/mem");

        var result = run(dir.Path, ["check", "mem.md"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("mem.md(1,1,1,1): error EXP000: Plan file cannot be validated: the file cannot be read: Input/output error", result.StdOut, StringComparison.Ordinal);
        AssertNoResourceKeys(result.StdOut);
    }

    internal static void AssertNoRawControls(string output)
    {
        var bad = output.Where(c => c != '\n' && (char.IsControl(c) || c is '\u2028' or '\u2029')).Select(c => ((int)c).ToString("X4")).ToList();
        Assert.True(bad.Count == 0, "raw control characters in the output: U+" + string.Join(" U+", bad) + "\n" + output);
    }

    /// <summary>A resource key such as <c>UnauthorizedAccess_IODenied_Path</c> or <c>RegexMatchTimeoutException_Occurred</c>.</summary>
    internal static void AssertNoResourceKeys(string output) =>
        Assert.DoesNotMatch(new Regex(@"\b[A-Z][A-Za-z0-9]+_[A-Z][A-Za-z0-9_]*\b"), output);
}
