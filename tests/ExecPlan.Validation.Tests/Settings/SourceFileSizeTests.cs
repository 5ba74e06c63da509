namespace ExecPlan.Validation.Tests.Settings;

using System;
using System.IO;
using System.Linq;
using Xunit;

/// <summary>
/// House rule: no source file in <c>src/</c> over 300 lines unless its first line says why, in the
/// form <c>// One job over 300 lines: …</c>. A long file is usually several jobs; the ones that are
/// one job (a grammar kept whole to read against Roslyn's) say so where a reader starts.
/// </summary>
public class SourceFileSizeTests
{
    private const int MaxLines = 300;

    private const string ReasonLead = "// One job over 300 lines: ";

    [Fact]
    public void Every_long_source_file_gives_its_reason_in_the_first_line()
    {
        var src = Path.Combine(RepositoryPaths.Root, "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(src, f)))
            .Select(f => (Path: Path.GetRelativePath(RepositoryPaths.Root, f), Lines: File.ReadAllLines(f)))
            .Where(f => f.Lines.Length > MaxLines && !HasReason(f.Lines[0]))
            .Select(f => $"{f.Path} ({f.Lines.Length} lines)")
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0, "Split these by job, or start them with '" + ReasonLead + "<why>': " + string.Join(", ", offenders));
    }

    [Theory]
    [InlineData("// One job over 300 lines: the section-glob grammar, kept whole.", true)]
    [InlineData("// One job over 300 lines: ", false)]
    [InlineData("namespace ExecPlan.Validation;", false)]
    public void A_reason_is_the_lead_and_some_words(string firstLine, bool expected) => Assert.Equal(expected, HasReason(firstLine));

    private static bool HasReason(string firstLine) =>
        firstLine.StartsWith(ReasonLead, StringComparison.Ordinal) && firstLine.Length > ReasonLead.Length + 10;

    private static bool IsBuildOutput(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Contains("bin", StringComparer.Ordinal) || parts.Contains("obj", StringComparer.Ordinal);
    }
}
