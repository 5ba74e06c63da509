namespace ExecPlan.Cli.Tests;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

/// <summary>
/// Hostile files through the real CLI. Before: a FIFO plan blocked check and fix forever; a link
/// to /dev/zero made check read 4.2 GB and exit 3 with no output for the other files; fix wrote
/// through a link into a file outside the tree, and a write cut short by a file-size limit left the
/// plan truncated (exit 3, or "fixed" in the summary).
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    private static readonly string Broken = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "broken-plan.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    private readonly TempDir _dir = new();

    public HostileFileTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "repo", ".git"));
        _dir.Write("repo/witness.md", Plans.Declared);
    }

    private string Repo => Path.Combine(_dir.Path, "repo");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Check_gives_a_FIFO_and_device_links_one_EXP000_each_and_still_prints_every_other_file()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        MakeFifo("repo/p.md");
        File.CreateSymbolicLink(Path.Combine(Repo, "z.md"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(Repo, "u.md"), "/dev/urandom");
        MakeFifo("repo/.editorconfig");

        var watch = Stopwatch.StartNew();
        var result = CliRunner.Run(Repo, "check", ".");
        var elapsed = watch.Elapsed;

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(elapsed < TimeSpan.FromSeconds(30), "took " + elapsed);
        foreach (var name in new[] { "p.md", "u.md", "z.md" })
        {
            var line = Assert.Single(result.OutLines, l => l.StartsWith(name + "(", StringComparison.Ordinal));
            Assert.StartsWith(name + "(1,1,1,1): error EXP000: Plan file cannot be validated: the file cannot be read: ", line, StringComparison.Ordinal);
        }

        Assert.Equal(7, result.OutLines.Count(l => l.StartsWith("witness.md(1,3,1,10): error EXP001: ", StringComparison.Ordinal)));
        Assert.Contains("4 files checked", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_does_not_wait_for_a_FIFO()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        MakeFifo("repo/p.md");

        var result = CliRunner.Run(Repo, "fix", "p.md");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("p.md: not fixed: it is not a regular file", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_refuses_a_link_out_of_the_tree_and_leaves_its_target_alone()
    {
        var outside = _dir.Write("outside/rc", Broken);
        File.CreateSymbolicLink(Path.Combine(Repo, "plan.md"), "../outside/rc");
        Directory.CreateSymbolicLink(Path.Combine(Repo, "linked"), "../outside");

        var result = CliRunner.Run(Repo, "fix", "plan.md", "linked/rc");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(Broken, File.ReadAllText(outside));
        Assert.Contains("plan.md: not fixed: it is a symbolic link to ", result.StdErr, StringComparison.Ordinal);
        Assert.Contains(Path.Join("linked", "rc") + ": not fixed: it is a symbolic link to ", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("0 of 2 files fixed, 2 could not be written", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_follows_a_link_inside_the_tree_and_keeps_the_link()
    {
        var real = _dir.Write("repo/docs/real.md", Broken);
        var link = Path.Combine(Repo, "plan.md");
        File.CreateSymbolicLink(link, "docs/real.md");

        var result = CliRunner.Run(Repo, "fix", "plan.md");

        Assert.Contains("plan.md: fixed ", result.StdErr, StringComparison.Ordinal);
        Assert.NotEqual(Broken, File.ReadAllText(real));
        Assert.Equal("docs/real.md", new FileInfo(link).LinkTarget);
        Assert.Empty(Directory.GetFiles(Path.Combine(Repo, "docs"), "*.tmp"));
    }

    [Fact]
    public void Fix_keeps_the_file_mode()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = _dir.Write("repo/plan.md", Broken);
        const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, Mode);

        CliRunner.Run(Repo, "fix", "plan.md");

        Assert.NotEqual(Broken, File.ReadAllText(path));
        Assert.Equal(Mode, File.GetUnixFileMode(path));
    }

    [Theory]
    [InlineData(true)] // EFBIG: the write fails
    [InlineData(false)] // SIGXFSZ: the process is killed half-way
    public void A_write_cut_short_by_a_file_size_limit_leaves_the_plan_intact(bool ignoreSignal)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Over 100 KB, so the fixed text cannot be written under 'ulimit -f 100'.
        var big = new StringBuilder(Broken);
        for (var i = 0; i < 3000; i++)
        {
            big.Append("- [ ] item number ").Append(i).Append(" with some padding text here\n");
        }

        var original = Encoding.UTF8.GetBytes(big.ToString());
        var path = _dir.WriteBytes("repo/big.md", original);

        var result = RunLimited((ignoreSignal ? "trap '' XFSZ; " : string.Empty) + "ulimit -f 100", "fix", "big.md");

        Assert.Equal(original, File.ReadAllBytes(path));
        Assert.DoesNotContain("big.md: fixed", result.StdErr, StringComparison.Ordinal);
        if (ignoreSignal)
        {
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("big.md: not fixed: ", result.StdErr, StringComparison.Ordinal);
            Assert.Contains("0 of 1 file fixed, 1 could not be written", result.StdErr, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(Repo, "*.tmp"));
        }
        else
        {
            Assert.Equal(128 + 25, result.ExitCode); // killed by SIGXFSZ
        }
    }

    [Fact]
    public void The_temporary_file_of_a_killed_fix_is_never_a_plan_and_a_later_fix_removes_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var big = new StringBuilder(Broken);
        for (var i = 0; i < 3000; i++)
        {
            big.Append("- [ ] item number ").Append(i).Append(" with some padding text here\n");
        }

        _dir.Write("repo/big.md", big.ToString());
        Assert.Equal(128 + 25, RunLimited("ulimit -f 100", "fix", "big.md").ExitCode); // killed by SIGXFSZ mid-write
        var leftover = Assert.Single(Directory.GetFiles(Repo, ".big.md.*"));
        Assert.Matches(@"^\.big\.md\.[0-9a-f]{12}\.execplan-tmp$", Path.GetFileName(leftover));

        // A glob that names it finds nothing to check or fix: it is not a plan.
        var check = CliRunner.Run(Repo, "check", "--list", ".big.md.*");
        Assert.DoesNotContain("execplan-tmp", check.StdOut, StringComparison.Ordinal);
        Assert.Contains("no file matches", CliRunner.Run(Repo, "check", ".big.md.*").StdOut, StringComparison.Ordinal);
        var fixGlob = CliRunner.Run(Repo, "fix", ".big.md.*");
        Assert.DoesNotContain("execplan-tmp: fixed", fixGlob.StdErr, StringComparison.Ordinal);
        Assert.True(File.Exists(leftover));

        // The next fix of the plan deletes its stale temporary files, not a young one (a fix still running).
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddHours(-1));
        var young = _dir.Write("repo/.big.md.0123456789ab.execplan-tmp", "partial");
        var other = _dir.Write("repo/.witness.md.0123456789ab.execplan-tmp", "partial");
        File.SetLastWriteTimeUtc(other, DateTime.UtcNow.AddHours(-1));
        var result = CliRunner.Run(Repo, "fix", "big.md");

        Assert.Contains("big.md: fixed ", result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(leftover), "the stale temporary file is still there");
        Assert.True(File.Exists(young), "a young temporary file was deleted");
        Assert.True(File.Exists(other), "another plan's temporary file was deleted");
    }

    [Fact]
    public void A_folder_where_no_temporary_file_can_be_created_reports_not_fixed()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            return; // root ignores directory permissions
        }

        var path = _dir.Write("repo/ro/plan.md", Broken);
        var folder = Path.GetDirectoryName(path)!;
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var result = CliRunner.Run(Repo, "fix", "ro/plan.md");

            Assert.Equal(1, result.ExitCode);
            Assert.Equal(Broken, File.ReadAllText(path));
            Assert.Contains("not fixed: ", result.StdErr, StringComparison.Ordinal);
            Assert.Contains("0 of 1 file fixed", result.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private void MakeFifo(string relative)
    {
        var path = Path.Combine(_dir.Path, relative);
        using var process = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    /// <summary>Runs the CLI from a shell that first applies <paramref name="limits"/> (ulimit).</summary>
    private CliResult RunLimited(string limits, params string[] args) =>
        CliRunner.RunProcess("bash", ["-c", limits + "; exec \"$@\"", "bash", CliRunner.DotnetHost(), "exec", CliRunner.DllPath, .. args], Repo,
            // The runtime's W^X double mapping needs a file larger than the limit.
            new Dictionary<string, string> { ["DOTNET_EnableWriteXorExecute"] = "0" });
}
