namespace ExecPlan.Validation.Model;

/// <summary>The sections an ExecPlan knows by name. <see cref="Other"/> is any other heading.</summary>
public enum SectionKind
{
    Other = 0,
    Purpose,
    Constraints,
    Tolerances,
    Risks,
    Progress,
    Surprises,
    DecisionLog,
    Outcomes,
    Context,
    PlanOfWork,
    ConcreteSteps,
    Validation,
    Idempotence,
    Artifacts,
    Interfaces,
    RevisionNote,
    Status,
}
