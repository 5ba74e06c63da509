namespace ExecPlan.Cli.Tests;

using System;
using System.Linq;
using ExecPlan.Validation.Rules;

/// <summary>Offline rule documentation and one configurable base for help links.</summary>
public sealed class ExplainAndHelpLinkTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Explain_prints_the_rules_page_for_every_rule()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var result = _dir.Run("explain", rule.Id.ToLowerInvariant());

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("# " + rule.Id + ":", result.StdOut, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Explain_with_an_unknown_id_is_a_usage_error()
    {
        var result = _dir.Run("explain", "EXP999");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown rule ID 'EXP999'", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StdOut);
    }

    [Fact]
    public void Rules_lists_a_help_link_for_every_rule()
    {
        var result = _dir.Run("rules");

        Assert.Contains("Help", result.OutLines[0], StringComparison.Ordinal);
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Contains(result.OutLines, l => l.StartsWith(rule.Id, StringComparison.Ordinal) && l.EndsWith(rule.HelpUri, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Help_links_follow_the_configured_base_in_every_format()
    {
        _dir.Write("plan.md", Plans.TitleOnly);

        var json = _dir.Run("check", "plan.md", "--format", "json", "--help-uri-base", "https://docs.example.test/execplan/");
        var sarif = _dir.Run("check", "plan.md", "--format", "sarif", "--help-uri-base", "https://docs.example.test/execplan");

        Assert.Contains("\"helpUri\":\"https://docs.example.test/execplan/EXP001.md\"", json.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(RuleCatalog.HelpUriBase, json.StdOut, StringComparison.Ordinal);
        Assert.Contains("https://docs.example.test/execplan/EXP021.md", sarif.StdOut, StringComparison.Ordinal);
    }
}
