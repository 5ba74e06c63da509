namespace ExecPlan.Analyzers.Tests;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ExecPlan.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

/// <summary>
/// Re-analysis reuses a plan's diagnostics only for the same text under the same settings: the
/// cache is decided by the text's characters, not its length or its path, and the spans point at
/// the characters the library's lines and columns name.
/// </summary>
public class ReanalysisTests
{
    private const string Path = "/repo/plans/cached.md";

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> MarkedPlan = new()
    {
        [Path] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ExecPlanIsPlan"] = "true" },
    };

    // Same length: the invalid status moves down one line (a blank line trades places with it).
    private const string StatusHigh = "# Fix it\n\nThis ExecPlan is a living document.\n\nStatus: WIP\n\n\n## Progress\n\n- [x] Done.\n";
    private const string StatusLow = "# Fix it\n\nThis ExecPlan is a living document.\n\n\nStatus: WIP\n\n## Progress\n\n- [x] Done.\n";

    private static int StatusLine(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Single(d => d.Id == "EXP011").Location.GetLineSpan().StartLinePosition.Line + 1;

    [Fact]
    public async Task An_edit_that_keeps_the_length_gets_the_new_texts_findings_and_going_back_the_old_ones()
    {
        Assert.Equal(StatusHigh.Length, StatusLow.Length);
        Assert.Equal(5, StatusLine(await AnalyzerHarness.RunAsync([(Path, StatusHigh)], fileOptions: MarkedPlan)));
        Assert.Equal(6, StatusLine(await AnalyzerHarness.RunAsync([(Path, StatusLow)], fileOptions: MarkedPlan)));
        Assert.Equal(5, StatusLine(await AnalyzerHarness.RunAsync([(Path, StatusHigh)], fileOptions: MarkedPlan)));
    }

    [Fact]
    public async Task The_same_text_under_other_severities_is_validated_again()
    {
        var errors = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [Path] = new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.ExecPlanIsPlan"] = "true",
                ["build_metadata.AdditionalFiles.ExecPlanSeverities"] = "EXP011=warning",
            },
        };
        var plain = await AnalyzerHarness.RunAsync([(Path, StatusHigh)], fileOptions: MarkedPlan);
        var changed = await AnalyzerHarness.RunAsync([(Path, StatusHigh)], fileOptions: errors);
        var again = await AnalyzerHarness.RunAsync([(Path, StatusHigh)], fileOptions: MarkedPlan);
        Assert.Equal(DiagnosticSeverity.Error, plain.Single(d => d.Id == "EXP011").Severity);
        Assert.Equal(DiagnosticSeverity.Warning, changed.Single(d => d.Id == "EXP011").Severity);
        Assert.Equal(DiagnosticSeverity.Error, again.Single(d => d.Id == "EXP011").Severity);
    }

    [Fact]
    public async Task The_plan_verdict_is_part_of_the_key()
    {
        var notPlan = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [Path] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ExecPlanIsPlan"] = "false" },
        };
        Assert.NotEmpty(await AnalyzerHarness.RunAsync([(Path, StatusHigh)], fileOptions: MarkedPlan));
        Assert.Empty(await AnalyzerHarness.RunAsync([(Path, StatusHigh)], fileOptions: notPlan));
        Assert.NotEmpty(await AnalyzerHarness.RunAsync([(Path, StatusHigh)], fileOptions: MarkedPlan));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task Text_spans_cover_the_characters_the_library_points_at(string newline)
    {
        // U+2028 is a line break to Roslyn but not to the library (nor Markdig): spans follow the library.
        var text = "\uFEFF# Fix it\u2028still the title" + newline + newline + "This ExecPlan is a living document." + newline + newline +
            "Status: WIP" + newline + newline + "## Progress" + newline + newline + "- [x] Done." + newline;
        var path = "/repo/plans/spans" + newline.Length + (newline == "\r" ? "cr" : "lf") + ".md";
        var options = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [path] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ExecPlanIsPlan"] = "true" },
        };
        var status = (await AnalyzerHarness.RunAsync([(path, text)], fileOptions: options)).Single(d => d.Id == "EXP011");
        var library = new PlanValidator().Validate(text, path).Single(d => d.Id == "EXP011");

        Assert.Equal(library.Span.StartLine - 1, status.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("WIP", text.Substring(status.Location.SourceSpan.Start, status.Location.SourceSpan.Length));
    }

    [Fact]
    public void Offsets_follow_the_librarys_lines_and_stay_within_them()
    {
        var offsets = new LineOffsets("ab\r\ncd\re\u2028f\n\ngh");
        Assert.Equal(0, offsets.Offset(1, 1));
        Assert.Equal(2, offsets.Offset(1, 9)); // past the end of "ab": its end, before the break
        Assert.Equal(5, offsets.Offset(2, 2));
        Assert.Equal(9, offsets.Offset(3, 3)); // "e\u2028f" is one line
        Assert.Equal(11, offsets.Offset(4, 1)); // the empty line
        Assert.Equal(13, offsets.Offset(5, 2));
        Assert.Equal(12, offsets.Offset(9, 1)); // past the last line: the same column of the last line
        Assert.Equal(14, offsets.Offset(9, 7));
        Assert.Equal(1, new LineOffsets("\uFEFFab").Offset(1, 1)); // columns do not count a BOM
        Assert.Equal(0, new LineOffsets(string.Empty).Offset(3, 4));
    }

    [Fact]
    public void A_cached_result_needs_the_same_characters_encoding_path_and_settings()
    {
        var cache = new ResultCache<string>();
        var text = SourceText.From("# Plan\n\nSome text.\n", Encoding.UTF8);
        cache.Store(Path, "settings", text, "result");

        Assert.True(cache.TryGet(Path, "settings", text, out var same) && same == "result");
        Assert.True(cache.TryGet(Path, "settings", SourceText.From("# Plan\n\nSome text.\n", Encoding.UTF8), out _));
        Assert.False(cache.TryGet(Path, "settings", SourceText.From("# Plan\n\nSome test.\n", Encoding.UTF8), out _));
        Assert.False(cache.TryGet(Path, "settings", SourceText.From("# Plan\n\nSome text.\n", Encoding.Unicode), out _));
        Assert.False(cache.TryGet(Path, "other settings", text, out _));
        Assert.False(cache.TryGet("/repo/plans/other.md", "settings", text, out _));

        cache.Store(Path, "settings", SourceText.From("changed", Encoding.UTF8), "new");
        Assert.False(cache.TryGet(Path, "settings", text, out _));
    }
}
