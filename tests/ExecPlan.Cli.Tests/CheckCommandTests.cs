namespace ExecPlan.Cli.Tests;

using System;
using System.IO;
using System.Linq;
using System.Text.Json;

public sealed class CheckCommandTests : IDisposable
{
    private const string TitleSpanExp001 = "plan.md(1,3,1,10): error EXP001: ";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Missing_sections_are_reported_at_the_title_in_compiler_form()
    {
        _dir.Write("plan.md", Plans.TitleOnly);

        var result = _dir.Run("check", "plan.md");

        Assert.Equal(1, result.ExitCode);
        var exp001 = result.OutLines.Where(l => l.Contains(" EXP001: ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(7, exp001.Length);
        Assert.All(exp001, line => Assert.StartsWith(TitleSpanExp001, line, StringComparison.Ordinal));
        Assert.Contains(exp001, l => l.Contains("Decision Log", StringComparison.Ordinal));
        Assert.Contains("1 file checked: ", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("EXP001", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Classic_profile_requires_fewer_living_sections()
    {
        _dir.Write("plan.md", Plans.TitleOnly);

        var skill = _dir.Run("check", "plan.md");
        var classic = _dir.Run("check", "--profile", "classic", "plan.md");
        var classicInline = _dir.Run("check", "--profile=CLASSIC", "plan.md");

        static int Count(CliResult r) => r.OutLines.Count(l => l.StartsWith(TitleSpanExp001, StringComparison.Ordinal));
        Assert.Equal(7, Count(skill));
        Assert.Equal(4, Count(classic));
        Assert.Equal(4, Count(classicInline));
        Assert.DoesNotContain(classic.OutLines, l => l.StartsWith(TitleSpanExp001, StringComparison.Ordinal) && l.Contains("Tolerances", StringComparison.Ordinal));
    }

    [Fact]
    public void Complete_plan_has_no_structure_errors_and_exit_code_follows_errors()
    {
        _dir.Write("plan.md", Plans.Complete);

        var result = _dir.Run("check", "--format", "json", "plan.md");

        using var json = JsonDocument.Parse(result.StdOut);
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToArray();
        var ids = diagnostics.Select(d => d.GetProperty("id").GetString()).ToArray();
        Assert.DoesNotContain("EXP000", ids);
        Assert.DoesNotContain("EXP001", ids);
        Assert.DoesNotContain("EXP004", ids);
        var anyError = diagnostics.Any(d => d.GetProperty("severity").GetString() == "error");
        Assert.Equal(anyError ? 1 : 0, result.ExitCode);
    }

    [Fact]
    public void Complete_plan_exits_zero_when_every_other_rule_is_silenced()
    {
        _dir.Write("plan.md", Plans.Complete);
        var result = _dir.Run(["check", "plan.md", .. Rules.SilenceAllBut("EXP000", "EXP001", "EXP004")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.StdOut);
        Assert.Equal("1 file checked: 0 errors, 0 warnings\n", result.StdErr);
    }

    [Fact]
    public void Json_output_has_the_documented_shape()
    {
        _dir.Write("plan.md", Plans.TitleOnly);

        var result = _dir.Run("check", "--format", "json", "plan.md");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("{\"diagnostics\":[{\"id\":", result.StdOut, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        Assert.Equal(["diagnostics"], root.EnumerateObject().Select(p => p.Name).ToArray());
        var first = root.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("id").GetString() == "EXP001");
        Assert.Equal(
            ["id", "severity", "file", "line", "column", "endLine", "endColumn", "message", "helpUri"],
            first.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("plan.md", first.GetProperty("file").GetString());
        Assert.Equal(1, first.GetProperty("line").GetInt32());
        Assert.Equal(3, first.GetProperty("column").GetInt32());
        Assert.Equal(1, first.GetProperty("endLine").GetInt32());
        Assert.Equal(10, first.GetProperty("endColumn").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("message").GetString()));
        Assert.EndsWith("EXP001.md", first.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_for_a_clean_run_is_an_empty_list()
    {
        _dir.Write("plan.md", Plans.TitleOnly);

        var result = _dir.Run(["check", "--format", "json", "plan.md", .. Rules.SilenceAllBut("EXP000")]);

        Assert.Equal("{\"diagnostics\":[]}\n", result.StdOut);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Directory_input_checks_every_plan_below_it_and_skips_build_folders()
    {
        _dir.Write("docs/a.md", Plans.Declared);
        _dir.Write("docs/sub/deeper/b.md", Plans.Declared);
        _dir.Write("docs/notes.txt", Plans.Declared);
        _dir.Write("docs/notes.md", Plans.TitleOnly);
        _dir.Write("docs/README.md", Plans.Declared);
        foreach (var skipped in new[] { "bin", "obj", "node_modules", ".git" })
        {
            _dir.Write($"docs/{skipped}/c.md", Plans.Declared);
        }

        var result = _dir.Run("check", "docs");

        Assert.Equal(1, result.ExitCode);
        var files = FilesIn(result);
        Assert.Equal([P("docs/a.md"), P("docs/sub/deeper/b.md")], files);
        Assert.StartsWith("2 files checked: ", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Glob_input_supports_double_star_star_and_question_mark()
    {
        _dir.Write("docs/a.md", Plans.TitleOnly);
        _dir.Write("docs/x/y/b.md", Plans.TitleOnly);
        _dir.Write("docs/c.txt", Plans.TitleOnly);
        _dir.Write("other/d.md", Plans.TitleOnly);
        _dir.Write("plans/p1.md", Plans.TitleOnly);
        _dir.Write("plans/p22.md", Plans.TitleOnly);
        _dir.Write("plans/sub/q.md", Plans.TitleOnly);

        Assert.Equal([P("docs/a.md"), P("docs/x/y/b.md")], FilesIn(_dir.Run("check", "docs/**/*.md")));
        Assert.Equal([P("plans/p1.md"), P("plans/p22.md")], FilesIn(_dir.Run("check", "plans/*.md")));
        Assert.Equal([P("plans/p1.md")], FilesIn(_dir.Run("check", "plans/p?.md")));
        Assert.Equal(
            [P("docs/a.md"), P("docs/x/y/b.md"), P("other/d.md"), P("plans/p1.md"), P("plans/p22.md"), P("plans/sub/q.md")],
            FilesIn(_dir.Run("check", "**/*.md")));
    }

    [Fact]
    public void Missing_file_gives_EXP000_and_the_other_files_are_still_checked()
    {
        _dir.Write("plan.md", Plans.TitleOnly);

        var result = _dir.Run("check", "missing.md", "plan.md", "nothing/**/*.md");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.StartsWith("missing.md(1,1,1,1): error EXP000: ", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("nothing/**/*.md(1,1,1,1): error EXP000: ", StringComparison.Ordinal));
        Assert.Equal(7, result.OutLines.Count(l => l.StartsWith(TitleSpanExp001, StringComparison.Ordinal)));
    }

    [Fact]
    public void Non_utf8_and_binary_files_give_EXP000()
    {
        _dir.WriteBytes("latin1.md", [(byte)'#', (byte)' ', (byte)'C', 0xE9, (byte)'\n']);
        _dir.WriteBytes("binary.md", [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 0x0D]);

        var result = _dir.Run("check", "latin1.md", "binary.md");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            ["binary.md(1,1,1,1): error EXP000: ", "latin1.md(1,1,1,1): error EXP000: "],
            result.OutLines.Select(l => l.Substring(0, l.IndexOf("EXP000: ", StringComparison.Ordinal) + 8)).ToArray());
    }

    [Fact]
    public void Oversized_file_gives_EXP000()
    {
        _dir.Write("plan.md", Plans.Complete);

        var result = _dir.Run("check", "--max-file-size", "100", "plan.md");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("plan.md(1,1,1,1): error EXP000: ", result.OutLines.Single()[..32]);
    }

    [Fact]
    public void Files_are_deduplicated_and_printed_in_ordinal_order()
    {
        foreach (var name in new[] { "z.md", "a.md", "m.md", "B.md" })
        {
            _dir.Write("plans/" + name, Plans.TitleOnly);
        }

        var result = _dir.Run("check", "plans/z.md", "plans/a.md", "plans", "plans/*.md", Path.Combine(_dir.Path, "plans", "m.md"));

        Assert.Equal([P("plans/B.md"), P("plans/a.md"), P("plans/m.md"), P("plans/z.md")], FilesIn(result));
        Assert.StartsWith("4 files checked: ", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(28, result.OutLines.Count(l => l.Contains("): error EXP001: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Absolute_path_under_the_current_directory_is_printed_relative()
    {
        var full = _dir.Write("plan.md", Plans.TitleOnly);

        var result = _dir.Run("check", full);

        Assert.StartsWith(TitleSpanExp001, result.OutLines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("warning", "warning EXP001: ", 0)]
    [InlineData("suggestion", "info EXP001: ", 0)]
    [InlineData("error", "error EXP001: ", 1)]
    public void Severity_override_changes_the_printed_severity_and_exit_code(string level, string expected, int exitCode)
    {
        _dir.Write("plan.md", Plans.TitleOnly);

        var result = _dir.Run(["check", "plan.md", "--severity", "EXP001=" + level, .. Rules.SilenceAllBut("EXP000", "EXP001", "EXP004")]);

        Assert.Equal(7, result.OutLines.Count(l => l.StartsWith("plan.md(1,3,1,10): " + expected, StringComparison.Ordinal)));
        Assert.Equal(exitCode, result.ExitCode);
    }

    [Fact]
    public void Severity_none_and_silent_hide_the_diagnostic_from_text_output()
    {
        _dir.Write("plan.md", Plans.TitleOnly);

        var none = _dir.Run("check", "plan.md", "-s", "EXP001=none");
        var silent = _dir.Run("check", "plan.md", "--severity=EXP001=silent", "--format", "json");

        Assert.DoesNotContain(none.OutLines, l => l.Contains("EXP001", StringComparison.Ordinal));
        Assert.Contains("\"severity\":\"silent\"", silent.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_without_plans_gives_EXP000_unless_EXP000_is_turned_off()
    {
        _dir.Write("empty/readme.txt", "not a plan");

        var reported = _dir.Run("check", "empty");
        var silenced = _dir.Run("check", "empty", "--severity", "EXP000=none");

        Assert.Equal(1, reported.ExitCode);
        Assert.StartsWith("empty(1,1,1,1): error EXP000: ", reported.OutLines.Single(), StringComparison.Ordinal);
        Assert.Equal(0, silenced.ExitCode);
        Assert.Equal(string.Empty, silenced.StdOut);
        Assert.Equal("0 files checked: 0 errors, 0 warnings\n", silenced.StdErr);
    }

    [Fact]
    public void Json_output_keeps_stdout_parseable_and_summary_on_stderr()
    {
        _dir.Write("a.md", Plans.TitleOnly);
        _dir.Write("b.md", Plans.TitleOnly);

        var result = _dir.Run("check", "-f", "json", "b.md", "a.md");

        using var json = JsonDocument.Parse(result.StdOut);
        var files = json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("file").GetString()!).Distinct().ToArray();
        Assert.Equal(["a.md", "b.md"], files);
        Assert.StartsWith("2 files checked: ", result.StdErr, StringComparison.Ordinal);
    }

    private static string P(string path) => path.Replace('/', Path.DirectorySeparatorChar);

    private static string[] FilesIn(CliResult result) => result.OutLines
        .Select(l => l.Substring(0, l.IndexOf('(', StringComparison.Ordinal)))
        .Distinct()
        .ToArray();
}
