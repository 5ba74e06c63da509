namespace ExecPlan.Validation.Tests.Rules;

/// <summary>EXP010 suggests the Status the plan's own Progress and Outcomes support.</summary>
public class StatusSuggestionTests
{
    [Theory]
    [InlineData("- [x] (2025-10-01) Shipped.\n- [x] (2025-10-02) Measured.", "The cache serves 92% of reads.", "'Status: COMPLETE'")]
    [InlineData("- [x] (2025-10-01) Shipped.\n  - [x] Nested detail.", "- Shipped the cache.\n- Lesson: measure first.", "'Status: COMPLETE'")]
    [InlineData("- [x] (2025-10-01) Shipped.\n- [ ] Measure.", "The cache serves 92% of reads.", "'Status: IN PROGRESS' line under the title (one of DRAFT, APPROVED, IN PROGRESS, BLOCKED, COMPLETE), since some Progress items are checked")]
    [InlineData("- [x] (2025-10-01) Shipped.", "Pending completion.", "since every Progress item is checked but Outcomes & Retrospective is not written yet")]
    [InlineData("- [x] (2025-10-01) Shipped.", "", "'Status: IN PROGRESS'")]
    [InlineData("- [ ] Ship.", "The plan is not started.", "'Status: DRAFT'")]
    [InlineData("Prose only, no checkbox.", "Written.", "'Status: DRAFT'")]
    public void The_suggested_status_follows_progress_and_outcomes(string progress, string outcomes, string expected)
    {
        var text = "# Add caching\n\n## Progress\n\n" + progress + "\n\n## Outcomes & Retrospective\n\n" + outcomes + "\n";
        var finding = Assert.Single(Validate.Text(text), d => d.Id == "EXP010");
        Assert.Contains(expected, finding.Message, System.StringComparison.Ordinal);
    }
}
