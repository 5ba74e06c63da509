namespace ExecPlan.Validation.Tests;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Rules;

/// <summary>The findings buffer (blocks under the large-object threshold), and a validation with
/// more findings than one small array holds: same diagnostics, in the order of a stable sort of
/// the rules' raw findings, in a list that reads like an array.</summary>
public class FindingBufferTests
{
    private static readonly string Plan = TestPaths.ReadFixture("valid/skill-in-progress.md");

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(FindingBuffer.BlockSize)]
    [InlineData(FindingBuffer.BlockSize + 1)]
    [InlineData((3 * FindingBuffer.BlockSize) + 17)]
    public void The_buffer_keeps_findings_in_order_across_blocks(int count)
    {
        var buffer = new FindingBuffer();
        for (var i = 0; i < count; i++)
        {
            buffer.Add(new Finding(RuleCatalog.EXP021, new SourceSpan(i + 1, 1, i + 1, 2), "m" + i));
        }

        Assert.Equal(count, buffer.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => "m" + i), buffer.Select(f => f.Message));
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i + 1, buffer[i].Span.StartLine);
        }

        buffer.Truncate(count / 2);
        Assert.Equal(count / 2, buffer.Count);
        Assert.Equal(Enumerable.Range(0, count / 2).Select(i => "m" + i), buffer.Select(f => f.Message));
        buffer.Add(new Finding(RuleCatalog.EXP000, SourceSpan.FileStart, "after"));
        Assert.Equal("after", buffer[count / 2].Message);
    }

    [Fact]
    public void Many_findings_come_in_the_order_of_a_stable_sort_of_the_raw_findings()
    {
        var text = WithItems(ChunkedDiagnostics.BlockSize + 2000, region: null);
        var validator = new PlanValidator();
        var raw = validator.CollectFindings(PlanParser.Parse(text, "plan.md"), PlanValidator.Rules);
        var expected = raw
            .OrderBy(f => f.Span)
            .ThenBy(f => f.Descriptor.Id, StringComparer.Ordinal)
            .Select(f => f.Descriptor.Id + " " + f.Span + " " + f.Descriptor.FormatMessage(f.Message))
            .ToList();
        var rawOrder = raw.Select(f => f.Descriptor.Id + " " + f.Span + " " + f.Descriptor.FormatMessage(f.Message));
        Assert.NotEqual(expected, rawOrder); // the rules' runs really need merging

        var diagnostics = validator.Validate(text, "plan.md");

        Assert.True(diagnostics.Count > ChunkedDiagnostics.BlockSize, "only " + diagnostics.Count);
        Assert.IsNotType<PlanDiagnostic[]>(diagnostics);
        Assert.Equal(expected, diagnostics.Select(d => d.Id + " " + d.Span + " " + d.Message));

        // The list reads the same by index, by enumeration and copied (LINQ's CopyTo path).
        var copied = diagnostics.ToArray();
        Assert.Equal(diagnostics.Count, copied.Length);
        for (var i = 0; i < copied.Length; i++)
        {
            Assert.Same(copied[i], diagnostics[i]);
        }

        Assert.Equal(copied, diagnostics.ToList());
        Assert.Contains(copied[^1], (ICollection<PlanDiagnostic>)diagnostics);
        Assert.Throws<ArgumentOutOfRangeException>(() => diagnostics[diagnostics.Count]);
    }

    [Fact]
    public void Few_findings_are_a_plain_array()
    {
        var diagnostics = new PlanValidator().Validate(WithItems(50, region: null), "plan.md");

        Assert.NotEmpty(diagnostics);
        Assert.IsType<PlanDiagnostic[]>(diagnostics);
    }

    [Fact]
    public void A_disable_region_among_many_findings_drops_exactly_the_findings_inside_it()
    {
        const int Items = ChunkedDiagnostics.BlockSize + 3000;
        var plain = new PlanValidator().Validate(WithItems(Items, region: null), "plan.md");
        var suppressed = new PlanValidator().Validate(WithItems(Items, region: (1000, 6000)), "plan.md");

        // Items are two lines apart; the region's two comments (each with its blank line) move
        // the items after it four lines down.
        var itemLines = plain.Where(d => d.Id == "EXP021").Select(d => d.Span.StartLine).ToList();
        Assert.Equal(Items, itemLines.Count);
        var first = itemLines.Min();
        var expected = itemLines.Where(l => l - first < 2 * 1000).Concat(itemLines.Where(l => l - first >= 2 * 6000).Select(l => l + 4));
        Assert.Equal(expected, suppressed.Where(d => d.Id == "EXP021").Select(d => d.Span.StartLine));
        Assert.Equal(plain.Count(d => d.Id != "EXP021"), suppressed.Count(d => d.Id != "EXP021"));
    }

    /// <summary>The valid fixture with <paramref name="count"/> blank-separated done Progress items
    /// without a timestamp (one EXP021 each; every seventh names a machine path, one EXP045 too), optionally a disable region of EXP021 around items
    /// [From, To).</summary>
    private static string WithItems(int count, (int From, int To)? region)
    {
        var items = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (region is { } r && i == r.From)
            {
                items.Append("<!-- execplan-disable EXP021 -->\n\n");
            }

            if (region is { } s && i == s.To)
            {
                items.Append("<!-- execplan-enable EXP021 -->\n\n");
            }

            items.Append("- [x] did step ").Append(i).Append(i % 7 == 0 ? " in /home/alice/repo\n\n" : "\n\n");
        }

        var at = Plan.IndexOf("## Progress\n", StringComparison.Ordinal) + "## Progress\n".Length;
        return Plan.Substring(0, at) + "\n" + items + Plan.Substring(at);
    }
}
