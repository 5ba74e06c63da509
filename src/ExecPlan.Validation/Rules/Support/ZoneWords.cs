namespace ExecPlan.Validation.Rules.Support;

using System.Collections.Generic;

/// <summary>Which word after a timestamp's time names a zone, and which is a capitalised
/// abbreviation the table does not know (the message names it).</summary>
internal static class ZoneWords
{
    /// <summary>Time-zone abbreviations in use (upper case, as written): a timestamp followed by one
    /// of these has a zone. Ambiguous ones (IST, CST, BST) still name a zone, so they count.</summary>
    internal static readonly string[] ZoneAbbreviationList =
    [
        "Z", "UT", "UTC", "GMT", "WET", "WEST", "CET", "CEST", "MET", "MEST", "EET", "EEST", "MSK", "BST", "IST",
        "TRT", "GST", "AST", "ADT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT",
        "HST", "HDT", "NST", "NDT", "ET", "CT", "MT", "PT", "JST", "KST", "HKT", "SGT", "PHT", "ICT", "WIB",
        "WITA", "WIT", "MYT", "PKT", "NPT", "BDT", "AWST", "ACST", "ACDT", "AEST", "AEDT", "LHST", "NZST",
        "NZDT", "CHAST", "SAST", "CAT", "EAT", "WAT", "BRT", "BRST", "ART", "CLT", "CLST", "COT", "PET",
        "VET", "UYT", "PYT", "IRST", "IRDT", "AFT", "UZT", "ChST", "SST", "CHST", "AMT", "AZT",
    ];

    /// <summary>The table keyed by <see cref="AbbreviationKey"/>, so a word in the text is looked up
    /// without making a string of it (ordinal, as the words are ASCII).</summary>
    private static readonly HashSet<long> ZoneAbbreviations = BuildAbbreviationKeys();

    public static bool IsZone(string text, in TimestampMatch match)
    {
        if (match.Utc.Success || match.Sign.Success)
        {
            return true;
        }

        var abbr = match.Abbr;
        return IsKnownAbbreviation(text, abbr) || (abbr.Length == 1 && text[abbr.Index] == 'z');
    }

    public static bool IsUnknownAbbreviation(string text, in TimestampMatch match)
    {
        var abbr = match.Abbr;
        if (!abbr.Success || abbr.Length < 2)
        {
            return false;
        }

        // Written in capitals: each letter its own invariant upper case (the letters are BMP
        // characters, so per character is what the string's ToUpperInvariant does).
        for (var i = abbr.Index; i < abbr.End; i++)
        {
            if (char.ToUpperInvariant(text[i]) != text[i])
            {
                return false;
            }
        }

        return !IsKnownAbbreviation(text, abbr) && !IsAmPm(text, abbr);
    }

    private static bool IsAmPm(string text, GroupSpan word) =>
        word.Length == 2 && (text[word.Index] is 'a' or 'A' or 'p' or 'P') && (text[word.Index + 1] is 'm' or 'M');

    private static bool IsKnownAbbreviation(string text, GroupSpan word)
    {
        var key = AbbreviationKey(text, word.Index, word.Length);
        return key >= 0 && ZoneAbbreviations.Contains(key);
    }

    /// <summary>A word of at most five Latin-1 characters as a number, 8 bits a character below a
    /// leading 1 (so the length counts): equal keys, equal words. -1 for any other word, which the
    /// ASCII table cannot hold.</summary>
    private static long AbbreviationKey(string text, int start, int length)
    {
        if (length > 5)
        {
            return -1;
        }

        long key = 1;
        for (var i = start; i < start + length; i++)
        {
            if (text[i] > '\u00FF')
            {
                return -1;
            }

            key = (key << 8) | text[i];
        }

        return key;
    }

    private static HashSet<long> BuildAbbreviationKeys()
    {
        var keys = new HashSet<long>();
        foreach (var word in ZoneAbbreviationList)
        {
            keys.Add(AbbreviationKey(word, 0, word.Length));
        }

        return keys;
    }
}
