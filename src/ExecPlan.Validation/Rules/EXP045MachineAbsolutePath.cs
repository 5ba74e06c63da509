namespace ExecPlan.Validation.Rules;

using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;
using Markdig.Syntax;

/// <summary>
/// EXP045: a path that starts at one machine's home folder or checkout location
/// (<c>C:\Users\dana\...</c>, <c>D:\src\...</c>, <c>/home/dana/...</c>, <c>/Users/dana/...</c>,
/// <c>/root/...</c>, <c>/mnt/c/Users/dana/...</c>) where the skill asks for repository-relative
/// paths. Silent on: URLs (the path part of <c>https://host/home/x</c>, and <c>file://</c> links),
/// system paths that are the same on every machine (<c>/usr</c>, <c>/etc</c>, <c>/tmp</c>,
/// <c>/var</c>, <c>C:\Windows</c>, <c>C:\Program Files</c>), <c>~/</c> paths, placeholders
/// (<c>/home/&lt;user&gt;/</c>, <c>/home/$USER/</c>, <c>/home/user/</c>), and code-block lines
/// that are output rather than a command (only prompt lines and <c>cd</c> lines of a block are read).
/// At most <see cref="MaxPerFile"/> findings per plan.
/// </summary>
public sealed class EXP045MachineAbsolutePath : PlanRule
{
    private const int MaxPerFile = 10;

    // The character before a path must not make it part of a URL, a longer path or a word.
    private const string Before = @"(?<![\p{L}\p{N}_:/\\.\-~$%}@])";

    private const string NameChars = @"[^\s/\\<>{}$%*`'""|()\[\]]";

    /// <summary>Built for the first region that may hold a path, not when the rule is first used.</summary>
    private static class Patterns
    {
        // Case-sensitive: '/Users/' is macOS, '/users/42' is a web route. A home path needs a segment
        // after the user name ('/home/about' alone is more likely a route than a home folder).
        public static readonly Regex UnixHome = new(
            Before + @"(?<path>(?:/mnt/[a-z])?/(?:home|Users)/(?<name>" + NameChars + @"+)/[^\s<>`'""|()\[\]]+|/root/[^\s<>`'""|()\[\]]+)",
            RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(2));

        public static readonly Regex WindowsDrive = TextScan.Pattern(
            Before + @"(?<path>[A-Za-z]:[\\/](?!(?:Windows|WINNT|Program[ ]?Files|ProgramData)\b)(?<first>[^\\/\s<>`'""|*?]+)(?:[\\/][^\s<>`'""|*?]*)*)");

        public static readonly Regex GenericName = TextScan.Pattern(
            @"^(?:user|username|user-name|user_name|you|your-?name|yourname|your_name|yourusername|me|name|someone|somebody|example|foo|xxx+|\.\.\.|…|shared|guest|runner|ubuntu|vagrant|ec2-user|linuxbrew)$");

        public static readonly Regex CommandLine = TextScan.Pattern(@"^[ \t]*(?:(?:[$%>#]|PS[^>\r\n]{0,60}>)[ \t]+|(?:cd|pushd|cp|mv|ln|export|set|source)[ \t]+)");
    }

    public override RuleDescriptor Descriptor => RuleCatalog.EXP045;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        // The text a reader reads as prose (paragraphs, headings, table cells, list items), and the
        // command lines of code blocks; one walk of the shared block list, no iterators.
        var text = plan.Text;
        if (!MayHoldAnyPath(text))
        {
            // Most plans: no home-folder marker and no drive path anywhere, so no block can hold one.
            return;
        }

        var reported = 0;
        var blocks = plan.AllBlocks;
        for (var b = 0; b < blocks.Count && reported <= MaxPerFile; b++)
        {
            var block = blocks[b];
            if (block is CodeBlock)
            {
                var first = plan.Lines.LineIndexOf(block.Span.Start);
                var last = plan.Lines.LineIndexOf(System.Math.Min(text.Length, block.Span.End));
                for (var line = first; line <= last && reported <= MaxPerFile; line++)
                {
                    var lineStart = plan.Lines.LineStart(line);
                    var lineEnd = lineStart;
                    while (lineEnd < text.Length && text[lineEnd] != '\n' && text[lineEnd] != '\r')
                    {
                        lineEnd++;
                    }

                    if (lineEnd > lineStart && MayHoldPath(text, lineStart, lineEnd) && Patterns.CommandLine.IsMatch(text.Substring(lineStart, lineEnd - lineStart)))
                    {
                        reported = Report(plan, context, lineStart, lineEnd, reported);
                    }
                }
            }
            else if (block is ParagraphBlock or HeadingBlock)
            {
                reported = Report(plan, context, block.Span.Start, System.Math.Min(text.Length, block.Span.End + 1), reported);
            }
        }
    }

    /// <summary>Reports the paths of one region; returns the count so far (past the cap: stop).</summary>
    private static int Report(PlanDocument plan, RuleContext context, int start, int end, int reported)
    {
        var text = plan.Text;
        if (!MayHoldPath(text, start, end))
        {
            return reported;
        }

        foreach (var (pathStart, pathEnd) in Paths(text, start, end))
        {
            if (reported++ >= MaxPerFile)
            {
                return reported;
            }

            var path = text.Substring(pathStart, pathEnd - pathStart);
            context.Report(plan.Lines.Span(pathStart, pathEnd),
                $"'{path}' exists on one machine only; name it relative to the repository root (or through an environment variable such as $HOME).");
        }

        return reported;
    }

    // Cheap test before any regex: a home path needs one of its markers, a drive path a letter,
    // ':' and a slash with nothing before the letter that the pattern's look-behind refuses (so a
    // URL's 'https://' does not send every paragraph with a link through both patterns). A
    // superset of what the patterns can match: any non-ASCII character may be a drive letter.
    // One pass over the '/' and ':' of the region.
    internal static bool MayHoldPath(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var found = text.AsSpan(i, end - i).IndexOfAny('/', ':');
            if (found < 0)
            {
                return false;
            }

            i += found;
            if (text[i] == '/')
            {
                if (At(text, i, end, "/home/") || At(text, i, end, "/Users/") || At(text, i, end, "/root/"))
                {
                    return true;
                }
            }
            else if (i + 1 < end && text[i + 1] is '\\' or '/' && i - 1 >= start && MayBeDriveLetter(text[i - 1]) &&
                (i - 2 < start || !RefusedBeforePath(text[i - 2])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether any region of the plan may hold a path (<see cref="MayHoldPath"/> on the whole
    /// text), with vectorised searches for the markers instead of a stop at every '/' and ':'.
    /// A superset of every region's answer: a region's drive check treats its first character as
    /// having nothing before it, and the character before a region (a paragraph's, a heading's or
    /// a code line's first one) is a line break, a space, a tab or a quote's '&gt;', none of which
    /// the look-behind refuses, so reading the character before it gives the same answer.
    /// </summary>
    internal static bool MayHoldAnyPath(string text)
    {
        if (text.IndexOf("/home/", StringComparison.Ordinal) >= 0 || text.IndexOf("/Users/", StringComparison.Ordinal) >= 0 ||
            text.IndexOf("/root/", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        return MayHoldDrivePath(text, ":\\") || MayHoldDrivePath(text, ":/");
    }

    private static bool MayHoldDrivePath(string text, string colonAndSlash)
    {
        for (var i = text.IndexOf(colonAndSlash, StringComparison.Ordinal); i >= 0; i = text.IndexOf(colonAndSlash, i + 1, StringComparison.Ordinal))
        {
            if (i >= 1 && MayBeDriveLetter(text[i - 1]) && (i < 2 || !RefusedBeforePath(text[i - 2])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool At(string text, int index, int end, string marker) =>
        index + marker.Length <= end && string.CompareOrdinal(text, index, marker, 0, marker.Length) == 0;

    private static bool MayBeDriveLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c > '\u007F';

    // The characters of the look-behind in 'Before' (letters and digits of any script included).
    private static bool RefusedBeforePath(char c) =>
        char.IsLetter(c) || (c >= '0' && c <= '9') || c is '_' or ':' or '/' or '\\' or '.' or '-' or '~' or '$' or '%' or '}' or '@';

    private static List<(int Start, int End)> Paths(string text, int start, int end)
    {
        var found = new List<(int, int)>();
        var region = text.Substring(start, end - start);
        foreach (Match match in Patterns.UnixHome.Matches(region))
        {
            var name = match.Groups["name"];
            if ((name.Success && Patterns.GenericName.IsMatch(name.Value)) || ContinuesAsPlaceholder(region, match))
            {
                continue;
            }

            found.Add(Trimmed(start, match.Groups["path"]));
        }

        foreach (Match match in Patterns.WindowsDrive.Matches(region))
        {
            var path = match.Groups["path"].Value;
            if (path.IndexOf(@"path\to", System.StringComparison.OrdinalIgnoreCase) >= 0 ||
                path.IndexOf("path/to", System.StringComparison.OrdinalIgnoreCase) >= 0 || IsGenericUser(path) ||
                ContinuesAsPlaceholder(region, match))
            {
                continue;
            }

            found.Add(Trimmed(start, match.Groups["path"]));
        }

        found.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return found;
    }

    // 'C:\Users\<name>\...' or '/home/dana/$PROJECT': the path is a template, not a machine's.
    private static bool ContinuesAsPlaceholder(string region, Match match)
    {
        var next = match.Index + match.Length;
        return next < region.Length && region[next] is '<' or '{' or '$' or '%';
    }

    private static bool IsGenericUser(string path)
    {
        var parts = path.Split('\\', '/');
        return parts.Length >= 3 && parts[1].Equals("Users", System.StringComparison.OrdinalIgnoreCase) && Patterns.GenericName.IsMatch(parts[2]);
    }

    // A path ends before trailing sentence punctuation.
    private static (int Start, int End) Trimmed(int offset, Group group)
    {
        var start = offset + group.Index;
        var length = group.Length;
        while (length > 1 && group.Value[length - 1] is '.' or ',' or ';' or ':' or '!' or '?')
        {
            length--;
        }

        return (start, start + length);
    }
}
