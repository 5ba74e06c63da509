using System;
using System.Globalization;

namespace ExecPlan.Validation.Diagnostics;

/// <summary>A region of a plan file. Lines and columns are 1-based; the end column is the column
/// just after the last character, as in compiler output <c>(line,col,endLine,endCol)</c>.</summary>
public readonly struct SourceSpan : IEquatable<SourceSpan>, IComparable<SourceSpan>
{
    public SourceSpan(int startLine, int startColumn, int endLine, int endColumn)
    {
        StartLine = startLine;
        StartColumn = startColumn;
        EndLine = endLine;
        EndColumn = endColumn;
    }

    public int StartLine { get; }

    public int StartColumn { get; }

    public int EndLine { get; }

    public int EndColumn { get; }

    /// <summary>The start of a file, used when there is nothing better to point at.</summary>
    public static SourceSpan FileStart { get; } = new(1, 1, 1, 1);

    public bool Equals(SourceSpan other) =>
        StartLine == other.StartLine && StartColumn == other.StartColumn &&
        EndLine == other.EndLine && EndColumn == other.EndColumn;

    public override bool Equals(object? obj) => obj is SourceSpan other && Equals(other);

    public override int GetHashCode() => ((StartLine * 397 ^ StartColumn) * 397 ^ EndLine) * 397 ^ EndColumn;

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

    public static bool operator ==(SourceSpan left, SourceSpan right) => left.Equals(right);

    public static bool operator !=(SourceSpan left, SourceSpan right) => !left.Equals(right);

    public static bool operator <(SourceSpan left, SourceSpan right) => left.CompareTo(right) < 0;

    public static bool operator >(SourceSpan left, SourceSpan right) => left.CompareTo(right) > 0;

    public static bool operator <=(SourceSpan left, SourceSpan right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SourceSpan left, SourceSpan right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture, "({0},{1},{2},{3})", StartLine, StartColumn, EndLine, EndColumn);
}
