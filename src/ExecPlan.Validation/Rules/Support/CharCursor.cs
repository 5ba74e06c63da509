namespace ExecPlan.Validation.Rules.Support;

/// <summary>
/// Whether ranges of a text hold a character, for ranges asked about in (mostly) increasing order:
/// the next occurrence is found once for a run of ranges instead of searched for in each (a rule
/// that skips every block without a '&lt;' asks it of thousands of small blocks). It is the first
/// occurrence at or after the point last searched from, so a range starting at or after that point
/// holds one exactly when it lies before the range's end; a range starting earlier searches again.
/// </summary>
internal struct CharCursor
{
    private readonly string _text;
    private readonly char _char;
    private int _searchedFrom;
    private int _next;

    public CharCursor(string text, char c)
    {
        _text = text;
        _char = c;
        _searchedFrom = 0;
        _next = text.IndexOf(c);
        Any = _next >= 0;
    }

    /// <summary>Whether the text holds the character anywhere.</summary>
    public bool Any { get; }

    /// <summary>Whether <c>text[start..end)</c> holds the character.</summary>
    public bool In(int start, int end)
    {
        if (end <= start)
        {
            return false;
        }

        if (start < _searchedFrom || (_next >= 0 && _next < start))
        {
            _searchedFrom = start;
            _next = _text.IndexOf(_char, start);
        }

        return _next >= 0 && _next < end;
    }
}
