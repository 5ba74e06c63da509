using System;
using System.Globalization;

namespace ExecPlan.Validation.Diagnostics;

/// <summary>A region of a plan file. Lines and columns are 1-based; the end column is the column
/// just after the last character, as in compiler output <c>(line,col,endLine,endCol)</c>. A plain
/// value: equality is the four numbers; order is by start, then end.</summary>
public readonly record struct SourceSpan(int StartLine, int StartColumn, int EndLine, int EndColumn) : IComparable<SourceSpan>
{
    /// <summary>The start of a file, used when there is nothing better to point at.</summary>
    public static SourceSpan FileStart { get; } = new(1, 1, 1, 1);

    public int CompareTo(SourceSpan other)
    {
        var c = StartLine.CompareTo(other.StartLine);
        if (c != 0)
        {
            return c;
        }

        c = StartColumn.CompareTo(other.StartColumn);
        if (c != 0)
        {
            return c;
        }

        c = EndLine.CompareTo(other.EndLine);
        return c != 0 ? c : EndColumn.CompareTo(other.EndColumn);
    }

    public static bool operator <(SourceSpan left, SourceSpan right) => left.CompareTo(right) < 0;

    public static bool operator >(SourceSpan left, SourceSpan right) => left.CompareTo(right) > 0;

    public static bool operator <=(SourceSpan left, SourceSpan right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SourceSpan left, SourceSpan right) => left.CompareTo(right) >= 0;

    /// <summary>The compiler form, <c>(line,col,endLine,endCol)</c>.</summary>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture, "({0},{1},{2},{3})", StartLine, StartColumn, EndLine, EndColumn);
}
