namespace ExecPlan.Analyzers;

using System;
using System.Collections.Generic;

/// <summary>
/// Character offsets of the library's 1-based lines and columns in a plan's text. Lines end where
/// the library ends them (\n, \r\n or a lone \r), so an offset points at the character the line and
/// column name; lines are found on demand, only as far as the diagnostics reach.
/// </summary>
internal sealed class LineOffsets
{
    private static readonly char[] LineBreaks = ['\r', '\n'];

    private readonly string _text;
    private readonly List<int> _starts;
    private bool _complete;

    public LineOffsets(string text)
    {
        _text = text;

        // Plan lines average under 64 characters: the guess rarely regrows (capped for huge texts).
        _starts = new List<int>(Math.Min(text.Length / 48, 4096) + 16) { 0 };
    }

    /// <summary>The offset of a 1-based line and column, kept within the line (a column past its
    /// end gives the line's end; a line past the last gives the last).</summary>
    public int Offset(int line, int column)
    {
        var index = Math.Max(0, line - 1);
        FindStartsThrough(index + 1);
        index = Math.Min(index, _starts.Count - 1);
        var start = _starts[index];

        // The library counts columns without a leading byte-order mark.
        var bom = index == 0 && _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
        return Math.Min(End(index), start + bom + Math.Max(0, column - 1));
    }

    private int End(int index)
    {
        if (index + 1 >= _starts.Count)
        {
            return _text.Length;
        }

        var next = _starts[index + 1];
        return next >= 2 && _text[next - 1] == '\n' && _text[next - 2] == '\r' && next - 2 >= _starts[index] ? next - 2 : next - 1;
    }

    private void FindStartsThrough(int index)
    {
        while (!_complete && _starts.Count <= index)
        {
            var from = _starts[_starts.Count - 1];
            var found = from < _text.Length ? _text.IndexOfAny(LineBreaks, from) : -1;
            if (found < 0)
            {
                _complete = true;
                return;
            }

            _starts.Add(_text[found] == '\r' && found + 1 < _text.Length && _text[found + 1] == '\n' ? found + 2 : found + 1);
        }
    }
}
