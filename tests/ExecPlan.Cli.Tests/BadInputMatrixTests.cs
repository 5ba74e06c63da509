namespace ExecPlan.Cli.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

/// <summary>
/// The bad-input matrix, through the real CLI process: each odd input gets correct diagnostics
/// or exactly one clear EXP000, a good plan checked in the same run is still validated, and the
/// exit code follows the errors.
/// </summary>
public sealed class BadInputMatrixTests : IDisposable
{
    /// <summary>The witness plan checked beside every bad input: seven EXP001 at its title.</summary>
    private const string WitnessPrefix = "witness.md(1,3,1,10): error EXP001: ";

    private static readonly string Broken = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "broken-plan.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    private readonly TempDir _dir = new();

    public BadInputMatrixTests() => _dir.Write("witness.md", Plans.TitleOnly);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Empty_file_gets_ordinary_findings_not_EXP000()
    {
        _dir.WriteBytes("empty.md", []);
        var result = Check("empty.md");
        var own = Own(result, "empty.md");
        Assert.NotEmpty(own);
        Assert.DoesNotContain(own, l => l.Contains(" EXP000: ", StringComparison.Ordinal));
        Assert.All(own, l => Assert.StartsWith("empty.md(1,1,", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bom")]
    [InlineData("crlf")]
    [InlineData("cr")]
    [InlineData("mixed")]
    public void Bom_and_line_endings_give_the_same_findings_at_the_same_positions(string variant)
    {
        _dir.Write("lf.md", Broken);
        var text = variant switch
        {
            "bom" => "\uFEFF" + Broken,
            "crlf" => Broken.Replace("\n", "\r\n", StringComparison.Ordinal),
            "cr" => Broken.Replace("\n", "\r", StringComparison.Ordinal),
            _ => MixLineEnds(Broken),
        };
        _dir.WriteBytes("variant.md", new UTF8Encoding(false).GetBytes(text));

        var result = Check("lf.md", "variant.md");

        var lf = Own(result, "lf.md").Select(l => l.Substring("lf.md".Length)).ToArray();
        var other = Own(result, "variant.md").Select(l => l.Substring("variant.md".Length)).ToArray();
        Assert.NotEmpty(lf);
        Assert.Equal(lf, other);
    }

    [Theory]
    [InlineData("binary", "binary")]
    [InlineData("invalid-utf8", "not valid UTF-8")]
    [InlineData("utf16le", "UTF-16")]
    [InlineData("utf16be", "UTF-16")]
    public void Undecodable_files_give_one_clear_EXP000(string kind, string expected)
    {
        var bytes = kind switch
        {
            "binary" => new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0 },
            "invalid-utf8" => Encoding.UTF8.GetBytes("# Plan\n\nCaf").Concat(new byte[] { 0xE9, 0xFF, (byte)'\n' }).ToArray(),
            "utf16le" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Plans.TitleOnly)).ToArray(),
            _ => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(Plans.TitleOnly)).ToArray(),
        };
        _dir.WriteBytes("odd.md", bytes);

        var result = Check("odd.md");

        var line = Assert.Single(Own(result, "odd.md"));
        Assert.StartsWith("odd.md(1,1,1,1): error EXP000: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void File_of_50_MB_is_refused_with_one_EXP000_naming_the_16_MiB_default_limit()
    {
        var path = Path.Combine(_dir.Path, "huge.md");
        using (var stream = File.Create(path))
        {
            var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("- [x] (2025-10-01 13:00Z) a line of a very long plan\n", 1000)));
            while (stream.Length < 50L * 1024 * 1024)
            {
                stream.Write(chunk);
            }
        }

        var result = Check("huge.md");

        var line = Assert.Single(Own(result, "huge.md"));
        Assert.StartsWith("huge.md(1,1,1,1): error EXP000: ", line, StringComparison.Ordinal);
        Assert.Contains("16777216-byte limit", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("list-inline")]
    [InlineData("list-indented")]
    [InlineData("quote")]
    [InlineData("quote-list")]
    public void Ten_thousand_levels_of_nesting_give_findings_or_one_clear_EXP000(string kind)
    {
        const int Depth = 10_000;
        var text = "# Deep\n\n" + kind switch
        {
            "list-inline" => string.Concat(Enumerable.Repeat("- ", Depth)) + "item\n",
            "list-indented" => string.Concat(Enumerable.Range(0, Depth).Select(i => new string(' ', 2 * Math.Min(i, 300)) + "- item\n")),
            "quote" => new string('>', Depth) + " quoted\n",
            _ => string.Concat(Enumerable.Repeat("> - ", Depth)) + "x\n",
        };
        _dir.Write("deep.md", text);

        var result = Check("deep.md");

        var own = Own(result, "deep.md");
        Assert.NotEmpty(own);
        var exp000 = own.Where(l => l.Contains(" EXP000: ", StringComparison.Ordinal)).ToArray();
        Assert.True(exp000.Length <= 1, string.Join("\n", exp000));
        Assert.DoesNotContain(own, l => l.Contains("could not be parsed", StringComparison.Ordinal) || l.Contains(" failed ", StringComparison.Ordinal));
        if (exp000.Length == 1)
        {
            Assert.Contains("nested too deeply", exp000[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void One_megabyte_single_line_is_validated()
    {
        _dir.Write("wide.md", "# Wide plan\n\n" + new string('w', 1024 * 1024) + "\n");

        var result = Check("wide.md");

        var own = Own(result, "wide.md");
        Assert.NotEmpty(own);
        Assert.DoesNotContain(own, l => l.Contains(" EXP000: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_file_gives_one_EXP000()
    {
        var result = Check("no such plan.md");

        var line = Assert.Single(Own(result, "no such plan.md"));
        Assert.StartsWith("no such plan.md(1,1,1,1): error EXP000: ", line, StringComparison.Ordinal);
        Assert.Contains("does not exist", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_file_gives_one_EXP000_unless_running_as_root()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = _dir.Write("locked.md", Plans.TitleOnly);
        File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            // Root (CI here) ignores permission bits: detect that instead of assuming it.
            var readable = CanRead(path);

            var result = Check("locked.md");

            var own = Own(result, "locked.md");
            if (readable)
            {
                Assert.Equal(7, own.Count(l => l.StartsWith("locked.md(1,3,1,10): error EXP001: ", StringComparison.Ordinal)));
            }
            else
            {
                var line = Assert.Single(own);
                Assert.StartsWith("locked.md(1,1,1,1): error EXP000: ", line, StringComparison.Ordinal);
                Assert.Contains("cannot be read", line, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void Directory_named_like_a_plan_is_searched_and_an_empty_one_gives_one_EXP000()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "folder.md"));

        var result = Check("folder.md");

        var line = Assert.Single(Own(result, "folder.md"));
        Assert.StartsWith("folder.md(1,1,1,1): error EXP000: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_with_spaces_and_non_ascii_characters_are_read_and_printed_verbatim()
    {
        const string Name = "my plans/plan é 計画 ✓.md";
        _dir.Write(Name, Plans.TitleOnly);

        var result = Check(Name);

        Assert.Equal(7, Own(result, Name).Count(l => l.StartsWith(Name + "(1,3,1,10): error EXP001: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void All_bad_inputs_in_one_run_each_get_their_own_answer()
    {
        _dir.WriteBytes("a-empty.md", []);
        _dir.WriteBytes("b-binary.md", [0, 1, 2, 3]);
        _dir.WriteBytes("c-utf16.md", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("# x\n")).ToArray());
        _dir.Write("d-deep.md", new string('>', 10_000) + "\n");
        _dir.Write("e-crlf.md", Plans.TitleOnly.Replace("\n", "\r\n", StringComparison.Ordinal));

        var result = Check("a-empty.md", "b-binary.md", "c-utf16.md", "d-deep.md", "e-crlf.md", "f-missing.md");

        Assert.Single(Own(result, "b-binary.md"));
        Assert.Single(Own(result, "c-utf16.md"));
        Assert.Single(Own(result, "d-deep.md"));
        Assert.Single(Own(result, "f-missing.md"));
        Assert.Equal(7, Own(result, "e-crlf.md").Count(l => l.StartsWith("e-crlf.md(1,3,1,10): error EXP001: ", StringComparison.Ordinal)));
        Assert.Contains("7 files checked", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_code_is_zero_when_the_only_EXP000_is_downgraded()
    {
        _dir.WriteBytes("binary.md", [0, 1, 2, 3]);

        var result = _dir.Run("check", "--severity", "EXP000=warning", "binary.md");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("binary.md(1,1,1,1): warning EXP000: ", Assert.Single(result.OutLines), StringComparison.Ordinal);
    }

    /// <summary>Runs check on the inputs plus the witness plan; asserts the witness was validated and the exit code.</summary>
    private CliResult Check(params string[] inputs)
    {
        var result = _dir.Run(["check", .. inputs, "witness.md"]);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(7, result.OutLines.Count(l => l.StartsWith(WitnessPrefix, StringComparison.Ordinal)));
        Assert.DoesNotContain("internal error", result.StdErr, StringComparison.Ordinal);
        return result;
    }

    private static List<string> Own(CliResult result, string path) =>
        result.OutLines.Where(l => l.StartsWith(path + "(", StringComparison.Ordinal)).ToList();

    private static bool CanRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string MixLineEnds(string text)
    {
        var builder = new StringBuilder();
        var n = 0;
        foreach (var c in text)
        {
            if (c != '\n')
            {
                builder.Append(c);
                continue;
            }

            var end = (n++ % 3) switch { 0 => "\n", 1 => "\r\n", _ => "\r" };

            // A lone \n right after a lone \r would merge into one \r\n break: keep the count.
            builder.Append(end == "\n" && builder.Length > 0 && builder[builder.Length - 1] == '\r' ? "\r\n" : end);
        }

        return builder.ToString();
    }
}
