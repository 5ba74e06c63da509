namespace ExecPlan.Validation.Tests.Settings;

using System;
using System.Collections.Generic;
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

    /// <summary>The README's rule table (which the package README copies) is generated from the
    /// catalogue; EXECPLAN_UPDATE_GENERATED=1 rewrites it.</summary>
    [Fact]
    public void The_readmes_rule_table_is_generated_from_the_catalogue()
    {
        const string Start = "<!-- rules:start (generated from RuleCatalog by CatalogueDocsTests; EXECPLAN_UPDATE_GENERATED=1 rewrites it) -->\n";
        const string End = "<!-- rules:end -->\n";
        var path = Path.Combine(RepositoryPaths.Root, "README.md");
        var readme = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md lost its rules:start / rules:end markers");
        var expected = readme[..(start + Start.Length)] + RuleTable() + readme[end..];
        if (Environment.GetEnvironmentVariable("EXECPLAN_UPDATE_GENERATED") == "1")
        {
            File.WriteAllText(path, expected);
            readme = expected;
        }

        Assert.Equal(expected, readme);
    }

    internal static string RuleTable() =>
        "| ID | Title | Default |\n|---|---|---|\n" +
        string.Concat(RuleCatalog.All.Select(r => $"| [{r.Id}](docs/rules/{r.Id}.md) | {r.Title} | {r.DefaultSeverity.ToText()} |\n"));

    [Fact]
    public void Example_output_in_the_docs_has_each_rules_message_shape()
    {
        var line = new Regex(@"^\s*\S+\(\d+,\d+,\d+,\d+\): (?:error|warning|info) (?<id>EXP\d{3}): (?<message>.*)$", RegexOptions.None, TimeSpan.FromSeconds(1));
        var pages = Directory.GetFiles(Docs, "EXP*.md").Append(Path.Combine(RepositoryPaths.Root, "README.md"));
        var examples = pages
            .SelectMany(page => File.ReadAllLines(page).Select(l => (page: Path.GetFileName(page), match: line.Match(l))))
            .Where(x => x.match.Success && x.match.Groups["message"].Value != "...")
            .ToList();

        Assert.True(examples.Count >= RuleCatalog.All.Count, "expected an example line on (almost) every rule page, found " + examples.Count);
        var stale = examples
            .Where(x => !RuleCatalog.TryGet(x.match.Groups["id"].Value, out var rule) ||
                !x.match.Groups["message"].Value.StartsWith(rule.FormatMessage(string.Empty), StringComparison.Ordinal))
            .Select(x => x.page + ": " + x.match.Value.Trim())
            .ToList();
        Assert.True(stale.Count == 0, "example messages without the rule's lead (RuleDescriptor.MessageFormat):\n" + string.Join("\n", stale));
    }

    [Fact]
    public void The_rule_index_lists_every_rule_once_with_its_default_severity()
    {
        var rows = File.ReadAllLines(Path.Combine(Docs, "README.md"))
            .Select(l => Regex.Match(l, @"^\| \[(?<id>EXP\d{3})\]\(\k<id>\.md\) \| (?<title>[^|]+) \| (?<severity>\w+) \|", RegexOptions.None, TimeSpan.FromSeconds(1)))
            .Where(m => m.Success)
            .ToList();

        Assert.Equal(RuleCatalog.All.Select(r => r.Id), rows.Select(m => m.Groups["id"].Value));
        Assert.Equal(RuleCatalog.All.Select(r => r.Title), rows.Select(m => m.Groups["title"].Value));
        Assert.Equal(RuleCatalog.All.Select(r => r.DefaultSeverity.ToText()), rows.Select(m => m.Groups["severity"].Value));
    }

    [Fact]
    public void Every_place_that_quotes_the_id_range_quotes_the_catalogues()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        var range = new Regex(@"EXP000`?(?:–|-|…|\.\.)`?(?<last>EXP\d{3})", RegexOptions.None, TimeSpan.FromSeconds(1));
        // Every text file of the repository, not a list that a new file could be missing from.
        var skip = new[] { ".git", "bin", "obj", "node_modules", "BenchmarkDotNet.Artifacts" };
        var extensions = new[] { ".md", ".cs", ".csproj", ".props", ".targets", ".txt", ".json", ".yml", ".yaml", ".sh" };
        var files = Directory.EnumerateFiles(RepositoryPaths.Root, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !Path.GetRelativePath(RepositoryPaths.Root, f).Split(Path.DirectorySeparatorChar).Any(part => skip.Contains(part, StringComparer.Ordinal)))
            .ToList();
        var quoting = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var quoted = range.Matches(text).Select(m => m.Groups["last"].Value).ToList();
            quoting += quoted.Count > 0 ? 1 : 0;
            Assert.All(quoted, last => Assert.True(last == ids[^1], $"{Path.GetRelativePath(RepositoryPaths.Root, file)} quotes EXP000..{last}, the catalogue ends at {ids[^1]}"));
        }

        Assert.True(quoting >= 2, "expected the READMEs at least to quote the ID range, found " + quoting + " files");
    }

    /// <summary>
    /// <c>docs/rules/shipped.txt</c> is the release record: every ID ever shipped, append only.
    /// The catalogue may not hold an ID it does not record, nor a default severity other than the
    /// one its last line records; a recorded ID stays in the catalogue unless its last line says
    /// <c>removed</c>, and a removed ID never comes back.
    /// </summary>
    [Fact]
    public void The_shipped_list_records_every_id_and_its_default_severity()
    {
        var history = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var malformed = new List<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Docs, "shipped.txt")))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length != 3 || !Regex.IsMatch(words[0], @"^EXP\d{3}$", RegexOptions.None, TimeSpan.FromSeconds(1)) ||
                words[1] is not ("error" or "warning" or "suggestion" or "silent" or "removed"))
            {
                malformed.Add(line);
                continue;
            }

            if (!history.TryGetValue(words[0], out var severities))
            {
                history[words[0]] = severities = [];
            }

            severities.Add(words[1]);
        }

        Assert.True(malformed.Count == 0, "malformed lines in docs/rules/shipped.txt (want 'EXPnnn severity release'): " + string.Join(" | ", malformed));
        var problems = new List<string>();
        foreach (var rule in RuleCatalog.All)
        {
            if (!history.TryGetValue(rule.Id, out var severities))
            {
                problems.Add($"{rule.Id} is not recorded: add '{rule.Id}  {rule.DefaultSeverity.ToText()}  <release>'");
            }
            else if (severities.Contains("removed"))
            {
                problems.Add($"{rule.Id} was removed and IDs are never reused: give the rule a new ID");
            }
            else if (severities[^1] != rule.DefaultSeverity.ToText())
            {
                problems.Add($"{rule.Id} defaults to {rule.DefaultSeverity.ToText()} but the record says {severities[^1]}: add a line for the change");
            }
        }

        foreach (var (id, severities) in history)
        {
            if (!RuleCatalog.TryGet(id, out _) && severities[^1] != "removed")
            {
                problems.Add($"{id} was shipped but is no longer in the catalogue: IDs are never removed; record '{id}  removed  <release>'");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
