namespace ExecPlan.Validation.Rules.Support;

using System.Collections.Generic;
using ExecPlan.Validation.Model;

/// <summary>Shared logic of the entry rules (EXP030, EXP032, EXP033): which required fields an
/// entry lacks, each requirement satisfied by any of its accepted labels.</summary>
internal static class EntryChecks
{
    /// <summary>The entries of one section that should carry fields. "None yet." markers are
    /// excluded, and so are entries with no label at all written mostly in another script: the
    /// labels are English words, and asking a Chinese or Japanese log for them would only cry wolf.</summary>
    public static IEnumerable<PlanEntry> EntriesOf(PlanDocument plan, SectionKind section)
    {
        foreach (var entry in plan.Entries)
        {
            if (entry.Section == section && !entry.IsNoneMarker && !(entry.Fields.Count == 0 && TextScan.IsMostlyNonLatin(entry.Text)))
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

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string JoinAnd(List<string> names) => names.Count switch
    {
        0 => string.Empty,
        1 => names[0],
        _ => string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[names.Count - 1],
    };
}
