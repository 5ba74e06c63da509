namespace ExecPlan.Validation.Tests.Rules;

using System;
using System.Text;
using ExecPlan.Validation.Rules.Support;

/// <summary>The cursor answers as a search of each range would, whatever order the ranges come in.</summary>
public class CharCursorTests
{
    [Fact]
    public void Answers_as_a_search_of_each_range()
    {
        var random = new Random(7);
        for (var round = 0; round < 2000; round++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 60); i > 0; i--)
            {
                text.Append(random.Next(8) == 0 ? '<' : 'a');
            }

            var s = text.ToString();
            var cursor = new CharCursor(s, '<');
            Assert.Equal(s.Contains('<', StringComparison.Ordinal), cursor.Any);
            var start = 0;
            for (var ask = 0; ask < 30; ask++)
            {
                // Mostly increasing starts, sometimes a step back, empty and reversed ranges too.
                start = random.Next(5) == 0 ? random.Next(0, s.Length + 1) : Math.Min(s.Length, start + random.Next(0, 6));
                var end = Math.Min(s.Length, start + random.Next(-2, 10));
                var expected = end > start && s.IndexOf('<', start, end - start) >= 0;
                Assert.True(expected == cursor.In(start, end), $"'{s}' [{start}, {end}): expected {expected}");
            }
        }
    }
}
