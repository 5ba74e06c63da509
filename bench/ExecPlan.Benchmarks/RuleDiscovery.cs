namespace ExecPlan.Benchmarks;

using System;
using System.Collections.Generic;
using System.Linq;
using ExecPlan.Validation.Rules;

/// <summary>The same reflection scan PlanValidator.Rules does, repeatable for measurement.</summary>
public static class RuleDiscovery
{
    public static IReadOnlyList<PlanRule> ByReflection() => typeof(PlanRule).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(PlanRule)) && !t.IsAbstract)
        .Select(t => (PlanRule)Activator.CreateInstance(t)!)
        .OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal)
        .ToArray();
}
