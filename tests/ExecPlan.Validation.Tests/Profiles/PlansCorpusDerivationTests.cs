namespace ExecPlan.Validation.Tests.Profiles;

using System.IO;
using System.Linq;
using ExecPlan.Validation.Profiles;
using Xunit.Abstractions;

/// <summary>Derivation on the real PLANS.md files beside the repository (read in place, never
/// copied): each file's shape, section count, skeleton line and living sections, as its corpus
/// README describes them.</summary>
public class PlansCorpusDerivationTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("p01.md", SkeletonShape.Indented, 12, 4, 75)]
    [InlineData("p02.md", SkeletonShape.Fenced, 12, 4, 119)]
    [InlineData("p03.md", SkeletonShape.Bare, 11, 0, 62)]
    [InlineData("p04.md", SkeletonShape.Fenced, 4, 0, 14)]
    [InlineData("p05.md", SkeletonShape.Indented, 13, 4, 198)]
    [InlineData("p06.md", SkeletonShape.List, 20, 4, 63)]
    [InlineData("p07.md", SkeletonShape.WholeFile, 9, 0, 1)]
    [InlineData("p09.md", SkeletonShape.Fenced, 5, 0, 31)]
    [InlineData("p10.md", SkeletonShape.Fenced, 11, 0, 113)]
    [InlineData("p11.md", SkeletonShape.Fenced, 12, 4, 77)]
    [InlineData("p12.md", SkeletonShape.Indented, 12, 4, 73)]
    [InlineData("p13.md", SkeletonShape.List, 8, 0, 16)]
    [InlineData("p14.md", SkeletonShape.Fenced, 10, 0, 23)]
    public void Real_PLANS_md_derives_its_skeleton(string file, SkeletonShape shape, int sections, int living, int skeletonLine)
    {
        var path = Path.Combine(TestPaths.PlansCorpus, file);
        Skip.IfNot(File.Exists(path), file + " is not in the PLANS.md corpus");
        var derivation = PlansFileDeriver.Derive(File.ReadAllText(path), ".agent/PLANS.md");
        var profile = Assert.IsType<DerivedProfile>(derivation.Profile);
        output.WriteLine(string.Join(" | ", profile.Sections.Select(s => $"{s.Name}@{s.Line}{(s.Living ? "*" : "")}")));
        Assert.Equal(shape, profile.Shape);
        Assert.Equal(sections, profile.Sections.Count);
        Assert.Equal(living, profile.Sections.Count(s => s.Living));
        Assert.Equal(skeletonLine, profile.SkeletonLine);

        // Missing-section errors: the living sections, or all where PLANS.md declares its sections
        // required (p03, p05, p06, p10) or names no living sections.
        var declared = file is "p03.md" or "p05.md" or "p06.md" or "p10.md";
        Assert.Equal(declared || living == 0 ? sections : living, profile.Sections.Count(s => s.Mandatory));
    }

    [SkippableFact]
    public void A_PLANS_md_without_a_skeleton_derives_nothing_and_says_why()
    {
        var path = Path.Combine(TestPaths.PlansCorpus, "p08.md");
        Skip.IfNot(File.Exists(path), "p08.md is not in the PLANS.md corpus");
        var derivation = PlansFileDeriver.Derive(File.ReadAllText(path), ".agent/PLANS.md");
        Assert.Null(derivation.Profile);
        Assert.Contains("no plan skeleton", derivation.Failure, System.StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Every_corpus_file_derives_without_throwing()
    {
        foreach (var file in Directory.GetFiles(TestPaths.PlansCorpus, "*.md"))
        {
            var derivation = PlansFileDeriver.Derive(File.ReadAllText(file), "PLANS.md");
            Assert.True(derivation.Profile is not null || derivation.Failure is not null, file);
        }
    }
}
