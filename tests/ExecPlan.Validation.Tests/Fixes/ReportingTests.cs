namespace ExecPlan.Validation.Tests.Fixes;

using System.IO;
using System.Text.Json;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Reporting;

public class ReportingTests
{
    [Fact]
    public void GitHub_commands_escape_data_and_properties()
    {
        Assert.Equal("100%25 done%0D%0Anext: a, b", GitHubAnnotationWriter.EscapeData("100% done\r\nnext: a, b"));
        Assert.Equal("C%3A/plans/a%2Cb.md", GitHubAnnotationWriter.EscapeProperty("C:/plans/a,b.md"));

        using var writer = new StringWriter();
        GitHubAnnotationWriter.Write(writer,
        [
            new PlanDiagnostic("EXP021", RuleSeverity.Warning, "docs\\a,b.md", new SourceSpan(3, 1, 3, 6), "Add a time: 50%\nnow", "u"),
            new PlanDiagnostic("EXP006", RuleSeverity.Suggestion, "p.md", new SourceSpan(1, 2, 1, 3), "Move it.", "u"),
            new PlanDiagnostic("EXP007", RuleSeverity.Silent, "p.md", new SourceSpan(1, 2, 1, 3), "Hidden.", "u"),
        ]);
        Assert.Equal(
            "::warning file=docs" + (Path.DirectorySeparatorChar == '\\' ? "/" : "\\") + "a%2Cb.md,line=3,col=1,endLine=3,endColumn=6,title=EXP021::Add a time: 50%25%0Anow\n" +
            "::notice file=p.md,line=1,col=2,endLine=1,endColumn=3,title=EXP006::Move it.\n",
            writer.ToString());
    }

    [Fact]
    public void Sarif_strings_are_valid_json_whatever_the_message()
    {
        using var writer = new StringWriter();
        var nasty = "quote \" backslash \\ tab \t nl \n ctrl \u0001 ls \u2028 emoji \U0001F600 lone \uD800 end";
        SarifWriter.Write(writer, [new PlanDiagnostic("EXP040", RuleSeverity.Error, "p.md", new SourceSpan(1, 1, 1, 2), nasty, "u")],
            new SarifOptions { BaseDirectory = Path.GetTempPath() });
        using var json = JsonDocument.Parse(writer.ToString());
        var message = json.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("message").GetProperty("text").GetString();
        Assert.Equal(nasty.Replace("\uD800", "\uFFFD", System.StringComparison.Ordinal), message);
    }

    [Fact]
    public void Sarif_uri_is_relative_below_the_repository_root_else_absolute()
    {
        var root = Path.Combine(Path.GetTempPath(), "repo root");
        Assert.Equal(("docs/plans/a%20b.md", "%SRCROOT%"), SarifWriter.ArtifactUri("docs/plans/a b.md", root, root));
        var (uri, baseId) = SarifWriter.ArtifactUri(Path.Combine(Path.GetTempPath(), "elsewhere.md"), root, root);
        Assert.StartsWith("file:///", uri, System.StringComparison.Ordinal);
        Assert.Null(baseId);
    }
}
