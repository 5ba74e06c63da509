namespace ExecPlan.Validation.Tests.Settings;

using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Rules;

/// <summary>
/// The rule catalogue is the one source: every rule page, the rule index and every place that
/// quotes the ID range must agree with it, so adding a rule cannot leave a stale copy behind.
/// </summary>
public sealed class CatalogueDocsTests
{
    private static string Docs => Path.Combine(RepositoryPaths.Root, "docs", "rules");

    [Fact]
    public void Every_rule_page_has_the_catalogues_title_and_default_severity()
    {
        var problems = RuleCatalog.All
            .Select(rule => (rule, page: Path.Combine(Docs, rule.Id + ".md")))
            .Select(x => (x.rule, lines: File.Exists(x.page) ? File.ReadAllLines(x.page) : []))
            .Where(x => x.lines.Length < 5 || x.lines[0] != "# " + x.rule.Id + ": " + x.rule.Title ||
                !x.lines[4].StartsWith("| " + x.rule.DefaultSeverity.ToText() + " |", StringComparison.Ordinal))
            .Select(x => x.rule.Id)
            .ToList();

        Assert.True(problems.Count == 0, "pages out of step with the catalogue: " + string.Join(", ", problems));
    }

    [Fact]
    public void The_rule_index_lists_every_rule_once_with_its_default_severity()
    {
        var rows = File.ReadAllLines(Path.Combine(Docs, "README.md"))
            .Select(l => Regex.Match(l, @"^\| \[(?<id>EXP\d{3})\]\(\k<id>\.md\) \| [^|]+ \| (?<severity>\w+) \|", RegexOptions.None, TimeSpan.FromSeconds(1)))
            .Where(m => m.Success)
            .ToList();

        Assert.Equal(RuleCatalog.All.Select(r => r.Id), rows.Select(m => m.Groups["id"].Value));
        Assert.Equal(RuleCatalog.All.Select(r => r.DefaultSeverity.ToText()), rows.Select(m => m.Groups["severity"].Value));
    }

    [Fact]
    public void Every_place_that_quotes_the_id_range_quotes_the_catalogues()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        var range = new Regex(@"EXP000`?(?:–|-|…|\.\.)`?(?<last>EXP\d{3})", RegexOptions.None, TimeSpan.FromSeconds(1));
        var files = new[] { "README.md", "CHANGELOG.md", "nuget/README.md", "nuget/ExecPlan.Build.Package.csproj", "src/ExecPlan.Cli/ExecPlan.Cli.csproj", "src/ExecPlan.Cli/HelpText.cs", "src/ExecPlan.Cli/PACKAGE.md" };
        foreach (var file in files)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, file));
            var quoted = range.Matches(text).Select(m => m.Groups["last"].Value).ToList();
            Assert.True(quoted.Count > 0, file + " no longer quotes the ID range; drop it from this list");
            Assert.All(quoted, last => Assert.True(last == ids[^1], $"{file} quotes EXP000..{last}, the catalogue ends at {ids[^1]}"));
        }
    }
}
