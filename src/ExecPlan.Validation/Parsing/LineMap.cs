namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Diagnostics;

/// <summary>Turns character offsets into 1-based line and column numbers. Lines end at \n, \r\n or a
/// lone \r, the same as Markdig and editors count them.</summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly int _length;
    private readonly string _text;

    public LineMap(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = starts.ToArray();
        _length = text.Length;
        _text = text;
    }

    /// <summary>The number of lines (a final line break starts one more, empty line).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The offset of the first character of a 0-based line.</summary>
    public int LineStart(int lineIndex) => _lineStarts[Math.Max(0, Math.Min(lineIndex, _lineStarts.Length - 1))];

    /// <summary>The 0-based line holding an offset.</summary>
    public int LineIndexOf(int offset)
    {
        offset = Clamp(offset);
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>The span of the characters [start, endExclusive).</summary>
    public SourceSpan Span(int start, int endExclusive)
    {
        start = Clamp(start);
        endExclusive = Math.Max(start, Clamp(endExclusive));
        var startLine = LineIndexOf(start);
        var endLine = LineIndexOf(endExclusive);

        // An end that falls at the start of a line belongs to the end of the previous one.
        if (endExclusive > start && endLine > startLine && _lineStarts[endLine] == endExclusive)
        {
            endLine--;
            endExclusive = LineEndWithoutBreak(endLine, endExclusive);
        }

        return new SourceSpan(
            startLine + 1,
            start - _lineStarts[startLine] + 1,
            endLine + 1,
            endExclusive - _lineStarts[endLine] + 1);
    }

    /// <summary>The span of one character (or of the empty end of the file).</summary>
    public SourceSpan Point(int offset) => Span(offset, Math.Min(_length, offset + 1));

    private int LineEndWithoutBreak(int lineIndex, int nextLineStart)
    {
        var end = nextLineStart;
        var lineStart = _lineStarts[lineIndex];
        while (end > lineStart && (_text[end - 1] == '\n' || _text[end - 1] == '\r'))
        {
            end--;
        }

        return end;
    }

    private int Clamp(int offset) => Math.Max(0, Math.Min(offset, _length));
}
