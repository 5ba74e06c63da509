namespace ExecPlan.Validation.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Settings;

/// <summary>
/// Real plans from public repositories (read from ../shared/corpus/real, never copied here).
/// Each file's findings are pinned per profile as "ID×count" so a heuristic change that adds a
/// false alarm on real text shows up as a reviewed diff in this table.
/// </summary>
public class CorpusTests
{
    /// <summary>Plans that follow the classic four-living-section form.</summary>
    private static readonly string[] ClassicForm =
    [
        "001.md", "002.md", "005.md", "006.md", "008.md", "g001.md", "g004.md", "g005.md", "g006.md",
        "g008.md", "g011.md", "g018.md", "g020.md", "g021.md", "g024.md",
    ];

    public static TheoryData<string, PlanProfile, string> Expectations() => new()
    {
        // file, profile, expected findings
        { "001.md", PlanProfile.Skill, "EXP001x3 EXP010 EXP032x4 EXP040x2" },
        { "001.md", PlanProfile.Classic, "EXP040x2" },
        { "002.md", PlanProfile.Skill, "EXP001x3 EXP002 EXP010 EXP032x4" },
        { "002.md", PlanProfile.Classic, "EXP002 EXP032" },
        { "004.md", PlanProfile.Skill, "EXP001x6 EXP002x7 EXP007 EXP010" },
        { "004.md", PlanProfile.Classic, "EXP001x4 EXP002x7 EXP007" },
        { "005.md", PlanProfile.Skill, "EXP001x3 EXP002 EXP010 EXP032 EXP043" },
        { "005.md", PlanProfile.Classic, "EXP002 EXP043" },
        { "006.md", PlanProfile.Skill, "" },
        { "006.md", PlanProfile.Classic, "" },
        { "008.md", PlanProfile.Skill, "EXP001x3 EXP002x4 EXP010 EXP032x5" },
        { "008.md", PlanProfile.Classic, "EXP002x4" },
        { "g001.md", PlanProfile.Skill, "EXP001x3 EXP010 EXP032x15" },
        { "g001.md", PlanProfile.Classic, "" },
        { "g004.md", PlanProfile.Skill, "EXP001x3 EXP002 EXP007 EXP010 EXP032x8 EXP043" },
        { "g004.md", PlanProfile.Classic, "EXP002 EXP007 EXP032x5 EXP043" },
        { "g005.md", PlanProfile.Skill, "EXP001x3 EXP002x7 EXP007 EXP010 EXP032x2" },
        { "g005.md", PlanProfile.Classic, "EXP002x7 EXP007 EXP032x2" },
        { "g006.md", PlanProfile.Skill, "EXP001x3 EXP002x7 EXP010 EXP032" },
        { "g006.md", PlanProfile.Classic, "EXP002x7" },
        { "g008.md", PlanProfile.Skill, "EXP001x3 EXP002x6 EXP006 EXP010 EXP032x2" },
        { "g008.md", PlanProfile.Classic, "EXP002x6 EXP006" },
        { "g010.md", PlanProfile.Skill, "EXP001x6 EXP002x7 EXP007 EXP010 EXP051x4" },
        { "g010.md", PlanProfile.Classic, "EXP001x4 EXP002x7 EXP007 EXP051x4" },
        { "g011.md", PlanProfile.Skill, "EXP051x4" },
        { "g011.md", PlanProfile.Classic, "EXP051x4" },
        { "g012.md", PlanProfile.Skill, "EXP001x7 EXP002x8 EXP007 EXP010 EXP051x2" },
        { "g012.md", PlanProfile.Classic, "EXP001x4 EXP002x8 EXP007 EXP051x2" },
        { "g013.md", PlanProfile.Skill, "EXP001x5 EXP002x7 EXP007 EXP020 EXP051x5" },
        { "g013.md", PlanProfile.Classic, "EXP001x3 EXP002x7 EXP007 EXP020 EXP051x5" },
        { "g014.md", PlanProfile.Skill, "EXP001x7 EXP002x5 EXP007 EXP010 EXP043" },
        { "g014.md", PlanProfile.Classic, "EXP001x4 EXP002x5 EXP007 EXP043" },
        { "g016.md", PlanProfile.Skill, "EXP001x6 EXP002x7 EXP007 EXP010 EXP020 EXP052x8" },
        { "g016.md", PlanProfile.Classic, "EXP001x3 EXP002x7 EXP007 EXP020 EXP052x8" },
        { "g018.md", PlanProfile.Skill, "EXP001x3 EXP002x2 EXP011 EXP032x12 EXP043" },
        { "g018.md", PlanProfile.Classic, "EXP002x2 EXP011 EXP043" },
        { "g020.md", PlanProfile.Skill, "EXP001x3 EXP010 EXP032 EXP040x5" },
        { "g020.md", PlanProfile.Classic, "EXP040x5" },
        { "g021.md", PlanProfile.Skill, "EXP001x3 EXP006 EXP010 EXP032x5" },
        { "g021.md", PlanProfile.Classic, "EXP006" },
        { "g023.md", PlanProfile.Skill, "EXP001x7 EXP002x8 EXP004x6 EXP010 EXP051x4 EXP052x29" },
        { "g023.md", PlanProfile.Classic, "EXP001x4 EXP002x8 EXP004x6 EXP051x4 EXP052x29" },
        { "g024.md", PlanProfile.Skill, "EXP001x3 EXP006x5 EXP007 EXP010 EXP051x5" },
        { "g024.md", PlanProfile.Classic, "EXP006x5 EXP007 EXP051x5" },
        { "g029.md", PlanProfile.Skill, "EXP001x4 EXP002x6 EXP006 EXP007 EXP010 EXP020" },
        { "g029.md", PlanProfile.Classic, "EXP001 EXP002x6 EXP006 EXP007 EXP020" },
        { "README.md", PlanProfile.Skill, "EXP001x7 EXP002x8 EXP007 EXP010" },
        { "README.md", PlanProfile.Classic, "EXP001x4 EXP002x8 EXP007" },
    };

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Corpus, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Real_plan_gives_the_pinned_findings(string file, PlanProfile profile, string expected)
    {
        Assert.Equal(expected, Summarise(Run(file, profile)));
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_real_plan_is_pinned_in_both_profiles(string file)
    {
        var pinned = Expectations().Select(row => ((string)row[0], (PlanProfile)row[1])).ToHashSet();
        Assert.Contains((file, PlanProfile.Skill), pinned);
        Assert.Contains((file, PlanProfile.Classic), pinned);
    }

    [Fact]
    public void Classic_form_plans_have_no_EXP001_under_the_classic_profile()
    {
        foreach (var file in ClassicForm)
        {
            Assert.DoesNotContain(Run(file, PlanProfile.Classic), d => d.Id == "EXP001");
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Real_plans_never_fail_validation_and_spans_stay_inside_the_file(string file)
    {
        var path = Path.Combine(TestPaths.Corpus, file);
        var lines = File.ReadAllText(path).Split('\n');
        var first = Run(file, PlanProfile.Skill);
        Assert.DoesNotContain(first, d => d.Id == "EXP000");
        Assert.Equal(first, Run(file, PlanProfile.Skill));
        foreach (var d in first)
        {
            Assert.InRange(d.Span.StartLine, 1, lines.Length);
            Assert.InRange(d.Span.EndLine, d.Span.StartLine, lines.Length);
            Assert.InRange(d.Span.StartColumn, 1, lines[d.Span.StartLine - 1].Length + 1);
        }
    }

    internal static IReadOnlyList<PlanDiagnostic> Run(string file, PlanProfile profile) =>
        new PlanValidator(new ValidationSettings { Profile = profile }).ValidateFile(Path.Combine(TestPaths.Corpus, file));

    internal static string Summarise(IEnumerable<PlanDiagnostic> diagnostics) => string.Join(" ", diagnostics
        .GroupBy(d => d.Id)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.Count() == 1 ? g.Key : g.Key + "x" + g.Count()));
}
