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

    /// <summary>The line of the last <see cref="LineIndexOf"/>: where the next lookup starts.</summary>
    private int _hint;

    public LineMap(string text)
    {
        // One vectorised pass over the breaks into a buffer kept per thread, then a copy of the
        // exact size. A text with more lines than the buffer holds is counted on and then filled
        // by a second pass, so the map never allocates more than its own array.
        var buffer = ThreadBuffer ??= new int[BufferLength];
        var count = 1;
        for (var i = NextBreak(text, 0); i >= 0; i = NextBreak(text, i))
        {
            if (count < buffer.Length)
            {
                buffer[count] = i;
            }

            count++;
        }

        var starts = new int[count];
        if (count <= buffer.Length)
        {
            Array.Copy(buffer, 1, starts, 1, count - 1);
        }
        else
        {
            var line = 1;
            for (var i = NextBreak(text, 0); i >= 0; i = NextBreak(text, i))
            {
                starts[line++] = i;
            }
        }

        _lineStarts = starts;
        _length = text.Length;
        _text = text;
    }

    /// <summary>Lines a plan can have for one pass (64 KB per thread; a 5 MB plan takes two).</summary>
    private const int BufferLength = 16 * 1024;

    [ThreadStatic]
    private static int[]? ThreadBuffer;

    private static readonly char[] Breaks = ['\r', '\n'];

    /// <summary>The start of the line after the first break at or after <paramref name="from"/>
    /// (\r\n is one break), or -1 when there is none.</summary>
    private static int NextBreak(string text, int from)
    {
        var i = from < text.Length ? text.IndexOfAny(Breaks, from) : -1;
        if (i < 0)
        {
            return -1;
        }

        return text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
    }

    private LineMap(int[] lineStarts, string text)
    {
        _lineStarts = lineStarts;
        _length = text.Length;
        _text = text;
    }

    /// <summary>The same lines over a text whose line breaks are where they were (an outer fence's
    /// lines blanked in place), without counting them again.</summary>
    internal LineMap WithText(string text) => new(_lineStarts, text);

    /// <summary>The text the map was built over.</summary>
    internal string Text => _text;

    /// <summary>The number of lines (a final line break starts one more, empty line).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The offset of the first character of a 0-based line.</summary>
    public int LineStart(int lineIndex) => _lineStarts[Math.Max(0, Math.Min(lineIndex, _lineStarts.Length - 1))];

    /// <summary>The offset just past the last character of a 0-based line, before its line break.</summary>
    public int LineEnd(int lineIndex)
    {
        lineIndex = Math.Max(0, Math.Min(lineIndex, _lineStarts.Length - 1));
        return lineIndex + 1 < _lineStarts.Length ? LineEndWithoutBreak(lineIndex, _lineStarts[lineIndex + 1]) : _length;
    }

    /// <summary>The text of a 0-based line, without its line break.</summary>
    public string LineText(int lineIndex)
    {
        var start = LineStart(lineIndex);
        return _text.Substring(start, LineEnd(lineIndex) - start);
    }

    /// <summary>Whether a 0-based line holds only white space, without allocating its text.</summary>
    public bool IsBlankLine(int lineIndex)
    {
        var end = LineEnd(lineIndex);
        for (var i = LineStart(lineIndex); i < end; i++)
        {
            if (!char.IsWhiteSpace(_text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a string holds only white space (or nothing).</summary>
    public static bool IsBlank(string line)
    {
        foreach (var c in line)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text of a line of <paramref name="text"/>, which has the same line breaks as
    /// the map's (the text of a plan, or a copy with characters replaced in place).</summary>
    internal static string LineText(string text, LineMap lines, int lineIndex) =>
        ReferenceEquals(text, lines._text) ? lines.LineText(lineIndex) : ScanLine(text, lines.LineStart(lineIndex));

    private static string ScanLine(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] != '\n' && text[end] != '\r')
        {
            end++;
        }

        return text.Substring(start, end - start);
    }

    /// <summary>The 0-based line holding an offset.</summary>
    public int LineIndexOf(int offset)
    {
        offset = Clamp(offset);
        var starts = _lineStarts;

        // Readers walk a plan mostly forwards: the line of the last lookup, or the next one, is
        // the answer most of the time. The hint is only a guess, checked before use, so a stale
        // value written by another thread costs a search, never a wrong line.
        var hint = _hint;
        int low;
        int high;
        if ((uint)hint < (uint)starts.Length && starts[hint] <= offset)
        {
            if (hint + 1 == starts.Length || offset < starts[hint + 1])
            {
                return hint;
            }

            if (hint + 2 == starts.Length || offset < starts[hint + 2])
            {
                _hint = hint + 1;
                return hint + 1;
            }

            low = hint + 2;
            high = starts.Length - 1;
        }
        else
        {
            low = 0;
            high = (uint)hint < (uint)starts.Length ? hint - 1 : starts.Length - 1;
        }

        // The last line in [low, high] starting at or before the offset (starts[0] is 0, and the
        // range always holds such a line).
        while (low < high)
        {
            var middle = low + ((high - low + 1) >> 1);
            if (starts[middle] <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        _hint = low;
        return low;
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
