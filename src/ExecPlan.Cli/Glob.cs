namespace ExecPlan.Cli;

using System;
using System.Collections.Generic;

/// <summary>
/// A small glob matcher over path segments: <c>**</c> matches any number of whole segments
/// (including none), <c>*</c> any run of characters within one segment, <c>?</c> one character.
/// </summary>
internal sealed class Glob
{
    private readonly string[] _segments;
    private readonly StringComparison _comparison;

    public Glob(IReadOnlyList<string> segments, bool ignoreCase)
    {
        _segments = [.. segments];
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        HasRecursiveWildcard = Array.IndexOf(_segments, "**") >= 0;
    }

    /// <summary>Whether the pattern contains <c>**</c> (otherwise it matches at a fixed depth).</summary>
    public bool HasRecursiveWildcard { get; }

    /// <summary>The number of segments, which is the match depth when there is no <c>**</c>.</summary>
    public int SegmentCount => _segments.Length;

    public static bool ContainsWildcard(string text) => text.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>Whether a relative path, given as its segments, matches the whole pattern.</summary>
    public bool IsMatch(IReadOnlyList<string> pathSegments) => MatchSegments(0, pathSegments, 0);

    private bool MatchSegments(int p, IReadOnlyList<string> path, int s)
    {
        while (p < _segments.Length)
        {
            if (_segments[p] == "**")
            {
                // Collapse consecutive "**" and try every split point.
                while (p + 1 < _segments.Length && _segments[p + 1] == "**")
                {
                    p++;
                }

                for (var k = s; k <= path.Count; k++)
                {
                    if (MatchSegments(p + 1, path, k))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (s >= path.Count || !MatchSegment(_segments[p], path[s]))
            {
                return false;
            }

            p++;
            s++;
        }

        return s == path.Count;
    }

    /// <summary>Wildcard match of one segment with <c>*</c> and <c>?</c> (iterative, with backtracking to the last star).</summary>
    internal bool MatchSegment(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || CharEquals(pattern[p], text[t])))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private bool CharEquals(char a, char b) =>
        a == b || (_comparison == StringComparison.OrdinalIgnoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
