// One job over 300 lines: the section-glob grammar and its translation to a regex, kept whole so it reads against Roslyn's (GlobParityTests, RandomizedParityTests).
namespace ExecPlan.Validation.Configuration;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

/// <summary>
/// A compiled .editorconfig section name (a glob). The grammar and its translation follow the C#
/// compiler's reading of the EditorConfig specification:
/// <list type="bullet">
/// <item><description>a name without <c>/</c> matches the file name at any depth below the config's directory;</description></item>
/// <item><description>a name with <c>/</c> is relative to the config's directory (a leading <c>/</c> is optional);</description></item>
/// <item><description><c>*</c> matches any run of characters except <c>/</c>, <c>**</c> any run including <c>/</c>,
/// <c>?</c> any one character, <c>[abc]</c>/<c>[!abc]</c>/<c>[a-z]</c> character classes, <c>{a,b}</c> alternatives
/// (nestable), <c>{n..m}</c> integer ranges (either order, optional minus sign), and <c>\</c> escapes the next character;</description></item>
/// <item><description>matching is case-sensitive (ordinal), as in Roslyn, on every operating system.</description></item>
/// </list>
/// As in Roslyn, <c>**/x</c> needs at least one directory before <c>x</c> when it starts the section
/// name (<c>[**/plans/*.md]</c> does not match <c>plans/a.md</c> next to the .editorconfig), and a
/// malformed name (unclosed <c>[</c> or <c>{</c>, stray <c>,</c> or <c>}</c>, trailing <c>\</c>) matches nothing.
/// </summary>
internal sealed class SectionGlob
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private readonly Regex _regex;
    private readonly List<(int Min, int Max)> _ranges;

    private SectionGlob(Regex regex, List<(int Min, int Max)> ranges)
    {
        this._regex = regex;
        this._ranges = ranges;
    }

    /// <summary>Compiles a section name; null when the name is malformed (such a section never applies).</summary>
    public static SectionGlob? TryCreate(string sectionName)
    {
        var sb = new StringBuilder("^");
        if (sectionName.IndexOf('/') < 0)
        {
            sb.Append(".*/");
        }
        else if (sectionName[0] != '/')
        {
            sb.Append('/');
        }

        var ranges = new List<(int Min, int Max)>();
        var reader = new GlobReader(sectionName);
        if (!CompileSequence(reader, sb, insideBraces: false, ranges))
        {
            return null;
        }

        sb.Append('$');
        try
        {
            return new SectionGlob(new Regex(sb.ToString(), RegexOptions.CultureInvariant, MatchTimeout), ranges);
        }
        catch (ArgumentException)
        {
            // A character class the regex engine rejects (for example [z-a]): the section never applies.
            return null;
        }
    }

    /// <summary>Matches a path relative to the config's directory, starting with '/'.</summary>
    public bool IsMatch(string relativePath)
    {
        Match match;
        try
        {
            match = this._regex.Match(relativePath);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }

        if (!match.Success)
        {
            return false;
        }

        for (int i = 0; i < this._ranges.Count; i++)
        {
            if (!int.TryParse(match.Groups[i + 1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
                || value < this._ranges[i].Min
                || value > this._ranges[i].Max)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the name is an absolute path without glob syntax (after unescaping), as
    /// global config section names must be; <paramref name="unescaped"/> is the literal path.</summary>
    public static bool TryGetAbsoluteLiteralPath(string sectionName, out string unescaped)
    {
        var sb = new StringBuilder(sectionName.Length);
        var reader = new GlobReader(sectionName);
        unescaped = string.Empty;
        while (!reader.AtEnd)
        {
            switch (reader.Next(out char c))
            {
                case Token.Literal:
                    sb.Append(c);
                    break;
                default:
                    return false;
            }
        }

        string literal = sb.ToString();
        bool absolute = literal.StartsWith("/", StringComparison.Ordinal)
            || (System.IO.Path.DirectorySeparatorChar == '\\' && literal.Length >= 3 && literal[1] == ':' && literal[2] == '/');
        if (!absolute)
        {
            return false;
        }

        unescaped = literal;
        return true;
    }

    private static bool CompileSequence(GlobReader reader, StringBuilder sb, bool insideBraces, List<(int Min, int Max)> ranges)
    {
        while (!reader.AtEnd)
        {
            int start = reader.Position;
            switch (reader.Next(out char c))
            {
                case Token.Bad:
                    return false;
                case Token.Literal:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
                case Token.Question:
                    sb.Append('.');
                    break;
                case Token.Star:
                    sb.Append("[^/]*");
                    break;
                case Token.StarStar:
                    sb.Append(".*");
                    break;
                case Token.OpenBracket:
                    if (!CompileClass(reader, sb))
                    {
                        return false;
                    }

                    break;
                case Token.OpenBrace:
                    reader.Position = start;
                    if (TryReadRange(reader, out int low, out int high))
                    {
                        ranges.Add(low <= high ? (low, high) : (high, low));
                        sb.Append("(-?[0-9]+)");
                    }
                    else if (reader.Position == start)
                    {
                        if (!CompileAlternatives(reader, sb, ranges))
                        {
                            return false;
                        }
                    }
                    else
                    {
                        // {n..m} with numbers that do not fit an int.
                        return false;
                    }

                    break;
                case Token.CloseBrace:
                case Token.Comma:
                    // Ends one alternative inside {...}; anywhere else it is a syntax error.
                    return insideBraces;
            }
        }

        // Running out of text inside {...} means the brace was never closed.
        return !insideBraces;
    }

    private static bool CompileAlternatives(GlobReader reader, StringBuilder sb, List<(int Min, int Max)> ranges)
    {
        reader.Position++; // the '{'
        sb.Append("(?:");
        while (CompileSequence(reader, sb, insideBraces: true, ranges))
        {
            if (reader.Position == 0 || reader.AtEndWithoutTerminator)
            {
                return false;
            }

            char last = reader.Previous;
            if (last == ',')
            {
                sb.Append('|');
            }
            else if (last == '}')
            {
                sb.Append(')');
                return true;
            }
            else
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Reads <c>{n..m}</c>. On success the reader is after the '}'. When the text is not a
    /// range the reader is left at the '{'; when it is a range whose numbers overflow, the reader is
    /// moved past it and false is returned.</summary>
    private static bool TryReadRange(GlobReader reader, out int low, out int high)
    {
        low = high = 0;
        int saved = reader.Position;
        reader.Position++; // '{'
        string? first = reader.ReadNumber();
        if (first is null || !reader.TryTake('.') || !reader.TryTake('.'))
        {
            reader.Position = saved;
            return false;
        }

        string? second = reader.ReadNumber();
        if (second is null || !reader.TryTake('}'))
        {
            reader.Position = saved;
            return false;
        }

        if (int.TryParse(first, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out low)
            && int.TryParse(second, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out high))
        {
            return true;
        }

        return false;
    }

    private static bool CompileClass(GlobReader reader, StringBuilder sb)
    {
        sb.Append('[');
        if (!reader.AtEnd && reader.Current == '!')
        {
            sb.Append('^');
            reader.Position++;
        }

        while (!reader.AtEnd)
        {
            char c = reader.Take();
            switch (c)
            {
                case '-':
                    sb.Append('-');
                    break;
                case '\\':
                    if (reader.AtEnd)
                    {
                        return false;
                    }

                    sb.Append('\\').Append(reader.Take());
                    break;
                case ']':
                    sb.Append(']');
                    return true;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return false;
    }

    private enum Token
    {
        Bad,
        Literal,
        Question,
        Star,
        StarStar,
        OpenBracket,
        OpenBrace,
        CloseBrace,
        Comma,
    }

    private sealed class GlobReader
    {
        private readonly string _text;

        public GlobReader(string text) => this._text = text;

        public int Position { get; set; }

        public bool AtEnd => this.Position >= this._text.Length;

        /// <summary>True when the text ended before the terminator of an alternative was read.</summary>
        public bool AtEndWithoutTerminator => this.Position > this._text.Length;

        public char Current => this._text[this.Position];

        public char Previous => this._text[this.Position - 1];

        public char Take() => this._text[this.Position++];

        public bool TryTake(char expected)
        {
            if (!this.AtEnd && this._text[this.Position] == expected)
            {
                this.Position++;
                return true;
            }

            return false;
        }

        public Token Next(out char literal)
        {
            literal = '\0';
            char c = this._text[this.Position++];
            switch (c)
            {
                case '*':
                    if (!this.AtEnd && this._text[this.Position] == '*')
                    {
                        this.Position++;
                        return Token.StarStar;
                    }

                    return Token.Star;
                case '?':
                    return Token.Question;
                case '[':
                    return Token.OpenBracket;
                case '{':
                    return Token.OpenBrace;
                case '}':
                    return Token.CloseBrace;
                case ',':
                    return Token.Comma;
                case '\\':
                    if (this.AtEnd)
                    {
                        return Token.Bad;
                    }

                    literal = this._text[this.Position++];
                    return Token.Literal;
                default:
                    literal = c;
                    return Token.Literal;
            }
        }

        /// <summary>An optional '-' then digits (char.IsDigit); null when there are no digits.</summary>
        public string? ReadNumber()
        {
            int start = this.Position;
            if (!this.AtEnd && this._text[this.Position] == '-')
            {
                this.Position++;
            }

            int digitsStart = this.Position;
            while (!this.AtEnd && char.IsDigit(this._text[this.Position]))
            {
                this.Position++;
            }

            if (this.Position == digitsStart)
            {
                this.Position = start;
                return null;
            }

            return this._text.Substring(start, this.Position - start);
        }
    }
}
