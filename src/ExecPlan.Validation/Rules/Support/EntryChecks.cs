namespace ExecPlan.Validation.Rules.Support;

using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;

/// <summary>Shared logic of the entry rules (EXP030, EXP032, EXP033): which required fields an
/// entry lacks, each requirement satisfied by any of its accepted labels, and how to name the
/// entry in a message.</summary>
internal static class EntryChecks
{
    private const int SummaryWords = 6;
    private const int SummaryChars = 48;

    private static readonly Regex LeadingDate = TextScan.Pattern(@"^[\s\-*+>_\[(]*\d{4}-\d{2}-\d{2}");

    private static readonly Regex LeadingMarks = TextScan.Pattern(@"^[\s#>]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?");

    /// <summary>The entries of one section that should carry fields. "None yet." markers are
    /// excluded, and so are entries with no label at all written mostly in another script: the
    /// labels are English words, and asking a Chinese or Japanese log for them would only cry wolf.</summary>
    public static IEnumerable<PlanEntry> EntriesOf(PlanDocument plan, SectionKind section)
    {
        foreach (var entry in plan.Entries)
        {
            if (entry.Section == section && !entry.IsNoneMarker && !(entry.IsUnlabelled && (TextScan.IsMostlyNonLatin(entry.Text) || TextScan.IsMostlyForeignWords(entry.Text))))
            {
                yield return entry;
            }
        }
    }

    /// <summary>The names of the requirements the entry does not meet, e.g. ["Likelihood", "Mitigation"].</summary>
    public static List<string> Missing(PlanEntry entry, params string[][] requirements)
    {
        var missing = new List<string>();
        foreach (var accepted in requirements)
        {
            var found = false;
            foreach (var label in accepted)
            {
                found |= entry.Has(label);
            }

            if (!found)
            {
                missing.Add(accepted[0]);
            }
        }

        return missing;
    }

    /// <summary>True when the entry opens with an ISO date ("2026-08-19 — Codex: ..."): it records
    /// when it was decided even without a 'Date:' label.</summary>
    public static bool StartsWithDate(PlanEntry entry)
    {
        if (LeadingDate.IsMatch(entry.Text))
        {
            return true;
        }

        return entry.Fields.Count > 0 && LeadingDate.IsMatch(entry.Fields[0].Value);
    }

    /// <summary>The entry's first words, quoted for a message: the primary field's value when it
    /// has one, else its first line without list marks and emphasis.</summary>
    public static string Summary(PlanEntry entry, string primaryLabel)
    {
        string source;
        if (entry.Fields.Count > 0 && entry.Fields[0].Label == primaryLabel && entry.Fields[0].Value.Trim().Length > 0)
        {
            source = entry.Fields[0].Value;
        }
        else
        {
            source = entry.Text;
        }

        var cut = source.IndexOfAny(['\r', '\n']);
        var line = cut < 0 ? source : source.Substring(0, cut);
        line = LeadingMarks.Replace(line, string.Empty).Replace("**", string.Empty).Replace("__", string.Empty).Trim();
        var words = line.Split([' ', '\t'], System.StringSplitOptions.RemoveEmptyEntries);
        var result = new StringBuilder();
        var shortened = false;
        foreach (var word in words)
        {
            if (result.Length > 0 && (result.Length + word.Length + 1 > SummaryChars || CountWords(result) >= SummaryWords))
            {
                shortened = true;
                break;
            }

            if (result.Length > 0)
            {
                result.Append(' ');
            }

            result.Append(word.Length > SummaryChars ? word.Substring(0, SummaryChars) : word);
            shortened |= word.Length > SummaryChars;
        }

        return "'" + result.ToString().TrimEnd(',', ';', ':', '.') + (shortened ? "…'" : "'");
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string JoinAnd(List<string> names) => names.Count switch
    {
        0 => string.Empty,
        1 => names[0],
        _ => string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[names.Count - 1],
    };

    private static int CountWords(StringBuilder text)
    {
        var count = 1;
        for (var i = 0; i < text.Length; i++)
        {
            count += text[i] == ' ' ? 1 : 0;
        }

        return count;
    }
}
