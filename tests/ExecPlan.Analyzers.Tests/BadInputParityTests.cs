namespace ExecPlan.Analyzers.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ExecPlan.Validation;
using ExecPlan.Validation.Settings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

/// <summary>
/// Same input, same verdict as the task's byte path. Before: with the analyzer reporting,
/// ExecPlanMaxFileSize was ignored (a 22 KB plan under a 1,000-byte limit was parsed in full) and
/// binary or invalid UTF-8 plans got ordinary findings instead of EXP000.
/// </summary>
public class BadInputParityTests
{
    private const string Path = "/repo/plans/p.md";

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> MarkedPlan = new()
    {
        [Path] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ExecPlanIsPlan"] = "true" },
    };

    private static readonly byte[] Plan = Encoding.UTF8.GetBytes("# Plan\n\nThis ExecPlan is a living document.\n\n## Progress\n\n- [ ] (2025-01-01 10:00Z) One.\n");

    public static TheoryData<string, byte[]> BadFiles() => new()
    {
        { "oversized", Encoding.UTF8.GetBytes("# Plan\n\n" + string.Concat(Enumerable.Repeat("Some prose about the plan. ", 800)) + "\n") },
        { "invalid-utf8", Plan.Concat(new byte[] { 0xC3, 0x28, 0x0A }).ToArray() },
        { "nul", Plan.Concat(new byte[] { 0x41, 0x00, 0x42, 0x0A }).ToArray() },
        { "utf16", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("# Plan\n\nThis ExecPlan is a living document.\n")).ToArray() },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task The_analyzer_gives_the_task_verdict_for_bad_bytes(string name, byte[] bytes)
    {
        var settings = new ValidationSettings { MaxFileSizeBytes = 1000 };
        var expected = new PlanValidator(settings).ValidateBytes(bytes, Path);
        Assert.Equal("EXP000", Assert.Single(expected).Id);

        var global = new Dictionary<string, string> { ["build_property.ExecPlanMaxFileSize"] = "1000" };
        foreach (var host in new[] { Host.Ide, Host.Compiler })
        {
            var actual = await AnalyzerHarness.RunAsync([new BytesAdditionalText(Path, bytes, host)], global, MarkedPlan);
            var diagnostic = Assert.Single(actual);
            Assert.Equal(name + " " + host + ": EXP000", name + " " + host + ": " + diagnostic.Id);
            Assert.Equal(FirstClause(expected[0].Message), FirstClause(diagnostic.GetMessage()));
        }
    }

    [Fact]
    public async Task A_good_plan_decoded_by_either_host_gets_its_ordinary_findings()
    {
        var expected = new PlanValidator().ValidateBytes(Plan, Path).Select(d => d.Id).ToList();
        foreach (var host in new[] { Host.Ide, Host.Compiler })
        {
            var actual = await AnalyzerHarness.RunAsync([new BytesAdditionalText(Path, Plan, host)], fileOptions: MarkedPlan);
            Assert.Equal(expected, actual.Select(d => d.Id).ToList());
            Assert.DoesNotContain(actual, d => d.Id == "EXP000");
        }
    }

    /// <summary>The message up to the first '(' or ' at byte': offsets differ where the host's decoding hides them.</summary>
    private static string FirstClause(string message)
    {
        var cut = message.IndexOfAny(['(', ';']);
        var at = message.IndexOf(" at byte", StringComparison.Ordinal);
        cut = at >= 0 && (cut < 0 || at < cut) ? at : cut;
        return cut < 0 ? message : message.Substring(0, cut);
    }

    internal enum Host
    {
        /// <summary>SourceText.From(stream): UTF-8 with replacement characters, BOM detection.</summary>
        Ide,

        /// <summary>The command-line compiler: strict UTF-8, else a fallback code page (Latin-1 here).</summary>
        Compiler,
    }

    private sealed class BytesAdditionalText(string path, byte[] bytes, Host host) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default)
        {
            using var stream = new MemoryStream(bytes);
            if (host == Host.Ide)
            {
                return SourceText.From(stream, throwIfBinaryDetected: false);
            }

            var bom = bytes.Length >= 2 && (bytes[0] == 0xFF || bytes[0] == 0xFE);
            if (bom)
            {
                return SourceText.From(stream, Encoding.Unicode, throwIfBinaryDetected: false);
            }

            try
            {
                return SourceText.From(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), throwIfBinaryDetected: false);
            }
            catch (DecoderFallbackException)
            {
                stream.Position = 0;
                return SourceText.From(stream, Encoding.Latin1, throwIfBinaryDetected: false);
            }
        }
    }
}
