namespace ExecPlan.Validation.Tests;

using System;
using System.Collections.Generic;
using System.Linq;
using ExecPlan.Validation.Parsing;

/// <summary>The line map finds line starts with a vectorised search; it must count \n, \r\n and a
/// lone \r as one break each, as Markdig and editors do.</summary>
public class LineMapTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("\n")]
    [InlineData("a\r\nb\rc\n\r\n\rd")]
    [InlineData("\r\r\n\n\r")]
    [InlineData("text\n")]
    public void Line_starts_follow_every_kind_of_break(string text)
    {
        var lines = new LineMap(text);

        var expected = NaiveStarts(text);
        Assert.Equal(expected, Enumerable.Range(0, lines.LineCount).Select(lines.LineStart).ToList());
    }

    [Fact]
    public void Line_starts_agree_with_a_character_by_character_count_on_random_text()
    {
        var random = new Random(3);
        for (var n = 0; n < 2_000; n++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => "ab\r\n "[random.Next(5)]).ToArray());
            var lines = new LineMap(text);
            Assert.Equal(NaiveStarts(text), Enumerable.Range(0, lines.LineCount).Select(lines.LineStart).ToList());
        }
    }

    [Fact]
    public void Line_starts_are_right_before_and_after_a_text_with_more_lines_than_the_one_pass_buffer()
    {
        // The starts are gathered in a buffer kept per thread; a text with more lines is counted and
        // filled in a second pass, and maps built before and after must not share or lose any start.
        var small = "a\r\nb\n\rc";
        var before = new LineMap(small);
        var huge = string.Concat(Enumerable.Repeat("line\r\n", 40_000)) + "end";
        var hugeMap = new LineMap(huge);
        var after = new LineMap(small);
        Assert.Equal(NaiveStarts(small), Enumerable.Range(0, before.LineCount).Select(before.LineStart).ToList());
        Assert.Equal(NaiveStarts(huge), Enumerable.Range(0, hugeMap.LineCount).Select(hugeMap.LineStart).ToList());
        Assert.Equal(NaiveStarts(small), Enumerable.Range(0, after.LineCount).Select(after.LineStart).ToList());
        Assert.Equal(40_001, hugeMap.LineCount);

        // At the edge of the buffer (16,384 starts): one line under, exactly, one over.
        foreach (var breaks in new[] { 16_382, 16_383, 16_384 })
        {
            var edge = string.Concat(Enumerable.Repeat("x\n", breaks));
            var map = new LineMap(edge);
            Assert.Equal(NaiveStarts(edge), Enumerable.Range(0, map.LineCount).Select(map.LineStart).ToList());
        }
    }

    [Fact]
    public void The_line_of_an_offset_is_right_whatever_order_offsets_are_asked_in()
    {
        // LineIndexOf starts from the line of the previous lookup: forwards, backwards, jumps and
        // repeats must all give the line a plain count gives.
        var random = new Random(5);
        for (var round = 0; round < 200; round++)
        {
            var chars = new char[random.Next(0, 300)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = "ab \n\r"[random.Next(5)];
            }

            var text = new string(chars);
            var lines = new LineMap(text);
            var starts = NaiveStarts(text);
            for (var ask = 0; ask < 100; ask++)
            {
                var offset = (ask % 4) switch
                {
                    0 => random.Next(-2, text.Length + 3),
                    1 => Math.Min(text.Length, ask),
                    2 => Math.Max(0, text.Length - ask),
                    _ => random.Next(0, text.Length + 1),
                };
                var clamped = Math.Max(0, Math.Min(offset, text.Length));
                Assert.Equal(starts.FindLastIndex(s => s <= clamped), lines.LineIndexOf(offset));
            }
        }
    }

    private static List<int> NaiveStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (text[i] is '\r' or '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }
}
