namespace ExecPlan.Build.Tests;

using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using ExecPlan.Validation.Rules;

/// <summary>
/// The packed ExecPlan.Build, opened as NuGet would: what ships beside the build logic (icon,
/// README, release notes, licence, rule pages, presets), and a preset at work in a real build.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class PackageLayoutTests
{
    private readonly PackageFeedFixture _feed;

    public PackageLayoutTests(PackageFeedFixture feed)
    {
        _feed = feed;
    }

    [Fact]
    public void Package_carries_icon_readme_release_notes_rule_pages_and_presets()
    {
        using var zip = ZipFile.OpenRead(Directory.GetFiles(_feed.Feed, "ExecPlan.Build.*.nupkg").Single());
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        foreach (var rule in RuleCatalog.All)
        {
            Assert.Contains("docs/rules/" + rule.Id + ".md", entries);
        }

        Assert.Contains("icon.png", entries);
        Assert.Contains("CHANGELOG.md", entries);
        Assert.Contains("build/config/ExecPlan.strict.globalconfig", entries);
        Assert.Contains("build/config/ExecPlan.minimal.globalconfig", entries);
        Assert.Contains("analyzers/dotnet/ExecPlan.Analyzers.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal));

        using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRootAttribute.Get(), "nuget", "README.md")), readme.ReadToEnd());

        using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        Assert.Equal("icon.png", Value("icon"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("## 0.1.0", Value("releaseNotes"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("strict", 1, ": error EXP021: ")]
    [InlineData("minimal", 1, ": error EXP011: ")]
    [InlineData("default", 1, ": warning EXP021: ")]
    public void ExecPlanAnalysisMode_applies_a_preset_below_the_users_own_configuration(string mode, int exitCode, string expected)
    {
        var result = new Consumer(_feed, "preset-" + mode)
            .Project($"<ExecPlanAnalysisMode>{mode}</ExecPlanAnalysisMode>", """<AdditionalFiles Include="plans/*.md" />""")
            .Write("plans/x.md", "# Fix the importer\n\nThis ExecPlan is a living document.\n\nStatus: WIP\n\n## Progress\n\n- [x] Wrote the failing test.\n")
            .Write(".editorconfig", "root = true\n\n[*.md]\ndotnet_diagnostic.EXP001.severity = none\ndotnet_diagnostic.EXP002.severity = none\n")
            .Build();

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains(result.Diagnostics, d => d.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Contains("EXP001", StringComparison.Ordinal));
        if (mode == "minimal")
        {
            Assert.DoesNotContain(result.Diagnostics, d => d.Contains("EXP021", StringComparison.Ordinal));
        }
    }
}
