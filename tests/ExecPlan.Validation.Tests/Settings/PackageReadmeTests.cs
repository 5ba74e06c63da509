namespace ExecPlan.Validation.Tests.Settings;

using System;
using System.IO;
using System.Linq;
using System.Text;
using ExecPlan.Validation.Rules;

/// <summary>
/// The package's README (the page users see on the gallery, <c>nuget/README.md</c>) is generated
/// from the repository README's marked region and the catalogue, so it cannot drift. Set
/// EXECPLAN_UPDATE_GENERATED=1 to rewrite it after editing README.md.
/// </summary>
public sealed class PackageReadmeTests
{
    private const string Repository = "https://github.com/execplan-build/ExecPlan.Build/blob/main/";

    [Fact]
    public void Package_readme_is_generated_from_the_readme()
    {
        var path = Path.Combine(RepositoryPaths.Root, "nuget", "README.md");
        var expected = Generate(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal));
        if (Environment.GetEnvironmentVariable("EXECPLAN_UPDATE_GENERATED") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void The_readmes_name_the_catalogues_id_range()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        var range = $"`{ids[0]}`–`{ids[^1]}`";
        Assert.Contains(range, File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")), StringComparison.Ordinal);
        Assert.Contains(range, File.ReadAllText(Path.Combine(RepositoryPaths.Root, "nuget", "README.md")), StringComparison.Ordinal);
    }

    /// <summary>Title, the README's opening paragraph, its package region, and the rule index, with
    /// repository-relative links made absolute (the gallery has no repository beside it).</summary>
    internal static string Generate(string readme)
    {
        const string Start = "<!-- package-readme:start -->\n";
        const string End = "<!-- package-readme:end -->\n";
        var firstSection = readme.IndexOf("\n## ", StringComparison.Ordinal);
        var intro = readme[(readme.IndexOf('\n', StringComparison.Ordinal) + 1)..firstSection].Trim();
        var start = readme.IndexOf(Start, StringComparison.Ordinal) + Start.Length;
        var region = readme[start..readme.IndexOf(End, StringComparison.Ordinal)].Trim();
        var text = new StringBuilder()
            .Append("# ExecPlan.Build\n\n")
            .Append("<!-- Generated from README.md by PackageReadmeTests; edit README.md instead. -->\n\n")
            .Append(intro).Append("\n\n")
            .Append(region).Append("\n\n")
            .Append("## Rules\n\n")
            .Append("Every rule, what it flags, why, and how to suppress it: [docs/rules](docs/rules/README.md). ")
            .Append("The same pages are inside this package, under `docs/rules/`.\n\n")
            .Append(CatalogueDocsTests.RuleTable())
            .ToString();
        return text.Replace("](docs/", "](" + Repository + "docs/", StringComparison.Ordinal)
            .Replace("](samples/", "](" + Repository + "samples/", StringComparison.Ordinal);
    }
}
