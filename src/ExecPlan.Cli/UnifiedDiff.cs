namespace ExecPlan.Cli;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

/// <summary>A line-based unified diff (as <c>diff -u</c> and <c>git apply</c> read it) of two texts.
/// Lines compare with their line breaks, so a changed line ending shows as a change.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>Above this many cells the middle is shown as one replaced block instead of a minimal diff.</summary>
    private const long MaxCells = 16_000_000;

    public static string Create(string oldText, string newText, string oldLabel, string newLabel)
    {
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        var ops = Diff(a, b);
        var builder = new StringBuilder();
        builder.Append("--- ").Append(oldLabel).Append('\n');
        builder.Append("+++ ").Append(newLabel).Append('\n');
        var i = 0;
        while (i < ops.Count)
        {
            // Find the next change, then extend the hunk while changes are within 2*Context lines.
            while (i < ops.Count && ops[i].Kind == ' ')
            {
                i++;
            }

            if (i == ops.Count)
            {
                break;
            }

            var start = Math.Max(0, i - Context);
            var end = i;
            while (true)
            {
                while (end < ops.Count && ops[end].Kind != ' ')
                {
                    end++;
                }

                var next = end;
                while (next < ops.Count && ops[next].Kind == ' ' && next - end < 2 * Context)
                {
                    next++;
                }

                if (next < ops.Count && ops[next].Kind != ' ' && next - end <= 2 * Context)
                {
                    end = next;
                    continue;
                }

                break;
            }

            var stop = Math.Min(ops.Count, end + Context);
            int oldStart = -1, newStart = -1, oldCount = 0, newCount = 0;
            for (var k = start; k < stop; k++)
            {
                var op = ops[k];
                if (op.Kind != '+')
                {
                    oldStart = oldStart < 0 ? op.OldIndex : oldStart;
                    oldCount++;
                }

                if (op.Kind != '-')
                {
                    newStart = newStart < 0 ? op.NewIndex : newStart;
                    newCount++;
                }
            }

            oldStart = oldCount == 0 ? OldPosition(ops, start) : oldStart + 1;
            newStart = newCount == 0 ? NewPosition(ops, start) : newStart + 1;
            builder.Append(string.Format(CultureInfo.InvariantCulture, "@@ -{0},{1} +{2},{3} @@\n", oldStart, oldCount, newStart, newCount));
            for (var k = start; k < stop; k++)
            {
                var op = ops[k];
                var line = op.Kind == '+' ? b[op.NewIndex] : a[op.OldIndex];
                builder.Append(op.Kind).Append(Printable(line)).Append('\n');
                if (!line.EndsWith('\n') && !line.EndsWith('\r'))
                {
                    builder.Append("\\ No newline at end of file\n");
                }
            }

            i = stop;
        }

        return builder.ToString();
    }

    /// <summary>The line without its break; a CR of a CRLF ending is kept visible as nothing (the
    /// diff is for reading), but a changed ending still shows as a changed line.</summary>
    private static string Printable(string line) => line.TrimEnd('\r', '\n');

    /// <summary>For an empty side of a hunk, the line number after which it applies.</summary>
    private static int OldPosition(List<Op> ops, int start)
    {
        for (var k = start - 1; k >= 0; k--)
        {
            if (ops[k].Kind != '+')
            {
                return ops[k].OldIndex + 1;
            }
        }

        return 0;
    }

    private static int NewPosition(List<Op> ops, int start)
    {
        for (var k = start - 1; k >= 0; k--)
        {
            if (ops[k].Kind != '-')
            {
                return ops[k].NewIndex + 1;
            }
        }

        return 0;
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text.Substring(start));
        }

        return lines;
    }

    private static List<Op> Diff(List<string> a, List<string> b)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
        {
            suffix++;
        }

        var ops = new List<Op>(a.Count + b.Count);
        for (var k = 0; k < prefix; k++)
        {
            ops.Add(new Op(' ', k, k));
        }

        var n = a.Count - prefix - suffix;
        var m = b.Count - prefix - suffix;
        if ((long)(n + 1) * (m + 1) > MaxCells)
        {
            for (var k = 0; k < n; k++)
            {
                ops.Add(new Op('-', prefix + k, prefix));
            }

            for (var k = 0; k < m; k++)
            {
                ops.Add(new Op('+', prefix + n, prefix + k));
            }
        }
        else
        {
            // Longest common subsequence table over the middle, filled from the end.
            var lcs = new int[n + 1, m + 1];
            for (var x = n - 1; x >= 0; x--)
            {
                for (var y = m - 1; y >= 0; y--)
                {
                    lcs[x, y] = a[prefix + x] == b[prefix + y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
                }
            }

            int i = 0, j = 0;
            while (i < n || j < m)
            {
                if (i < n && j < m && a[prefix + i] == b[prefix + j])
                {
                    ops.Add(new Op(' ', prefix + i, prefix + j));
                    i++;
                    j++;
                }
                else if (i < n && (j == m || lcs[i + 1, j] >= lcs[i, j + 1]))
                {
                    ops.Add(new Op('-', prefix + i, prefix + j));
                    i++;
                }
                else
                {
                    ops.Add(new Op('+', prefix + i, prefix + j));
                    j++;
                }
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            ops.Add(new Op(' ', a.Count - suffix + k, b.Count - suffix + k));
        }

        return ops;
    }

    private readonly record struct Op(char Kind, int OldIndex, int NewIndex);
}
