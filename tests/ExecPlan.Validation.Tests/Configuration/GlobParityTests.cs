namespace ExecPlan.Validation.Tests.Configuration;

using System.IO;
using System.Linq;
using ExecPlan.Validation.Configuration;
using Microsoft.CodeAnalysis;

/// <summary>
/// Section-name matching compared with Roslyn's, pair by pair: every section below against every path below
/// (relative to the directory of the .editorconfig). Roslyn's answer is whether the section's severity shows up in
/// <c>GetOptionsForSourcePath(path).TreeOptions</c>; no files are written.
/// </summary>
public class GlobParityTests
{
    private static readonly string ConfigDirectory = Path.Combine(Path.GetTempPath(), "execplan-glob-parity");

    private static readonly string[] Paths =
    {
        "a.md", "b.md", "c.md", "A.md", "a.MD", "ab.md", "a.txt", "a.cs", "{a}.md", "a#b.md", "a]b.md", "*.md", "a b.md",
        "docs/a.md", "docs/plans/a.md", "docs/plans/sub/b.md", "plans/a.md", "x/plans/a.md", "x/y/plans/a.md", "x/plans/sub/a.md",
        "plan1.md", "plan2.md", "plan12.md", "plan-1.md", "plan0.md", "p-2.md", "p-3.md", "p02.md", "v7.md", "v10.md",
        "docs/a.txt", ".md", "x.md/y.md", "dir.md/file.txt",
    };

    public static TheoryData<string> Sections => new()
    {
        "*", "*.md", "**", "**.md", "**/*.md", "*/*.md", "**/plans/*.md", "docs/**", "docs/**.md", "docs/plans/**.md", "/docs/*.md",
        "docs/*.md", "docs/*", "{a,b}.md", "{a,{b,c}}.md", "*.{md,txt}", "{*.md,*.txt}", "{docs,plans}/*.md", "{a}.md", "{}.md",
        "{a,}.md", "[ab].md", "[!ab].md", "[a-c].md", "[a-c]b.md", "[\\]a].md", "[!a-z].md", "?.md", "??.md", "plan?.md",
        "plan{1..3}.md", "plan{3..1}.md", "p{-2..2}.md", "p{-3..-2}.md", "v{7..10}.md", "v{a..b}.md", "plan{1..}.md",
        "\\{a\\}.md", "a\\#b.md", "a]b.md", "\\*.md", "*.MD", "a b.md", "a\\ b.md", "**/", "x/**/a.md", "x/**/plans/*.md",
        "{a,b.md", "a}.md", "x,y.md", "[ab.md", "a\\", "*.md/", ".md", "*.md/*.txt", "dir.md/*", "**.txt", "[a-]*.md",
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Section_matches_the_same_paths_as_Roslyn(string section)
    {
        string configPath = Path.Combine(ConfigDirectory, ".editorconfig");
        var set = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse($"[{section}]\ndotnet_diagnostic.EXP001.severity = error\n", configPath) }, out _);
        var glob = SectionGlob.TryCreate(section);

        var mismatches = Paths.Where(relative =>
        {
            string full = ConfigDirectory.Replace('\\', '/') + "/" + relative;
            bool roslyn = set.GetOptionsForSourcePath(full).TreeOptions.ContainsKey("EXP001");
            bool ours = glob is not null && glob.IsMatch("/" + relative);
            return roslyn != ours;
        }).ToList();

        Assert.True(mismatches.Count == 0, $"[{section}] differs from Roslyn for: {string.Join(", ", mismatches)}");
    }

    [Fact]
    public void Some_sections_match_something_and_some_do_not()
    {
        // Guards the table above: a matcher that never (or always) matches must not pass it.
        Assert.True(SectionGlob.TryCreate("*.md")!.IsMatch("/docs/a.md"));
        Assert.False(SectionGlob.TryCreate("*.md")!.IsMatch("/docs/a.txt"));
        Assert.True(SectionGlob.TryCreate("plan{1..3}.md")!.IsMatch("/plan2.md"));
        Assert.False(SectionGlob.TryCreate("plan{1..3}.md")!.IsMatch("/plan4.md"));
        Assert.Null(SectionGlob.TryCreate("{a,b.md"));
    }
}
