namespace ExecPlan.Validation.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Settings;

/// <summary>
/// Real plans from public repositories (read from the corpus beside the repository, never copied
/// here), held to a hand audit: <c>Corpus/audit.tsv</c> judges every finding the default profile
/// gives there as TRUE, FALSE or DEBATABLE against the skill. A finding nobody audited, or one
/// judged FALSE, fails; so does a TRUE finding that stops firing. Without the corpus these tests
/// skip with the reason (see <see cref="TestPaths.Corpus"/>).
/// </summary>
public class CorpusTests
{
    /// <summary>Plans that follow the classic four-living-section form.</summary>
    private static readonly string[] ClassicForm =
    [
        "001.md", "002.md", "005.md", "006.md", "008.md", "g001.md", "g004.md", "g005.md", "g006.md",
        "g008.md", "g011.md", "g018.md", "g020.md", "g021.md", "g024.md",
    ];

    public static TheoryData<string> CorpusFiles() => new(TestPaths.CorpusFileNames());

    [SkippableTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_finding_is_audited_and_none_judged_false_fires(string file)
    {
        var audit = CorpusAudit.Rows.Where(r => r.File == file).ToList();
        var problems = new List<string>();
        foreach (var d in Run(file, PlanProfile.Skill))
        {
            var subject = CorpusAudit.Subject(d);
            var row = audit.FirstOrDefault(r => r.Line == d.Span.StartLine && r.Id == d.Id && r.Subject == subject);
            if (row is null)
            {
                problems.Add($"not audited: {file}\t{d.Span.StartLine}\t{d.Id}\t{subject}\t?\t{d.Message}");
                continue;
            }

            audit.Remove(row);
            if (row.Verdict == CorpusAudit.False)
            {
                problems.Add($"judged FALSE but fires: {file}:{d.Span.StartLine} {d.Id} ({row.Reason})");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [SkippableTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_finding_judged_true_still_fires(string file)
    {
        var reported = Run(file, PlanProfile.Skill).Select(d => (d.Span.StartLine, d.Id, CorpusAudit.Subject(d))).ToList();
        var lost = new List<string>();
        foreach (var row in CorpusAudit.Rows.Where(r => r.File == file && r.Verdict == CorpusAudit.True))
        {
            if (!reported.Remove((row.Line, row.Id, row.Subject)))
            {
                lost.Add($"{file}:{row.Line} {row.Id} no longer fires ({row.Reason})");
            }
        }

        Assert.True(lost.Count == 0, string.Join("\n", lost));
    }

    [SkippableFact]
    public void The_audit_names_only_corpus_files_rules_and_verdicts()
    {
        var files = TestPaths.CorpusFileNames().ToHashSet(StringComparer.Ordinal);
        var ids = ExecPlan.Validation.Rules.RuleCatalog.All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        _ = TestPaths.Corpus;
        Assert.NotEmpty(CorpusAudit.Rows);
        foreach (var row in CorpusAudit.Rows)
        {
            Assert.Contains(row.File, files);
            Assert.Contains(row.Id, ids);
            Assert.Contains(row.Verdict, new[] { CorpusAudit.True, CorpusAudit.False, CorpusAudit.Debatable });
            Assert.False(string.IsNullOrWhiteSpace(row.Reason), $"{row.File}:{row.Line} {row.Id} has no reason");
        }
    }

    [SkippableFact]
    public void Classic_form_plans_have_no_EXP001_under_the_classic_profile()
    {
        foreach (var file in ClassicForm)
        {
            Assert.DoesNotContain(Run(file, PlanProfile.Classic), d => d.Id == "EXP001");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Real_plans_never_fail_validation_and_spans_stay_inside_the_file(string file)
    {
        var path = Path.Combine(TestPaths.Corpus, file);
        var lines = File.ReadAllText(path).Split('\n');
        foreach (var profile in new[] { PlanProfile.Skill, PlanProfile.Classic })
        {
            var first = Run(file, profile);
            Assert.DoesNotContain(first, d => d.Id == "EXP000");
            Assert.Equal(first, Run(file, profile));
            foreach (var d in first)
            {
                Assert.InRange(d.Span.StartLine, 1, lines.Length);
                Assert.InRange(d.Span.EndLine, d.Span.StartLine, lines.Length);
                Assert.InRange(d.Span.StartColumn, 1, lines[d.Span.StartLine - 1].Length + 1);
            }
        }
    }

    internal static IReadOnlyList<PlanDiagnostic> Run(string file, PlanProfile profile) =>
        new PlanValidator(new ValidationSettings { Profile = profile }).ValidateFile(Path.Combine(TestPaths.Corpus, file));
}

/// <summary>
/// The hand audit of the corpus findings, one row per finding: file, line, ID, subject, verdict,
/// reason. The subject tells apart the document-level findings that share a line (EXP001 and
/// EXP002 name the missing section); it is <c>-</c> for every other rule.
/// </summary>
internal static class CorpusAudit
{
    public const string True = "TRUE";
    public const string False = "FALSE";
    public const string Debatable = "DEBATABLE";

    public static IReadOnlyList<Row> Rows { get; } = Load();

    private static List<Row> Load()
    {
        var rows = new List<Row>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Corpus", "audit.tsv")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != 6)
            {
                throw new InvalidDataException("audit.tsv rows have 6 tab-separated cells: " + line);
            }

            rows.Add(new Row(cells[0], int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), cells[2], cells[3], cells[4], cells[5]));
        }

        return rows;
    }

    /// <summary>The section an EXP001/EXP002 finding names (its first quoted text, without '#'), else "-".</summary>
    public static string Subject(PlanDiagnostic d)
    {
        if (d.Id is not ("EXP001" or "EXP002"))
        {
            return "-";
        }

        var start = d.Message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : d.Message.IndexOf('\'', start + 1);
        return end < 0 ? "-" : d.Message[(start + 1)..end].TrimStart('#', ' ');
    }

    internal sealed record Row(string File, int Line, string Id, string Subject, string Verdict, string Reason);
}
