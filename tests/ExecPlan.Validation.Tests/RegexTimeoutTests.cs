namespace ExecPlan.Validation.Tests;

using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

/// <summary>Every regex the library keeps must have a match timeout (or be non-backtracking), so
/// no plan can hang a build.</summary>
public class RegexTimeoutTests
{
    [Fact]
    public void Every_static_regex_in_the_library_has_a_timeout()
    {
        var fields = typeof(PlanValidator).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => typeof(Regex).IsAssignableFrom(f.FieldType))
            .ToList();

        Assert.True(fields.Count >= 15, "expected the library's regexes, found " + fields.Count);
        foreach (var field in fields)
        {
            if (field.DeclaringType!.ContainsGenericParameters)
            {
                continue;
            }

            var regex = (Regex?)field.GetValue(null);
            Assert.NotNull(regex);
            Assert.True(
                regex.MatchTimeout != Regex.InfiniteMatchTimeout || (regex.Options & RegexOptions.NonBacktracking) != 0,
                $"{field.DeclaringType.FullName}.{field.Name} has no match timeout");
        }
    }
}
