namespace ExecPlan.Build.Tests;

/// <summary>Plan texts used by the tests.</summary>
internal static class Plans
{
    /// <summary>A complete skill-profile plan that no rule should flag.</summary>
    public const string Clean = """
        # Add a widget cache

        This ExecPlan is a living document. The sections `Constraints`, `Tolerances`,
        `Risks`, `Progress`, `Surprises & Discoveries`, `Decision Log`, and
        `Outcomes & Retrospective` must be kept up to date as work proceeds.

        Status: IN PROGRESS

        ## Purpose / Big Picture

        Widgets load twice as fast because results are cached in memory.

        ## Constraints

        - The public API of the widget service must not change.

        ## Tolerances (Exception Triggers)

        - Scope: if more than 10 files change, stop and escalate.

        ## Risks

            - Risk: the cache grows without bound.
              Severity: medium
              Likelihood: low
              Mitigation: cap it at 1000 entries.

        ## Progress

        - [x] (2025-10-01 13:00Z) Wrote the cache.
        - [ ] Wire the cache into the service.

        ## Surprises & Discoveries

            - Observation: lookups were already memoised per request.
              Evidence: a profiler trace of one request.
              Impact: the cache only helps across requests.

        ## Decision Log

            - Decision: use an in-memory LRU cache.
              Rationale: no new dependency is needed.
              Date/Author: 2025-10-01 13:00Z, the team

        ## Outcomes & Retrospective

        Nothing to report yet.

        ## Context and Orientation

        The widget service loads widgets from disk on every request.

        ## Plan of Work

        Add a cache class and use it from the service.

        ## Concrete Steps

        From the repository root run:

            dotnet build

        ## Validation and Acceptance

        Run the tests and expect all to pass:

            dotnet test

        Expected: every test passes.

        ## Idempotence and Recovery

        Every step can be repeated safely.

        ## Artifacts and Notes

        None yet.

        ## Interfaces and Dependencies

        No new dependencies.

        """;

    /// <summary>A classic plan: the four living sections and the skeleton, no Constraints,
    /// Tolerances, Risks or Status.</summary>
    public const string Classic = """
        # Classic plan

        This ExecPlan is a living document. The sections `Constraints`, `Tolerances`,
        `Risks`, `Progress`, `Surprises & Discoveries`, `Decision Log`, and
        `Outcomes & Retrospective` must be kept up to date as work proceeds.

        ## Purpose / Big Picture

        Widgets load twice as fast because results are cached in memory.

        ## Progress

        - [x] (2025-10-01 13:00Z) Wrote the cache.
        - [ ] Wire the cache into the service.

        ## Surprises & Discoveries

            - Observation: lookups were already memoised per request.
              Evidence: a profiler trace of one request.
              Impact: the cache only helps across requests.

        ## Decision Log

            - Decision: use an in-memory LRU cache.
              Rationale: no new dependency is needed.
              Date/Author: 2025-10-01 13:00Z, the team

        ## Outcomes & Retrospective

        Nothing to report yet.

        ## Context and Orientation

        The widget service loads widgets from disk on every request.

        ## Plan of Work

        Add a cache class and use it from the service.

        ## Concrete Steps

        From the repository root run:

            dotnet build

        ## Validation and Acceptance

        Run the tests and expect all to pass:

            dotnet test

        Expected: every test passes.

        ## Idempotence and Recovery

        Every step can be repeated safely.

        ## Artifacts and Notes

        None yet.

        ## Interfaces and Dependencies

        No new dependencies.

        """;

    /// <summary>The clean plan without its living sections except Progress: six EXP001 at the
    /// title (1,3,1,10) under the skill profile, three under classic.</summary>
    public const string MissingSections = """
        # My plan

        This ExecPlan is a living document. The sections `Constraints`, `Tolerances`,
        `Risks`, `Progress`, `Surprises & Discoveries`, `Decision Log`, and
        `Outcomes & Retrospective` must be kept up to date as work proceeds.

        Status: IN PROGRESS

        ## Purpose / Big Picture

        Widgets load twice as fast because results are cached in memory.

        ## Progress

        - [x] (2025-10-01 13:00Z) Wrote the cache.
        - [ ] Wire the cache into the service.

        ## Context and Orientation

        The widget service loads widgets from disk on every request.

        ## Plan of Work

        Add a cache class and use it from the service.

        ## Concrete Steps

        From the repository root run:

            dotnet build

        ## Validation and Acceptance

        Run the tests and expect all to pass:

            dotnet test

        Expected: every test passes.

        ## Idempotence and Recovery

        Every step can be repeated safely.

        ## Artifacts and Notes

        None yet.

        ## Interfaces and Dependencies

        No new dependencies.

        """;

    /// <summary>No H1 title at all: EXP004.</summary>
    public const string NoTitle = """
        This ExecPlan is a living document.

        ## Progress

        - [ ] Start.

        """;

    /// <summary>A README that another analyzer reads: not a plan even though it has no sections.</summary>
    public const string Readme = """
        # Consumer

        A library. See the docs folder.

        """;
}
