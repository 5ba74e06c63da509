namespace ExecPlan.Validation.Profiles;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;

/// <summary>Section names as a PLANS.md writes them: cleaned of numbering and "optional", resolved
/// against the skeleton, and the paragraph that names the living sections.</summary>
public static partial class PlansFileDeriver
{
    private static (int Line, List<(DerivedSection Section, int Line)> Named)? FindLivingParagraph(List<List<Line>> paragraphs, List<DerivedSection> sections)
    {
        (int Line, List<(DerivedSection, int)> Named)? best = null;
        foreach (var paragraph in paragraphs)
        {
            var joined = string.Join(" ", paragraph.Select(l => l.Text.Trim()));
            if (!LivingWords.IsMatch(joined))
            {
                continue;
            }

            var named = new List<(DerivedSection, int)>();
            foreach (var line in paragraph)
            {
                foreach (Match m in QuotedName.Matches(line.Text))
                {
                    var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Value;
                    var section = Resolve(name, sections);
                    if (section is not null && !named.Any(n => ReferenceEquals(n.Item1, section)))
                    {
                        named.Add((section, line.Number));
                    }
                }
            }

            if (named.Count > 0 && (best is null || named.Count > best.Value.Named.Count))
            {
                best = (paragraph[0].Number, named);
            }
        }

        return best;
    }

    private static DerivedSection? Resolve(string name, List<DerivedSection> sections)
    {
        var normalized = SectionCatalog.Normalize(name);
        var exact = sections.FirstOrDefault(s => s.Normalized == normalized);
        if (exact is not null)
        {
            return exact;
        }

        var kind = SectionCatalog.Match(name);
        if (kind == SectionKind.Other)
        {
            return null;
        }

        var ofKind = sections.Where(s => s.Kind == kind).ToList();
        return ofKind.Count == 1 ? ofKind[0] : null;
    }

    private static string CleanName(string raw)
    {
        var name = raw.Trim().Trim('*', '_', '`').Trim();
        name = Numbering.Replace(name, string.Empty);
        return name.Trim().Trim('*', '_', '`', ':').Trim();
    }

    private static string StripOptional(string name)
    {
        var stripped = Regex.Replace(name, @"\s*[\(\[]\s*(?:optional|if applicable|if needed)\s*[\)\]]\s*$", string.Empty, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
        return stripped.Length > 0 ? stripped : name;
    }
}
