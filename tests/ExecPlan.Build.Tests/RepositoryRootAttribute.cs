namespace ExecPlan.Build.Tests;

using System;
using System.Reflection;

/// <summary>The repository checkout the tests were built from (set by the project file).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class RepositoryRootAttribute : Attribute
{
    public RepositoryRootAttribute(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static string Get() =>
        typeof(RepositoryRootAttribute).Assembly.GetCustomAttribute<RepositoryRootAttribute>()!.Path;
}
