namespace ExecPlan.Cli.Tests;

using System;
using System.IO;
using System.Linq;
using System.Text;

public sealed class FixCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string BrokenSample => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "broken-plan.md"));

    [Fact]
    public void Fix_repairs_the_broken_sample_and_a_second_run_changes_nothing()
    {
        var path = _dir.Write("plan.md", BrokenSample);

        var first = _dir.Run("fix", "plan.md");
        Assert.Equal(1, first.ExitCode); // EXP011 'WIP' and others need a person.
        Assert.Contains("plan.md: fixed ", first.StdErr, StringComparison.Ordinal);
        Assert.Contains("EXP051 (3 edits)", first.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, first.StdOut);
        var fixedText = File.ReadAllText(path);
        Assert.Contains("## Progress\n\n- [x]", fixedText, StringComparison.Ordinal);
        Assert.Contains("\n    dotnet test tests/Orders.Api.Tests --filter HealthTests\n", fixedText, StringComparison.Ordinal);
        Assert.DoesNotContain("```", fixedText, StringComparison.Ordinal);

        var check = _dir.Run("check", "plan.md");
        Assert.DoesNotContain(check.OutLines, l => l.Contains(" EXP051: ", StringComparison.Ordinal) || l.Contains(" EXP052: ", StringComparison.Ordinal) || l.Contains(" EXP001: ", StringComparison.Ordinal));

        var second = _dir.Run("fix", "plan.md");
        Assert.Contains("0 of 1 file fixed", second.StdErr, StringComparison.Ordinal);
        Assert.Equal(fixedText, File.ReadAllText(path));
    }

    [Fact]
    public void Dry_run_prints_a_unified_diff_and_changes_nothing()
    {
        var path = _dir.Write("plan.md", BrokenSample);

        var result = _dir.Run("fix", "--dry-run", "plan.md");

        Assert.Equal(BrokenSample, File.ReadAllText(path));
        var lines = result.StdOut.Split('\n');
        Assert.Equal("--- a/plan.md", lines[0]);
        Assert.Equal("+++ b/plan.md", lines[1]);
        Assert.Matches(@"^@@ -\d+,\d+ \+\d+,\d+ @@$", lines[2]);
        Assert.Contains("-```", lines);
        Assert.Contains("+    dotnet test tests/Orders.Api.Tests --filter HealthTests", lines);
        Assert.Contains("+## Decision Log", lines);
        Assert.Contains("plan.md: would fix ", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("1 of 1 file would be fixed", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Dry_run_diff_applies_with_patch_semantics()
    {
        _dir.Write("plan.md", BrokenSample);
        var diff = _dir.Run("fix", "--dry-run", "plan.md").StdOut;
        _dir.Run("fix", "plan.md");
        var expected = File.ReadAllLines(Path.Combine(_dir.Path, "plan.md"));

        // Replay the hunks on the original lines: context and '-' lines must match, '+' lines are added.
        var original = BrokenSample.Split('\n').ToList();
        if (original[^1].Length == 0)
        {
            original.RemoveAt(original.Count - 1);
        }

        var result = original.ToList();
        var offset = 0;
        var diffLines = diff.Split('\n');
        for (var i = 2; i < diffLines.Length; i++)
        {
            if (diffLines[i].Length == 0)
            {
                continue; // The text ends with a line break.
            }

            var header = System.Text.RegularExpressions.Regex.Match(diffLines[i], @"^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$");
            Assert.True(header.Success, diffLines[i]);
            var at = int.Parse(header.Groups[1].Value) - 1 + offset;
            var count = int.Parse(header.Groups[2].Value);
            var added = 0;
            var removed = 0;
            var cursor = at;
            for (i++; i < diffLines.Length && diffLines[i].Length > 0 && diffLines[i][0] is ' ' or '-' or '+'; i++)
            {
                var body = diffLines[i].Substring(1);
                switch (diffLines[i][0])
                {
                    case ' ':
                        Assert.Equal(body, result[cursor]);
                        cursor++;
                        break;
                    case '-':
                        Assert.Equal(body, result[cursor]);
                        result.RemoveAt(cursor);
                        removed++;
                        break;
                    default:
                        result.Insert(cursor, body);
                        cursor++;
                        added++;
                        break;
                }
            }

            Assert.True(removed <= count);
            offset += added - removed;
            i--;
        }

        Assert.Equal(expected, result);
    }

    [Fact]
    public void Fix_keeps_CRLF_line_endings_and_the_byte_order_mark()
    {
        var text = "# Plan\r\n\r\nThis ExecPlan is a living document.\r\n\r\n## Progress\r\n- [ ] One.\r\n";
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var path = _dir.WriteBytes("plan.md", bytes);

        var result = _dir.Run("fix", "--profile", "classic", "plan.md");

        var after = File.ReadAllBytes(path);
        Assert.True(after.Length > bytes.Length, result.ToString());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, after.Take(3));
        var decoded = Encoding.UTF8.GetString(after, 3, after.Length - 3);
        Assert.DoesNotContain("\n", decoded.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.StartsWith("# Plan\r\n\r\nThis ExecPlan is a living document.\r\n\r\n## Purpose / Big Picture\r\n\r\n## Progress\r\n\r\n- [ ] One.\r\n", decoded, StringComparison.Ordinal);
        Assert.Equal(after, File.ReadAllBytes(path));
        _dir.Run("fix", "--profile", "classic", "plan.md");
        Assert.Equal(after, File.ReadAllBytes(path));
    }

    [Fact]
    public void Clean_plan_is_left_alone_with_exit_0()
    {
        var path = _dir.Write("docs/plan.md", Plans.Complete);

        var result = _dir.Run("fix", "docs");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 of 1 file fixed; no errors left.", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(Plans.Complete, File.ReadAllText(path));
    }

    [Fact]
    public void Unreadable_input_is_reported_and_not_written()
    {
        var path = _dir.WriteBytes("bad.md", [0x23, 0x20, 0xC3, 0x28, 0x0A]);

        var result = _dir.Run("fix", "bad.md", "missing/*.md");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.md: not fixed: the file is not valid UTF-8.", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("missing/*.md: ", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0x23, 0x20, 0xC3, 0x28, 0x0A }, File.ReadAllBytes(path));
    }

    [Fact]
    public void Severity_none_switches_a_repair_off()
    {
        var path = _dir.Write("plan.md", Plans.Complete.Replace("## Constraints\n\n", "## Constraints\n", StringComparison.Ordinal));

        var off = _dir.Run("fix", "--severity", "EXP052=none", "plan.md");
        Assert.Equal(0, off.ExitCode);
        Assert.Contains("0 of 1 file fixed", off.StdErr, StringComparison.Ordinal);

        var on = _dir.Run("fix", "plan.md");
        Assert.Contains("plan.md: fixed EXP052 (1 edit)", on.StdErr, StringComparison.Ordinal);
        Assert.Equal(Plans.Complete, File.ReadAllText(path));
    }

    [Fact]
    public void A_finding_suppressed_inline_is_not_repaired()
    {
        var text = Plans.Complete.Replace("## Constraints\n\n", "<!-- execplan-disable EXP052 -->\n## Constraints\n", StringComparison.Ordinal);
        var path = _dir.Write("plan.md", text);

        var result = _dir.Run("fix", "plan.md");
        Assert.Contains("0 of 1 file fixed", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("fix|--severity|EXP999=none|plan.md")]
    [InlineData("fix")]
    [InlineData("fix|--bogus|plan.md")]
    [InlineData("fix|--profile")]
    public void Fix_usage_errors_exit_with_2(string commandLine)
    {
        var result = _dir.Run(commandLine.Split('|'));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("execplan fix --help", result.StdErr, StringComparison.Ordinal);
    }
}

/// <summary><c>fix</c> picks files and settings exactly as <c>check</c> does.</summary>
public sealed class FixSettingsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Fix_of_a_directory_touches_plans_only_and_honours_editorconfig_severities()
    {
        const string Readme = "# Demo\n## Usage\nRun it.\n";
        _dir.Write("README.md", Readme);
        _dir.Write("plans/a.md", Plans.Declared);
        _dir.Write(".editorconfig", "root = true\n\n[*.md]\ndotnet_diagnostic.EXP010.severity = none\n");

        var result = _dir.Run("fix", ".");

        Assert.Equal(Readme, System.IO.File.ReadAllText(System.IO.Path.Combine(_dir.Path, "README.md")));
        var plan = System.IO.File.ReadAllText(System.IO.Path.Combine(_dir.Path, "plans", "a.md"));
        Assert.Contains("## Progress", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Status:", plan, StringComparison.Ordinal);
        Assert.Contains("fixed", result.StdErr, StringComparison.Ordinal);
    }
}
