namespace ExecPlan.Validation.Tests.Rules;

using System;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Rules.Support;

/// <summary>The placeholder check strips comments and list markers with scans; each must give
/// the string the regex replacement it took over gave (random text, every corner of both).</summary>
public class StubScanTests
{
    private static readonly Regex Comment = new(@"<!--.*?(?:-->|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(2));

    private static readonly Regex ListMarker = new(@"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline, TimeSpan.FromSeconds(2));

    private static readonly string[] Pieces =
    [
        "<!--", "-->", "<!-->", "<!--->", "-", "->", "<", "!", "*", "+", "1", "12", "٣", ".", ")", " ", "\t", "\n", "\r\n", "\r",
        "[ ]", "[x]", "[X]", "[y]", "[", "]", "x", "TBD", "text",
    ];

    [Fact]
    public void Comments_are_stripped_as_the_regex_stripped_them()
    {
        var random = new Random(31);
        for (var round = 0; round < 50_000; round++)
        {
            var text = RandomText(random);
            Assert.Equal(Comment.Replace(text, " "), Stubs.WithoutComments(text));
        }
    }

    [Fact]
    public void List_markers_are_stripped_as_the_regex_stripped_them()
    {
        var random = new Random(32);
        var changed = 0;
        for (var round = 0; round < 50_000; round++)
        {
            var text = RandomText(random);
            var expected = ListMarker.Replace(text, " ");
            changed += expected == text ? 0 : 1;
            Assert.Equal(expected, Stubs.WithoutListMarkers(text));
        }

        Assert.True(changed > 5_000, "the random texts must often hold list markers");
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

    private static string RandomText(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(0, 12);
        var lines = random.Next(2) == 0;
        for (var i = 0; i < count; i++)
        {
            if (!lines)
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]);
                continue;
            }

            // A line shaped like a list item, each part present or slightly off.
            builder.Append(Pick(random, string.Empty, " ", "\t ")).Append(Pick(random, "-", "*", "+", "1.", "12)", "٣.", "1", "x"))
                .Append(Pick(random, " ", "\t", "  ", string.Empty)).Append(Pick(random, "[ ]", "[x] ", "[X]\t", "[y]", "[", string.Empty))
                .Append(Pick(random, " TBD", "text", "<!-- c -->", string.Empty)).Append(Pick(random, "\n", "\r\n", "\r", string.Empty));
        }

        return builder.ToString();
    }
}
