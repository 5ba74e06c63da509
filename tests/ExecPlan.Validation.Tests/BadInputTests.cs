namespace ExecPlan.Validation.Tests;

using System;
using System.IO;
using System.Linq;
using System.Text;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Settings;

/// <summary>Bad input gets one clear EXP000 or ordinary findings, never an exception.</summary>
public class BadInputTests
{
    private static readonly PlanValidator Validator = new();

    [Fact]
    public void Binary_content_gives_EXP000()
    {
        var result = Validator.ValidateBytes([0x23, 0x20, 0x41, 0x00, 0x01, 0x02], "bin.md");
        Assert.Equal("EXP000", Assert.Single(result).Id);
        Assert.Contains("binary", result[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_gives_EXP000_naming_the_byte()
    {
        var result = Validator.ValidateBytes([0x23, 0x20, 0xC3, 0x28, 0x0A], "bad.md");
        var diagnostic = Assert.Single(result);
        Assert.Equal(("EXP000", RuleSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("not valid UTF-8", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_gives_EXP000()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("# Title\n")).ToArray();
        Assert.Contains("UTF-16", Assert.Single(Validator.ValidateBytes(bytes, "u16.md")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_content_is_refused_before_decoding()
    {
        var validator = new PlanValidator(new ValidationSettings { MaxFileSizeBytes = 10 });
        var diagnostic = Assert.Single(validator.ValidateBytes(Encoding.UTF8.GetBytes("# A plan that is too long\n"), "big.md"));
        Assert.Equal("EXP000", diagnostic.Id);
        Assert.Contains("limit", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_and_directory_give_EXP000()
    {
        var dir = Directory.CreateTempSubdirectory("execplan-");
        try
        {
            Assert.Contains("does not exist", Assert.Single(Validator.ValidateFile(Path.Combine(dir.FullName, "nope.md"))).Message, StringComparison.Ordinal);
            Assert.Contains("directory", Assert.Single(Validator.ValidateFile(dir.FullName)).Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Utf8_bom_file_is_read_and_positions_ignore_the_mark()
    {
        var dir = Directory.CreateTempSubdirectory("execplan-");
        try
        {
            var path = Path.Combine(dir.FullName, "bom plan é.md");
            File.WriteAllText(path, "# Title\n\nStatus: WIP\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            var status = Validator.ValidateFile(path).Single(d => d.Id == "EXP011");
            Assert.Equal(new SourceSpan(3, 9, 3, 12), status.Span);
            Assert.Equal(path, status.FilePath);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("```")]
    [InlineData("```md\n```")]
    [InlineData("# \n")]
    [InlineData("#")]
    [InlineData("Status:")]
    [InlineData("- [x]")]
    [InlineData("## Progress\n- [x]\n- [ ]")]
    [InlineData("## Risks\n    - Risk:\n    Severity:")]
    [InlineData("\r\r\r# Title\r## Progress\r- [x] (2025-99-99 99:99Z) x\r")]
    [InlineData("<<<<>>>><N><")]
    [InlineData("\uFEFF")]
    [InlineData("---\nstatus: draft\n---\n# Title\n")]
    public void Odd_text_never_throws_and_spans_stay_inside_the_file(string text)
    {
        var result = Validator.Validate(text, "odd.md");
        var lineCount = text.Split('\n').Length + text.Count(c => c == '\r');
        Assert.All(result, d =>
        {
            Assert.NotEqual("EXP000", d.Id);
            Assert.InRange(d.Span.StartLine, 1, lineCount);
            Assert.InRange(d.Span.EndLine, d.Span.StartLine, lineCount);
            Assert.True(d.Span.StartColumn >= 1 && d.Span.EndColumn >= 1);
        });
    }

    [Fact]
    public void Deep_nesting_and_huge_lines_are_handled()
    {
        var deepList = string.Concat(Enumerable.Range(0, 2000).Select(i => new string(' ', i * 2) + "- item\n"));
        var deepQuote = new string('>', 5000) + " text\n";
        var hugeLine = "# Title\n\n" + new string('a', 1_000_000) + "\n";
        foreach (var text in new[] { deepList, deepQuote, hugeLine })
        {
            var result = Validator.Validate(text, "deep.md");
            Assert.DoesNotContain(result, d => d.Message.Contains("failed", StringComparison.Ordinal) || d.Message.Contains("could not be parsed", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Output_is_sorted_and_deterministic()
    {
        var text = TestPaths.ReadFixture("valid/skill-in-progress.md").Replace("Status: IN PROGRESS", "Status: nope", StringComparison.Ordinal)
            .Replace("(2025-10-01 15:30Z)", "", StringComparison.Ordinal).Replace("## Risks", "## Risks\n", StringComparison.Ordinal);
        var first = Validator.Validate(text, "p.md");
        var second = Validator.Validate(text, "p.md");
        Assert.Equal(first, second);
        Assert.Equal(first.OrderBy(d => d.Span).ThenBy(d => d.Id, StringComparer.Ordinal), first);
    }
}

/// <summary>The per-paragraph markup guard: refuses what Markdig parses quadratically, and only that.</summary>
public sealed class ParagraphMarkupGuardTests
{
    [Fact]
    public void Markup_spread_over_the_lines_of_one_paragraph_is_refused_at_the_paragraph()
    {
        var text = "# T\n\nThis ExecPlan is a living document.\n\n" + string.Concat(Enumerable.Repeat("[ (]( [ (]( [ (]( [ (](\n", 3_000));

        var exp000 = Assert.Single(Validate.Text(text), d => d.Id == "EXP000");

        Assert.Equal(5, exp000.Span.StartLine);
        Assert.Contains("paragraph starting on line 5", exp000.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tens_of_thousands_of_link_reference_definitions_are_refused_once()
    {
        var text = "# T\n\n" + string.Concat(Enumerable.Range(0, 12_000).Select(i => "[r" + i + "]: http://x/" + i + "\n\n"));

        var exp000 = Assert.Single(Validate.Text(text), d => d.Id == "EXP000");

        Assert.Contains("link reference definitions", exp000.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Validate.Text("# T\n\n[a]: http://x/a\n\n[b]: http://x/b\n"), d => d.Id == "EXP000");
    }

    [Fact]
    public void The_same_markup_split_into_paragraphs_or_inside_fenced_code_is_parsed()
    {
        var paragraphs = "# T\n\n" + string.Concat(Enumerable.Repeat("[ (]( [ (]( [ (]( [ (](\n\n", 3_000));
        var fenced = "# T\n\n```\n" + string.Concat(Enumerable.Repeat("snake_case_name = other_name[index]\n", 3_000)) + "```\n";

        Assert.DoesNotContain(Validate.Text(paragraphs), d => d.Id == "EXP000");
        Assert.DoesNotContain(Validate.Text(fenced), d => d.Id == "EXP000");
    }
}
