namespace ExecPlan.Validation.Reporting;

using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// The <c>partialFingerprints</c> value that lets code scanning follow one finding across commits.
/// It hashes what identifies the finding and not where it is: the rule ID, the file's path
/// relative to the repository, the flagged line's text (trimmed, inner whitespace collapsed) and
/// which occurrence of that same (rule, path, text) it is, counted from the top of the file. So
/// inserting or deleting lines elsewhere keeps the value; editing the flagged line changes it.
/// </summary>
internal static class SarifFingerprint
{
    /// <summary>The <c>partialFingerprints</c> key; versioned so the recipe can change without
    /// colliding with old values. (Not <c>primaryLocationLineHash</c>: GitHub's upload computes
    /// that one itself and warns when a log carries a different value.)</summary>
    public const string Key = "execplan/v1";

    /// <summary>The line's text as hashed: trimmed, each run of whitespace one space.</summary>
    public static string NormalizeLine(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(line!.Length);
        var space = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The fingerprint: 32 hex digits of SHA-256 over the parts, each length-prefixed.</summary>
    public static string Compute(string ruleId, string path, string normalizedLine, int occurrence)
    {
        var text = new StringBuilder();
        foreach (var part in new[] { ruleId.ToUpperInvariant(), path, normalizedLine, occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            text.Append(part.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(part).Append('\n');
        }

        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
        var hex = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    /// <summary>Numbers findings with the same (rule, path, line text) 1, 2, ... in file order:
    /// <paramref name="keys"/>[i] is finding i's key and <paramref name="orders"/>[i] its place
    /// in the file (line, column, message); the result is each finding's occurrence.</summary>
    public static int[] Occurrences(IReadOnlyList<string> keys, IReadOnlyList<(int Line, int Column, string Message)> orders)
    {
        var indices = new int[keys.Count];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = i;
        }

        Array.Sort(indices, (a, b) =>
        {
            var c = string.CompareOrdinal(keys[a], keys[b]);
            if (c == 0)
            {
                c = orders[a].Line.CompareTo(orders[b].Line);
            }

            if (c == 0)
            {
                c = orders[a].Column.CompareTo(orders[b].Column);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(orders[a].Message, orders[b].Message);
            }

            return c == 0 ? a.CompareTo(b) : c;
        });

        var result = new int[keys.Count];
        string? previous = null;
        var count = 0;
        foreach (var i in indices)
        {
            count = string.Equals(previous, keys[i], StringComparison.Ordinal) ? count + 1 : 1;
            previous = keys[i];
            result[i] = count;
        }

        return result;
    }
}
