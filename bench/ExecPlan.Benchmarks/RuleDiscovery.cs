namespace ExecPlan.Benchmarks;

using System;
using System.Collections.Generic;
using System.Linq;
using ExecPlan.Validation.Rules;

/// <summary>The reflection scan PlanValidator.Rules used to do (it is a written-out list now), kept to measure what that cost.</summary>
public static class RuleDiscovery
{
    public static IReadOnlyList<PlanRule> ByReflection() => typeof(PlanRule).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(PlanRule)) && !t.IsAbstract)
        .Select(t => (PlanRule)Activator.CreateInstance(t)!)
        .OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal)
        .ToArray();
}
