namespace ExecPlan.Validation.Tests.Io;

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ExecPlan.Validation.Configuration;
using ExecPlan.Validation.Io;
using ExecPlan.Validation.Settings;

/// <summary>
/// Hostile files: a FIFO used to block ValidateFile (and the .editorconfig reader) forever in
/// open(2); a symlink to /dev/zero or /dev/urandom used to be read to 4 GB because its size
/// claims 0. Every call here runs under a watchdog so a regression fails instead of hanging.
/// </summary>
public sealed class SafeFileReaderTests : IDisposable
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    private readonly string _dir = Directory.CreateTempSubdirectory("execplan-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public void A_FIFO_plan_gets_one_EXP000_at_once()
    {
        var fifo = MakeFifo("p.md");
        var result = Timed(() => new PlanValidator().ValidateFile(fifo), out var elapsed);
        var diagnostic = Assert.Single(result);
        Assert.Equal("EXP000", diagnostic.Id);
        Assert.Contains("not a regular file", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), "took " + elapsed);
        Assert.Equal(FileReadFailure.NotRegularFile, Timed(() => SafeFileReader.ReadPrefix(fifo, 2048), out _).Failure);
    }

    [SkippableFact]
    public void A_FIFO_named_editorconfig_is_ignored_not_waited_for()
    {
        MakeFifo(".editorconfig");
        var plan = Path.Combine(_dir, "plan.md");
        File.WriteAllText(plan, "# Plan\n");
        var severities = Timed(() => new EditorConfigResolver().ResolveSeverities(plan), out _);
        Assert.Empty(severities);
    }

    [SkippableTheory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_link_to_an_endless_device_is_refused_after_one_byte(string device)
    {
        Skip.IfNot(File.Exists(device), device + " is not available here");
        var link = Path.Combine(_dir, "z.md");
        File.CreateSymbolicLink(link, device);

        var read = Timed(() => SafeFileReader.Read(link, ValidationSettings.DefaultMaxFileSizeBytes), out var elapsed);
        Assert.Equal(FileReadFailure.NotRegularFile, read.Failure);
        Assert.Null(read.Bytes);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), "took " + elapsed);

        var diagnostic = Assert.Single(Timed(() => new PlanValidator().ValidateFile(link), out _));
        Assert.Equal("EXP000", diagnostic.Id);
        Assert.Contains("device", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_are_bounded_by_the_limit()
    {
        var path = Path.Combine(_dir, "big.md");
        File.WriteAllBytes(path, Enumerable.Repeat((byte)'a', 5000).ToArray());

        var read = SafeFileReader.Read(path, 1000);
        Assert.Equal((FileReadFailure.TooLarge, 5000L), (read.Failure, read.Size));

        var head = SafeFileReader.ReadPrefix(path, 100);
        Assert.Equal(100, head.Bytes!.Length);

        Assert.Equal(5000, SafeFileReader.Read(path, 5000).Bytes!.Length);
        Assert.Equal(FileReadFailure.Missing, SafeFileReader.Read(Path.Combine(_dir, "nope.md"), 10).Failure);
        Assert.Equal(FileReadFailure.Directory, SafeFileReader.Read(_dir, 10).Failure);
    }

    [Fact]
    public void A_regular_file_reads_exactly_and_an_empty_one_is_empty()
    {
        var path = Path.Combine(_dir, "plan.md");
        var bytes = Encoding.UTF8.GetBytes("\uFEFF# Plan\r\n");
        File.WriteAllBytes(path, Encoding.UTF8.GetPreamble().Concat(bytes).ToArray());
        Assert.Equal(Encoding.UTF8.GetPreamble().Concat(bytes).ToArray(), SafeFileReader.Read(path, 100).Bytes);

        File.WriteAllBytes(path, []);
        Assert.Empty(SafeFileReader.Read(path, 100).Bytes!);
    }

    private static T Timed<T>(Func<T> action, out TimeSpan elapsed)
    {
        var watch = Stopwatch.StartNew();
        var task = Task.Run(action);
        Assert.True(task.Wait(Watchdog), "the read blocked for " + Watchdog.TotalSeconds + " s");
        elapsed = watch.Elapsed;
        return task.Result;
    }

    private string MakeFifo(string name)
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs are not files on Windows");
        var path = Path.Combine(_dir, name);
        using var process = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!;
        process.WaitForExit();
        Skip.If(process.ExitCode != 0, "mkfifo failed");
        return path;
    }
}
