namespace ExecPlan.Validation.Rules.Support;

using System;
using System.Collections.Generic;
using System.Text;
using ExecPlan.Validation.Model;

/// <summary>Shared logic of the entry rules (EXP030, EXP032, EXP033): which required fields an
/// entry lacks, each requirement satisfied by any of its accepted labels, and how to name the
/// entry in a message.</summary>
internal static class EntryChecks
{
    private const int SummaryWords = 6;
    private const int SummaryChars = 48;

    /// <summary>Whether an entry of <paramref name="section"/> should carry fields. "None yet." markers
    /// are excluded, and so are entries with no label at all written mostly in another script: the
    /// labels are English words, and asking a Chinese or Japanese log for them would only cry wolf.</summary>
    public static bool ShouldCarryFields(PlanEntry entry, SectionKind section) =>
        entry.Section == section && !entry.IsNoneMarker && !(entry.IsUnlabelled && (TextScan.IsMostlyNonLatin(entry.Text) || TextScan.IsMostlyForeignWords(entry.Text)));

    /// <summary>The names of the requirements the entry does not meet, e.g. ["Likelihood", "Mitigation"],
    /// or null when it meets them all (the usual case, so no list is built for it).</summary>
    public static List<string>? Missing(PlanEntry entry, string[][] requirements)
    {
        List<string>? missing = null;
        foreach (var accepted in requirements)
        {
            var found = false;
            foreach (var label in accepted)
            {
                found |= entry.Has(label);
            }

            if (!found)
            {
                (missing ??= new List<string>(requirements.Length)).Add(accepted[0]);
            }
        }

        return missing;
    }

    /// <summary>True when the entry opens with an ISO date ("2026-08-19 — Codex: ..."): it records
    /// when it was decided even without a 'Date:' label.</summary>
    public static bool StartsWithDate(PlanEntry entry) =>
        OpensWithDate(entry.Text) || (entry.Fields.Count > 0 && OpensWithDate(entry.Fields[0].Value));

    /// <summary>White space and the marks '-', '*', '+', '>', '_', '[', '(' (any number), then
    /// NNNN-NN-NN in decimal digits of any script: a scan where a regex cost its set-up per entry.</summary>
    private static bool OpensWithDate(string text)
    {
        var i = 0;
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] is '-' or '*' or '+' or '>' or '_' or '[' or '('))
        {
            i++;
        }

        return Digits(text, i, 4) && Dash(text, i + 4) && Digits(text, i + 5, 2) && Dash(text, i + 7) && Digits(text, i + 8, 2);
    }

    private static bool Dash(string text, int at) => at < text.Length && text[at] == '-';

    private static bool Digits(string text, int from, int count)
    {
        if (from + count > text.Length)
        {
            return false;
        }

        for (var i = from; i < from + count; i++)
        {
            if (!char.IsDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The entry's first words, quoted for a message: the primary field's value when it
    /// has one, else its first line without list marks and emphasis.</summary>
    public static string Summary(PlanEntry entry, string primaryLabel)
    {
        string source;
        if (entry.Fields.Count > 0 && entry.Fields[0].Label == primaryLabel && !string.IsNullOrWhiteSpace(entry.Fields[0].Value))
        {
            source = entry.Fields[0].Value;
        }
        else
        {
            source = entry.Text;
        }

        // The first line without its leading marks and emphasis, trimmed; copied only when it
        // holds emphasis to drop (the usual summary reads the source in place).
        var cut = source.IndexOfAny(LineBreaks);
        var line = cut < 0 ? source : source.Substring(0, cut);
        var from = LeadingMarksLength(line);
        if (line.IndexOf("**", from, StringComparison.Ordinal) >= 0 || line.IndexOf("__", from, StringComparison.Ordinal) >= 0)
        {
            line = line.Substring(from).Replace("**", string.Empty).Replace("__", string.Empty);
            from = 0;
        }

        var to = line.Length;
        while (from < to && char.IsWhiteSpace(line[from]))
        {
            from++;
        }

        while (to > from && char.IsWhiteSpace(line[to - 1]))
        {
            to--;
        }

        // Words split at spaces and tabs, joined by one space, at most SummaryWords of them and
        // SummaryChars characters (a longer first word is cut).
        var result = new StringBuilder(SummaryChars + 4).Append('\'');
        var shortened = false;
        var words = 0;
        for (var i = from; i < to;)
        {
            if (line[i] is ' ' or '\t')
            {
                i++;
                continue;
            }

            var wordEnd = i;
            while (wordEnd < to && line[wordEnd] is not (' ' or '\t'))
            {
                wordEnd++;
            }

            var length = wordEnd - i;
            var written = result.Length - 1;
            if (written > 0 && (written + length + 1 > SummaryChars || words >= SummaryWords))
            {
                shortened = true;
                break;
            }

            if (written > 0)
            {
                result.Append(' ');
            }

            result.Append(line, i, Math.Min(length, SummaryChars));
            shortened |= length > SummaryChars;
            words++;
            i = wordEnd;
        }

        while (result.Length > 1 && result[result.Length - 1] is ',' or ';' or ':' or '.')
        {
            result.Length--;
        }

        return result.Append(shortened ? "…'" : "'").ToString();
    }

    private static readonly char[] LineBreaks = ['\r', '\n'];

    /// <summary>
    /// The length of a line's leading marks: white space, '#' and '&gt;', then optionally a list
    /// marker ('-', '*', '+', or one to three digits and '.' or ')') with spaces or tabs after it,
    /// then optionally a checkbox ('[ ]', '[x]') with spaces or tabs after it. A scan where a
    /// regex replacement ran for every summary.
    /// </summary>
    internal static int LeadingMarksLength(string line)
    {
        var i = 0;
        while (i < line.Length && (char.IsWhiteSpace(line[i]) || line[i] is '#' or '>'))
        {
            i++;
        }

        var marker = 0;
        if (i < line.Length && line[i] is '-' or '*' or '+')
        {
            marker = 1;
        }
        else
        {
            var digits = 0;
            while (i + digits < line.Length && char.IsDigit(line[i + digits]))
            {
                digits++;
            }

            marker = digits is >= 1 and <= 3 && i + digits < line.Length && line[i + digits] is '.' or ')' ? digits + 1 : 0;
        }

        if (marker > 0)
        {
            i = SpacesAfter(line, i + marker, i);
        }

        if (i + 2 < line.Length && line[i] == '[' && line[i + 1] is ' ' or 'x' or 'X' && line[i + 2] == ']')
        {
            i = SpacesAfter(line, i + 3, i);
        }

        return i;
    }

    /// <summary>The offset past one or more spaces or tabs at <paramref name="from"/>, or
    /// <paramref name="without"/> when there are none (the optional part then does not match).</summary>
    private static int SpacesAfter(string line, int from, int without)
    {
        var i = from;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        return i > from ? i : without;
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string JoinAnd(List<string> names) => names.Count switch
    {
        0 => string.Empty,
        1 => names[0],
        _ => string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[names.Count - 1],
    };
}
