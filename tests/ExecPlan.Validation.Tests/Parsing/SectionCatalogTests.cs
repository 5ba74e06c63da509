namespace ExecPlan.Validation.Tests;

using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;

public class SectionCatalogTests
{
    [Theory]
    [InlineData("Progress", SectionKind.Progress, SectionMatchStrength.Exact)]
    [InlineData("3. Progress", SectionKind.Progress, SectionMatchStrength.Exact)]
    [InlineData("Tolerances (Exception Triggers)", SectionKind.Tolerances, SectionMatchStrength.Exact)]
    [InlineData("Progress / 진행 상황", SectionKind.Progress, SectionMatchStrength.Segment)]
    [InlineData("Progress / 진행상황", SectionKind.Progress, SectionMatchStrength.Segment)]
    [InlineData("진행 상황", SectionKind.Progress, SectionMatchStrength.Exact)]
    [InlineData("Decision Log / 決定ログ", SectionKind.DecisionLog, SectionMatchStrength.Segment)]
    [InlineData("決定ログ", SectionKind.DecisionLog, SectionMatchStrength.Exact)]
    [InlineData("Plan of Work（完了済み）", SectionKind.PlanOfWork, SectionMatchStrength.Segment)]
    [InlineData("【完了】Plan of Work", SectionKind.PlanOfWork, SectionMatchStrength.Segment)]
    [InlineData("进度 Progress", SectionKind.Progress, SectionMatchStrength.Segment)]
    [InlineData("进度Progress", SectionKind.Progress, SectionMatchStrength.Segment)]
    [InlineData("Progress — 进度", SectionKind.Progress, SectionMatchStrength.Segment)]
    [InlineData("Progress – 进度", SectionKind.Progress, SectionMatchStrength.Segment)]
    [InlineData("Progress | 进度", SectionKind.Progress, SectionMatchStrength.Segment)]
    [InlineData("Progress：进度", SectionKind.Progress, SectionMatchStrength.Segment)]
    [InlineData("Stage 2: Progress", SectionKind.Progress, SectionMatchStrength.Segment)]
    [InlineData("A) Decision Log", SectionKind.DecisionLog, SectionMatchStrength.Exact)]
    [InlineData("✅ Progress", SectionKind.Progress, SectionMatchStrength.Exact)]
    [InlineData("📋 Decision Log 📋", SectionKind.DecisionLog, SectionMatchStrength.Exact)]
    [InlineData("Context / 코드 위치", SectionKind.Context, SectionMatchStrength.Segment)]
    [InlineData("Purpose / 목적", SectionKind.Purpose, SectionMatchStrength.Segment)]
    [InlineData("Outcomes & Retrospective / 회고", SectionKind.Outcomes, SectionMatchStrength.Segment)]
    [InlineData("Interfaces, dependencies", SectionKind.Interfaces, SectionMatchStrength.Segment)]
    [InlineData("Surprise and Discovery", SectionKind.Surprises, SectionMatchStrength.Segment)]
    [InlineData("Concrete implementation steps", SectionKind.ConcreteSteps, SectionMatchStrength.Inserted)]
    [InlineData("Concrete Rollout Steps / 배포 절차", SectionKind.ConcreteSteps, SectionMatchStrength.Inserted)]
    [InlineData("Validation & acceptance criteria", SectionKind.Validation, SectionMatchStrength.Exact)]
    [InlineData("Validation, testing and acceptance", SectionKind.Validation, SectionMatchStrength.Inserted)]
    [InlineData("Idempotence, safety and recovery", SectionKind.Idempotence, SectionMatchStrength.Inserted)]
    [InlineData("Milestone Progress", SectionKind.Progress, SectionMatchStrength.Qualified)]
    [InlineData("Design decisions", SectionKind.DecisionLog, SectionMatchStrength.Qualified)]
    [InlineData("Scope, Assumptions, and Risks", SectionKind.Risks, SectionMatchStrength.Qualified)]
    [InlineData("Constraints / Non-goals", SectionKind.Constraints, SectionMatchStrength.Segment)]
    public void Recognises_heading_variants(string heading, SectionKind kind, SectionMatchStrength strength)
    {
        var match = SectionCatalog.MatchDetailed(heading);
        Assert.Equal((kind, strength), (match.Kind, match.Strength));
    }

    [Theory]
    [InlineData("Progress report for the API")]
    [InlineData("Progress bar rendering")]
    [InlineData("Next Steps")]
    [InlineData("Expected Outcomes")]
    [InlineData("Non-goals")]
    [InlineData("No risks identified in the legacy importer")]
    [InlineData("Validation Log")]
    [InlineData("Verification Log")]
    [InlineData("Success Criteria")]
    [InlineData("Implementation Notes")]
    [InlineData("Decision 2: Cache layout")]
    [InlineData("Milestone 4: Validate and release")]
    [InlineData("Why this matters now")]
    [InlineData("Plan for the work ahead of the migration")]
    [InlineData("ExecPlanの進め方")]
    [InlineData("")]
    [InlineData("（）")]
    public void Leaves_other_headings_alone(string heading)
    {
        Assert.Equal(SectionKind.Other, SectionCatalog.Match(heading));
    }
}
