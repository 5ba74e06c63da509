namespace ExecPlan.Validation.Parsing;

using System.Collections.Generic;
using ExecPlan.Validation.Model;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

/// <summary>Groups the top-level blocks under the headings: the sections at the plan's section
/// level (the shallowest level a known section is written at), the known sections written only
/// deeper, and the preamble between the title and the first section.</summary>
internal static class SectionBuilder
{
    public static List<PlanSection> Build(List<Block> topBlocks, List<PlanHeading> headings, List<int> headingIndex, PlanHeading? title)
    {
        var sectionLevel = int.MaxValue;
        foreach (var h in headings)
        {
            if (!ReferenceEquals(h, title) && h.Kind != SectionKind.Other && h.Level < sectionLevel)
            {
                sectionLevel = h.Level;
            }
        }

        sectionLevel = sectionLevel == int.MaxValue ? 2 : sectionLevel;

        // Where several headings at the section level name one section, the closest matches
        // keep it ("## Validation and Acceptance" over "## Milestone 2: Validation"); the looser
        // ones are ordinary headings, so they neither repeat (EXP003) nor steal the section.
        // By kind in arrays (no dictionary or set keyed by the enum).
        var bestStrength = new SectionMatchStrength[SectionKinds.Count];
        var hasStrength = new bool[SectionKinds.Count];
        for (var h = 0; h < headings.Count; h++)
        {
            var heading = headings[h];
            var kind = (int)heading.Kind;
            if (!ReferenceEquals(heading, title) && heading.Level == sectionLevel && heading.Kind != SectionKind.Other
                && (!hasStrength[kind] || heading.MatchStrength > bestStrength[kind]))
            {
                bestStrength[kind] = heading.MatchStrength;
                hasStrength[kind] = true;
            }
        }

        for (var h = 0; h < headings.Count; h++)
        {
            var heading = headings[h];
            if (!ReferenceEquals(heading, title) && heading.Level == sectionLevel && heading.Kind != SectionKind.Other
                && heading.MatchStrength < bestStrength[(int)heading.Kind])
            {
                headings[h] = heading.AsOther();
            }
        }

        // Sized once: a plan of many sections would otherwise regrow the list on the large
        // object heap, and each such allocation brings a full collection nearer.
        var primaryCount = 0;
        for (var h = 0; h < headings.Count; h++)
        {
            if (!ReferenceEquals(headings[h], title) && headings[h].Level == sectionLevel)
            {
                primaryCount++;
            }
        }

        var sections = new List<PlanSection>(primaryCount);
        var primaryKinds = new bool[SectionKinds.Count];
        for (var h = 0; h < headings.Count; h++)
        {
            var heading = headings[h];
            if (!ReferenceEquals(heading, title) && heading.Level == sectionLevel)
            {
                sections.Add(MakeSection(topBlocks, headings, headingIndex, h, isPrimary: true));
                primaryKinds[(int)heading.Kind] = true;
            }
        }

        // A known section written only at a deeper level still counts (once), so a plan that
        // groups its living sections under a parent heading is not told they are missing. Only
        // a heading that is the name counts there: an exact name anywhere, a part of a
        // bilingual heading only under a grouping heading, never a qualified or padded name
        // ("### Main risks" under Context is not the Risks section).
        // The parent of a deeper heading is the kind of the section-level heading above it (none
        // after the title or a shallower heading), followed along in the same walk.
        var deeper = false;
        SectionKind? parentKind = null;
        for (var h = 0; h < headings.Count; h++)
        {
            var heading = headings[h];
            if (ReferenceEquals(heading, title) || heading.Level < sectionLevel)
            {
                parentKind = null;
                continue;
            }

            if (heading.Level == sectionLevel)
            {
                parentKind = heading.Kind;
                continue;
            }

            if (heading.Kind == SectionKind.Other)
            {
                continue;
            }

            var eligible = heading.MatchStrength == SectionMatchStrength.Exact
                || (heading.MatchStrength == SectionMatchStrength.Segment && parentKind is null or SectionKind.Other);
            if (eligible && !primaryKinds[(int)heading.Kind])
            {
                primaryKinds[(int)heading.Kind] = true;
                sections.Add(MakeSection(topBlocks, headings, headingIndex, h, isPrimary: false));
                deeper = true;
            }
        }

        if (deeper)
        {
            // In document order; no two sections share a heading, so the order is total.
            sections.Sort((a, b) => a.Heading.Block.Span.Start.CompareTo(b.Heading.Block.Span.Start));
        }

        return sections;
    }

    /// <summary>The top-level blocks between the title and the first other heading.</summary>
    public static List<Block> Preamble(List<Block> topBlocks, List<PlanHeading> headings, List<int> headingIndex, PlanHeading? title)
    {
        var start = 0;
        var end = topBlocks.Count;
        for (var h = 0; h < headings.Count; h++)
        {
            if (ReferenceEquals(headings[h], title))
            {
                start = headingIndex[h] + 1;
            }
            else if (headingIndex[h] >= start)
            {
                end = headingIndex[h];
                break;
            }
        }

        return end > start ? topBlocks.GetRange(start, end - start) : new List<Block>();
    }

    private static PlanSection MakeSection(List<Block> topBlocks, List<PlanHeading> headings, List<int> headingIndex, int h, bool isPrimary)
    {
        var heading = headings[h];
        var startBlock = headingIndex[h] + 1;
        var endBlock = topBlocks.Count;
        for (var next = h + 1; next < headings.Count; next++)
        {
            if (headings[next].Level <= heading.Level)
            {
                endBlock = headingIndex[next];
                break;
            }
        }

        var blocks = topBlocks.GetRange(startBlock, endBlock - startBlock);
        var isEmpty = true;
        foreach (var block in blocks)
        {
            if (!IsNonContent(block))
            {
                isEmpty = false;
                break;
            }
        }

        return new PlanSection(heading, blocks, isEmpty, isPrimary);
    }

    private static bool IsNonContent(Block block) =>
        block is HeadingBlock or ThematicBreakBlock or LinkReferenceDefinitionGroup or YamlFrontMatterBlock ||
        (block is HtmlBlock html && html.Type == HtmlBlockType.Comment);
}
