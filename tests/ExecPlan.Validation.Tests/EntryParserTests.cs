namespace ExecPlan.Validation.Tests;

using System.Linq;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;

/// <summary>
/// The entry grouper on every layout real plans use: each case is a section body and the entries
/// it must yield, written as "line:Label,Label" (line of the entry's first line, 1-based in the
/// whole document, whose section heading is on line 3), or "line:none" for a "None yet." marker and
/// "line:-" for an unlabelled entry.
/// </summary>
public class EntryParserTests
{
    public static TheoryData<string, string, string, string> Layouts() => new()
    {
        // section, case name, body, expected entries
        { "Decision Log", "nested fields", "- Decision: use the queue\n  Rationale: one less service\n  Date/Author: 2026-03-01 / Dana\n- Decision: keep it\n  Rationale: simple\n", "5:Decision,Rationale,Date/Author 8:Decision,Rationale" },
        { "Decision Log", "nested bullets", "- Decision: use the queue\n  - Rationale: one less service\n  - Date/Author: 2026-03-01\n", "5:Decision,Rationale,Date/Author" },
        { "Decision Log", "sibling bold bullets", "- **Decision**: use the queue\n- **Rationale**: one less service\n- **Date/Author**: 2026-03-01, platform team\n- **Decision**: second\n- **Rationale**: why\n", "5:Decision,Rationale,Date/Author 8:Decision,Rationale" },
        { "Decision Log", "sibling bold colon inside", "- **Decision:** use the queue\n- **Rationale:** one less service\n- **Date:** 2026-03-01\n- **Author:** Dana\n", "5:Decision,Rationale,Date,Author" },
        { "Decision Log", "dash separators", "- Decision - use the queue\n- Rationale — one less service\n- date/author – 2026-03-01\n", "5:Decision,Rationale,Date/Author" },
        { "Decision Log", "one paragraph of lines", "Decision: use the queue\nRationale: one less service\nDate/Author: 2026-03-01\nDecision: second one\nRationale: why\n", "5:Decision,Rationale,Date/Author 8:Decision,Rationale" },
        { "Decision Log", "paragraph per field", "Decision: use the queue\n\nRationale: one less service\n\nDate/Author: 2026-03-01\n", "5:Decision,Rationale,Date/Author" },
        { "Decision Log", "indented block", "    - Decision: use the queue\n      Rationale: one less service\n      Date/Author: 2026-03-01\n    - Decision: second\n", "5:Decision,Rationale,Date/Author 8:Decision" },
        { "Decision Log", "mixed list and paragraph", "- Decision: use the queue\n\n  Rationale: one less service\n\nDate/Author: 2026-03-01\n", "5:Decision,Rationale,Date/Author" },
        { "Decision Log", "repeated field starts a new entry", "- Decision: one\n- Rationale: a\n- Rationale: b\n", "5:Decision,Rationale 7:Rationale" },
        { "Decision Log", "heading ends the entry", "- Decision: one\n\n### Later\n\n- Rationale: a\n", "5:Decision 9:Rationale" },
        { "Decision Log", "heading names the entry", "### Decision 1: async strategy\n\n**Rationale:** it already depends on tokio.\n\n**Date/Author:** 2026-01-02\n\n### Decision 2\n\n**Rationale**\nsimpler\n", "5:Decision,Rationale,Date/Author 11:Decision,Rationale" },
        { "Decision Log", "unlabelled bullets", "- Use the queue because it exists.\n- Keep one outbox.\n", "5:- 6:-" },
        { "Decision Log", "prose paragraph is not an entry", "We decided a few things.\n\n- Decision: one\n  Rationale: a\n", "7:Decision,Rationale" },
        { "Decision Log", "none yet paragraph", "None yet.\n", "" },
        { "Decision Log", "none yet bullet", "- (None yet)\n", "5:none" },
        { "Surprises & Discoveries", "labelled none", "- Observation: (none yet)\n  Evidence: N/A\n", "5:none" },
        { "Surprises & Discoveries", "labelled real", "- Observation: the cache is cold\n  Evidence: N/A for now\n", "5:Observation,Evidence" },
        { "Surprises & Discoveries", "template block", "    - Observation: slow start\n      Evidence: 3 s in the log\n      Impact: none\n", "5:Observation,Evidence,Impact" },
        { "Surprises & Discoveries", "transcript block is not an entry", "- Observation: slow start\n  Evidence: the log\n\n      $ make run\n      started in 3 s\n", "5:Observation,Evidence" },
        { "Surprises & Discoveries", "chinese labels", "- 观察：缓存是冷的\n  证据：日志显示 3 秒\n  影响：无\n", "5:Observation,Evidence,Impact" },
        { "Surprises & Discoveries", "japanese labels siblings", "- 観察: キャッシュが冷たい\n- 証拠: ログ\n- 影響: なし\n", "5:Observation,Evidence,Impact" },
        { "Risks", "korean labels", "- 위험: 마이그레이션 실패\n  심각도: 높음\n  가능성: 낮음\n  완화: 백업\n", "5:Risk,Severity,Likelihood,Mitigation" },
        { "Risks", "inline fields", "- Risk: data loss. Severity: high. Likelihood: low. Mitigation: backups.\n", "5:Risk,Severity,Likelihood,Mitigation" },
        { "Risks", "table is not read", "| Risk | Likelihood | Impact | Mitigation |\n| --- | --- | --- | --- |\n| Drift | Low | High | Pin |\n", "" },
        { "Risks", "checkbox bullets", "- [ ] Risk: drift\n- [ ] Severity: low\n- [ ] Likelihood: low\n- [ ] Mitigation: pin\n", "5:Risk,Severity,Likelihood,Mitigation" },
        { "Risks", "numbered items", "1. Risk: drift\n   Severity: low\n2. Risk: spoofing\n   Severity: high\n", "5:Risk,Severity 7:Risk,Severity" },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Groups_entries_in_every_layout(string section, string name, string body, string expected)
    {
        Assert.NotNull(name);
        foreach (var newline in new[] { "\n", "\r\n" })
        {
            foreach (var bom in new[] { string.Empty, "\uFEFF" })
            {
                var text = bom + ("# Title\n\n## " + section + "\n\n" + body + "\n## Outcomes & Retrospective\n\nNothing yet.\n").Replace("\n", newline);
                Assert.Equal(expected, Describe(PlanParser.Parse(text, "plan.md")));
            }
        }
    }

    [Fact]
    public void Field_values_stop_at_the_next_label()
    {
        var plan = PlanParser.Parse("# T\n\n## Risks\n\n- **Risk**: drift\n- **Severity**: low\n- **Likelihood**: high\n", "plan.md");
        var entry = Assert.Single(plan.Entries);
        Assert.Equal(["drift", "low", "high"], entry.Fields.Select(f => f.Value).ToArray());
        Assert.Equal(6, entry.Fields[1].ValueSpan.StartLine);
        Assert.Equal(17, entry.Fields[1].ValueSpan.StartColumn);
    }

    private static string Describe(PlanDocument plan) => string.Join(" ", plan.Entries.Select(e =>
        e.FirstLineSpan.StartLine + ":" + (e.IsNoneMarker ? "none" : e.Fields.Count == 0 ? "-" : string.Join(",", e.Fields.Select(f => f.Label)))));
}
