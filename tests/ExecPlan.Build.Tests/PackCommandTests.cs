namespace ExecPlan.Build.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Construction;
using Microsoft.Build.Evaluation;

/// <summary>
/// <c>dotnet pack ExecPlan.Build.sln</c> is the one pack command: it must yield exactly the two
/// shipped packages. Checked by evaluating every project of the solution as pack would see it.
/// </summary>
public sealed class PackCommandTests
{
    public PackCommandTests() => MSBuildRegistration.Ensure();

    [Fact]
    public void Packing_the_solution_yields_exactly_ExecPlan_Build_and_ExecPlan_Cli()
    {
        var solution = SolutionFile.Parse(Path.Combine(RepositoryRootAttribute.Get(), "ExecPlan.Build.sln"));
        var packed = new List<string>();
        using var collection = new ProjectCollection(new Dictionary<string, string> { ["Configuration"] = "Release" });
        foreach (var entry in solution.ProjectsInOrder.Where(p => p.ProjectType == SolutionProjectType.KnownToBeMSBuildFormat))
        {
            var project = collection.LoadProject(entry.AbsolutePath);
            if (string.Equals(project.GetPropertyValue("IsPackable"), "true", StringComparison.OrdinalIgnoreCase))
            {
                packed.Add(project.GetPropertyValue("PackageId"));
            }
        }

        Assert.Equal(["ExecPlan.Build", "ExecPlan.Cli"], packed.Order(StringComparer.Ordinal));
    }
}
