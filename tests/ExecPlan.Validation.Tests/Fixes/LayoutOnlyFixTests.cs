namespace ExecPlan.Validation.Tests.Fixes;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Fixes;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Settings;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Properties of <c>fix</c> over every fixture and every corpus plan: it changes layout only. The
/// words stay the same and in the same order (apart from list markers, fence lines and inserted
/// headings), every code span keeps its exact content, and the EXP053 repair touches only lines
/// that EXP053 reports.
/// </summary>
public class LayoutOnlyFixTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>A list marker at the start of a line, glued to its word or not.</summary>
    private static readonly Regex LeadingMarker = new(@"^[ \t>]*(?:[-+*]|\d{1,9}[.)])(?=\S|[ \t]|$)", RegexOptions.Multiline, Timeout);

    private static readonly ValidationSettings Skill = new() { Profile = PlanProfile.Skill };

    private static readonly ValidationSettings OnlyListMarkers = new()
    {
        Profile = PlanProfile.Skill,
        SeverityOverrides = PlanFixer.FixableRules.Where(id => id != "EXP053")
            .ToDictionary(id => id, _ => RuleSeverity.None, StringComparer.OrdinalIgnoreCase),
    };

    public static TheoryData<string> AllPlans() => PlanFixerTests.AllPlans();

    [Theory]
    [MemberData(nameof(AllPlans))]
    public void Fix_keeps_the_words_in_order_apart_from_list_markers(string path)
    {
        var original = Read(path);
        var fixedText = PlanFixer.Fix(original, Skill);

        // Sections and a Status line may be inserted, so the words before must appear, in order,
        // among the words after; with only the list repair on, the two must be equal.
        var before = Words(original);
        var after = Words(fixedText);
        var at = 0;
        foreach (var word in before)
        {
            while (at < after.Count && after[at] != word)
            {
                at++;
            }

            Assert.True(at < after.Count, $"'{word}' is missing or out of order after fix in {path}");
            at++;
        }

        Assert.Equal(before, Words(PlanFixer.Fix(original, OnlyListMarkers)));
    }

    [Theory]
    [MemberData(nameof(AllPlans))]
    public void Fix_keeps_every_code_span_exactly(string path)
    {
        var original = Read(path);
        Assert.Equal(CodeSpans(original), CodeSpans(PlanFixer.Fix(original, Skill)));
    }

    [Theory]
    [MemberData(nameof(AllPlans))]
    public void List_repair_touches_only_lines_EXP053_reports(string path)
    {
        var original = Read(path);
        var reported = Validate.Text(original).Where(d => d.Id == "EXP053").Select(d => d.Span.StartLine).ToHashSet();
        var lines = new LineMap(original.Length > 0 && original[0] == '\uFEFF' ? original.Substring(1) : original);
        foreach (var edit in PlanFixer.ComputeFixes(original, OnlyListMarkers).Where(e => e.NewText == " "))
        {
            var bom = original.Length > 0 && original[0] == '\uFEFF' ? 1 : 0;
            var line = lines.LineIndexOf(edit.Start - bom) + 1;
            Assert.True(reported.Contains(line), $"fix inserted a space on line {line} of {path}, which EXP053 does not report");
        }
    }

    [Theory]
    [InlineData("Compile with `gcc -Wall\n-Werror` so warnings fail.")]
    [InlineData("Regenerate with `cargo\n-orthohelp/generate` first.")]
    [InlineData("The linker takes\n-o out.bin last; the compiler gets -Wall\n-Wextra too.")]
    [InlineData("Build with\n-Wall -Werror and\n-std=c++17 everywhere.")]
    [InlineData("构建时运行 `cargo build\n-p orders` 然后测试。")]
    public void Wrapped_code_spans_and_flags_are_left_alone(string paragraph)
    {
        var plan = "# Plan\n\n## Plan of Work\n\n" + paragraph + "\n";
        Assert.Equal(plan, PlanFixer.Fix(plan, OnlyListMarkers));
        Assert.Empty(Validate.Summary(Validate.Text(plan), "EXP053"));
    }

    [Theory]
    [InlineData("The steps are:\n-add the middleware\n-Implement the resolver.", "The steps are:\n- add the middleware\n- Implement the resolver.")]
    [InlineData("Run `make` first.\n-then deploy", "Run `make` first.\n- then deploy")]
    [InlineData("步骤：\n-添加中间件，然后运行测试。", "步骤：\n- 添加中间件，然后运行测试。")]
    public void Broken_items_in_prose_are_still_repaired(string broken, string repaired)
    {
        var plan = "# Plan\n\n## Plan of Work\n\n{0}\n";
        Assert.Equal(string.Format(null, plan, repaired), PlanFixer.Fix(string.Format(null, plan, broken), OnlyListMarkers));
    }

    private static string Read(string path) =>
        File.ReadAllText(Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path));

    /// <summary>Whitespace-separated words, with list markers at line starts, fence lines and
    /// heading markers left out (layout the fix may add, remove or change).</summary>
    private static List<string> Words(string text)
    {
        var lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None)
            .Where(l => !l.TrimStart(' ', '\t', '>').StartsWith("```", StringComparison.Ordinal));
        return lines
            .Select(l => LeadingMarker.Replace(l, string.Empty))
            .SelectMany(l => l.Split([' ', '\t', '\uFEFF'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => !w.All(c => c == '#'))
            .ToList();
    }

    /// <summary>The content of every code span, in document order.</summary>
    private static List<string> CodeSpans(string text)
    {
        var plan = PlanParser.Parse(text, "plan.md");
        return plan.Syntax.Descendants<LeafBlock>()
            .Where(b => b.Inline is not null)
            .SelectMany(b => b.Inline!.Descendants<CodeInline>())
            .Select(c => c.Content)
            .ToList();
    }
}
