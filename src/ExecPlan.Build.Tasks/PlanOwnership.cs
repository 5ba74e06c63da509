namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using Microsoft.Build.Framework;

/// <summary>
/// Who reports a plan that many projects of one solution include, so each finding appears once
/// per solution build. A plan declared in a project's own file is always that project's. A plan
/// declared in a shared import (a Directory.Build.props above several projects) is reported, in a
/// solution build, by one owner: the first (by path, ordinal, case-insensitive) of the solution's
/// projects below both the folder of the file declaring the plan and the folder of the file that
/// references the ExecPlan.Build package. Every project computes the same owner from what it
/// alone knows (the solution's project list MSBuild hands each project), so no coordination is
/// needed and -m changes nothing. Whenever the rule cannot be sure the owner validates the plan
/// too (no solution, a package reference in the project itself, a project outside the solution
/// list), this project reports: a finding may repeat, but is never lost.
/// </summary>
internal sealed class PlanOwnership
{
    private const string PackageId = "ExecPlan.Build";

    private readonly string _project;
    private readonly List<string> _solutionProjects;
    private readonly Dictionary<string, string> _declaredIn;
    private readonly string _packageDeclaredIn;

    public PlanOwnership(string? projectFullPath, string? solutionConfiguration, ITaskItem[] declaredPlans, ITaskItem[] packageReferences)
    {
        _project = Normalise(projectFullPath);
        _solutionProjects = SolutionProjects(solutionConfiguration);
        _declaredIn = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var plan in declaredPlans)
        {
            var full = plan.GetMetadata("FullPath");
            if (full.Length > 0 && !_declaredIn.ContainsKey(full))
            {
                _declaredIn[full] = plan.GetMetadata("DefiningProjectFullPath");
            }
        }

        _packageDeclaredIn = packageReferences
            .Where(r => string.Equals(r.ItemSpec, PackageId, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.GetMetadata("DefiningProjectFullPath"))
            .FirstOrDefault(p => p.Length > 0) ?? string.Empty;
    }

    /// <summary>The project that reports this plan; null when it is this project.</summary>
    public string? OtherOwner(ITaskItem file)
    {
        if (_project.Length == 0 || _solutionProjects.Count == 0 || _packageDeclaredIn.Length == 0 || SamePath(_packageDeclaredIn, _project))
        {
            return null;
        }

        var full = file.GetMetadata("FullPath");
        if (!_declaredIn.TryGetValue(full, out var declaredIn))
        {
            declaredIn = file.GetMetadata("DefiningProjectFullPath");
        }

        if (declaredIn.Length == 0 || SamePath(declaredIn, _project))
        {
            return null;
        }

        var scope = Deeper(Folder(declaredIn), Folder(_packageDeclaredIn));
        if (scope is null)
        {
            return null;
        }

        var candidates = _solutionProjects.Where(p => IsBelow(p, scope)).ToList();
        if (!candidates.Any(p => SamePath(p, _project)))
        {
            return null;
        }

        var owner = candidates.OrderBy(p => p, StringComparer.OrdinalIgnoreCase).ThenBy(p => p, StringComparer.Ordinal).First();
        return SamePath(owner, _project) ? null : owner;
    }

    // MSBuild hands every project of a solution build the same XML: one ProjectConfiguration per
    // project, with its AbsolutePath and whether it builds in this configuration.
    private static List<string> SolutionProjects(string? configuration)
    {
        var projects = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration))
        {
            return projects;
        }

        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(configuration!), settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Name == "ProjectConfiguration" &&
                    !string.Equals(reader.GetAttribute("BuildProjectInSolution"), "false", StringComparison.OrdinalIgnoreCase) &&
                    reader.GetAttribute("AbsolutePath") is { Length: > 0 } path)
                {
                    projects.Add(Normalise(path));
                }
            }
        }
        catch (XmlException)
        {
            projects.Clear();
        }

        return projects;
    }

    private static string Normalise(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return string.Empty;
        }

        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path!;
        }
    }

    private static string Folder(string file) => Path.GetDirectoryName(Normalise(file)) ?? string.Empty;

    private static bool SamePath(string a, string b) => string.Equals(Normalise(a), Normalise(b), StringComparison.OrdinalIgnoreCase);

    private static bool IsBelow(string path, string folder)
    {
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
    }

    // The narrower of two folders when one contains the other; null when they are unrelated.
    private static string? Deeper(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return null;
        }

        if (SamePath(a, b) || IsBelow(a, b))
        {
            return a;
        }

        return IsBelow(b, a) ? b : null;
    }
}
