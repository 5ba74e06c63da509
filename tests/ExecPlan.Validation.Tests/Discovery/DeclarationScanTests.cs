namespace ExecPlan.Validation.Tests.Discovery;

using System;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation;
using Xunit;

/// <summary>A file declares itself a plan by a scan, not a regex (an IDE's first look at a file
/// then builds none); the scan must answer as the regex it replaced does, also past the sniff
/// length, with every kind of white space and case.</summary>
public sealed class DeclarationScanTests
{
    private static readonly Regex Oracle = new(@"exec\s*plan|living\s+document", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly string[] Pieces =
    [
        "exec", "EXEC", "Exec", "plan", "PLAN", "Plan", "living", "Living", "document", "DOCUMENT", "docu", "liv", "exe",
        " ", "\t", "\n", "\r\n", "\u00A0", "\u2003", "\u3000", "\u0085", "\u200B", "-", "_", "x", "ExecPlan", "execplans",
    ];

    [Fact]
    public void The_scan_answers_as_the_regex_did()
    {
        var random = new Random(7);
        var declared = 0;
        for (var round = 0; round < 50_000; round++)
        {
            var builder = new StringBuilder();
            if (round % 500 == 0)
            {
                // Near the sniff length: a phrase that starts inside and ends outside does not count.
                builder.Append('x', PlanDiscovery.SniffLength - random.Next(1, 14));
            }

            var count = random.Next(0, 10);
            for (var i = 0; i < count; i++)
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var text = builder.ToString();
            var expected = Oracle.Match(text, 0, Math.Min(text.Length, PlanDiscovery.SniffLength)).Success;
            declared += expected ? 1 : 0;
            Assert.True(expected == PlanDiscovery.DeclaresItself(text), $"'{text}': the regex says {expected}");
        }

        Assert.True(declared > 5_000, "the random texts must often declare themselves");
    }
}
