namespace ExecPlan.Cli.Tests;

/// <summary>Plan texts used by the tests.</summary>
public static class Plans
{
    /// <summary>Title only: every mandatory living section is missing. The title text spans (1,3)-(1,10).</summary>
    public const string TitleOnly = "# My plan\n\nSome text about the plan.\n";

    /// <summary>Like <see cref="TitleOnly"/>, but it declares itself a plan, so directory walks find it.</summary>
    public const string Declared = "# My plan\n\nThis ExecPlan is a living document.\n";

    /// <summary>A plan with every skeleton section of the skill, in order.</summary>
    public const string Complete =
        """
        # Add a health endpoint

        This ExecPlan is a living document. The sections `Constraints`, `Tolerances`,
        `Risks`, `Progress`, `Surprises & Discoveries`, `Decision Log`, and
        `Outcomes & Retrospective` must be kept up to date as work proceeds.

        Status: IN PROGRESS

        ## Purpose / Big Picture

        A request to `/health` returns HTTP 200 with the body `OK`.

        ## Constraints

        The routes under `/orders` must not change.

        ## Tolerances (Exception Triggers)

        - Scope: if the change touches more than 5 files, stop and escalate.
        - Time: if a milestone takes more than 2 hours, stop and escalate.

        ## Risks

            - Risk: The probe exhausts the connection pool.
              Severity: medium
              Likelihood: low
              Mitigation: Cache the probe result for 5 seconds.

        ## Progress

        - [x] (2025-10-01 13:00Z) Read the routing setup.
        - [ ] Implement the endpoint.

        ## Surprises & Discoveries

            - Observation: The test host has no connection string.
              Evidence: The first test run failed.
              Impact: The probe treats a missing connection string as unhealthy.

        ## Decision Log

            - Decision: Cache the probe result for 5 seconds.
              Rationale: Load balancers poll every second.
              Date/Author: 2025-10-01 14:45Z, the agent

        ## Outcomes & Retrospective

        The failing test exists; the endpoint is not written yet.

        ## Context and Orientation

        Routes are registered in `src/Orders.Api/Program.cs`.

        ## Plan of Work

        Add a failing test, then map the route, then test the failure case.

        ## Concrete Steps

        Run from the repository root:

            dotnet test tests/Orders.Api.Tests

        Expect:

            Passed!  - Failed: 0, Passed: 1

        ## Validation and Acceptance

        Run this and expect `HTTP/1.1 200 OK` with the body `OK`:

            curl -i http://localhost:5000/health

        ## Idempotence and Recovery

        Every step can be repeated safely.

        ## Artifacts and Notes

            Failed HealthTests.Returns_ok: Expected 200, Actual 404

        ## Interfaces and Dependencies

        No new packages; `DatabaseProbe.IsHealthyAsync` returns whether the database answers.

        """;
}
