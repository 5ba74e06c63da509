namespace ExecPlan.Validation.Tests.Fixes;

using System.IO;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Reporting;

/// <summary>File names and plan text are printed escaped: no forged line, no raw control character.</summary>
public class DisplayTextTests
{
    [Theory]
    [InlineData("plain text, C:\\plans\\a.md", "plain text, C:\\plans\\a.md")]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("a\r\nb", "a\\r\\nb")]
    [InlineData("tab\there", "tab\\there")]
    [InlineData("\u001B[31mred\u001B[0m", "\\e[31mred\\e[0m")]
    [InlineData("bell\u0007 nul\0", "bell\\u0007 nul\\u0000")]
    [InlineData("del\u007F csi\u009B nel\u0085", "del\\u007F csi\\u009B nel\\u0085")]
    [InlineData("ls\u2028ps\u2029", "ls\\u2028ps\\u2029")]
    [InlineData("rlo\u202Eabc\u202C lri\u2066x\u2069 rlm\u200F", "rlo\\u202Eabc\\u202C lri\\u2066x\\u2069 rlm\\u200F")]
    [InlineData("Ünïcödé ✓ 漢字", "Ünïcödé ✓ 漢字")]
    public void Escape_makes_control_characters_visible_and_keeps_everything_else(string raw, string escaped)
    {
        Assert.Equal(escaped, DisplayText.Escape(raw));
    }

    [Fact]
    public void Escape_returns_the_same_string_when_nothing_needs_escaping()
    {
        var text = "docs/plans/feature.md";
        Assert.Same(text, DisplayText.Escape(text));
        Assert.Equal(string.Empty, DisplayText.Escape(null));
    }

    [Fact]
    public void Compiler_form_is_one_line_whatever_the_file_name_and_message()
    {
        var diagnostic = new PlanDiagnostic("EXP011", RuleSeverity.Error, "x\n::error file=evil.md::forged\u001B[2J.md",
            new SourceSpan(5, 9, 5, 17), "'\u001B[31mWIP\r' is not a Status", "u");

        var line = diagnostic.ToCompilerString();

        Assert.Equal("x\\n::error file=evil.md::forged\\e[2J.md(5,9,5,17): error EXP011: '\\e[31mWIP\\r' is not a Status", line);
        Assert.Equal(line, diagnostic.ToString());
    }

    [Fact]
    public void GitHub_commands_encode_newlines_and_make_other_controls_visible()
    {
        Assert.Equal("a%0Ab%0Dc%25 \\e[2J \\u009B \\u2028", GitHubAnnotationWriter.EscapeData("a\nb\rc% \u001B[2J \u009B \u2028"));
        Assert.Equal("x%0A%3A%3Aerror file=e.md%3A%3Af\\e[2J%2C.md", GitHubAnnotationWriter.EscapeProperty("x\n::error file=e.md::f\u001B[2J,.md"));

        using var writer = new StringWriter();
        GitHubAnnotationWriter.Write(writer,
        [
            new PlanDiagnostic("EXP011", RuleSeverity.Error, "x\n::error file=evil.md::forged\u001B.md", new SourceSpan(5, 9, 5, 17), "'\u001B[31mWIP\r' is not a Status", "u"),
        ]);
        Assert.Equal(
            "::error file=x%0A%3A%3Aerror file=evil.md%3A%3Aforged\\e.md,line=5,col=9,endLine=5,endColumn=17,title=EXP011::'\\e[31mWIP%0D' is not a Status\n",
            writer.ToString());
    }
}
