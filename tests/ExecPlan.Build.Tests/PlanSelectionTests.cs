namespace ExecPlan.Build.Tests;

using System;
using System.IO;
using ExecPlan.Build.Tasks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Which AdditionalFiles the task validates: metadata, globs, the <c>execplan_plan</c>
/// .editorconfig key (the CLI reads the same one), then the sniff; and who reports a plan shared
/// by the projects of a solution.
/// </summary>
public sealed class PlanSelectionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "execplan-select-" + Guid.NewGuid().ToString("N")[..8]);

    public PlanSelectionTests()
    {
        // TaskItem lives in the SDK's MSBuild, which the locator must load first.
        MSBuildRegistration.Ensure();
        Directory.CreateDirectory(Path.Combine(_dir, "docs"));
        File.WriteAllText(Path.Combine(_dir, "docs", "declared.md"), "# P\n\nThis ExecPlan is a living document.\n");
        File.WriteAllText(Path.Combine(_dir, "docs", "plain.md"), "# Notes\n");
        File.WriteAllText(Path.Combine(_dir, ".editorconfig"), "root = true\n\n[docs/plain.md]\nexecplan_plan = true\n\n[docs/declared.md]\nexecplan_plan = false\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_editorconfig_key_marks_and_unmarks_plans_and_metadata_still_wins()
    {
        var configuration = new ExecPlan.Validation.Settings.SettingsResolver(new ExecPlan.Validation.Settings.SettingsRequest());
        bool? Flag(string path) => configuration.PlanFlagFor(path);
        var plain = Item("docs/plain.md");
        var declared = Item("docs/declared.md");

        Assert.Equal([plain.GetMetadata("FullPath")], PlanSelection.Select([plain, declared], [], true, Flag, null, null));
        Assert.Equal([declared.GetMetadata("FullPath")], PlanSelection.Select([declared], [], true, configuredFlag: null, null, null));

        declared.SetMetadata("ExecPlan", "true");
        Assert.Equal(2, PlanSelection.Select([plain, declared], [], true, Flag, null, null).Count);
    }

    [Fact]
    public void A_shared_plan_is_owned_by_the_first_solution_project_below_both_declaring_files()
    {
        var props = Path.Combine(_dir, "Directory.Build.props");
        string Project(string name) => Path.Combine(_dir, "src", name, name + ".csproj");
        var solution = "<SolutionConfiguration>" +
            $"<ProjectConfiguration AbsolutePath=\"{Project("zeta")}\">Debug|AnyCPU</ProjectConfiguration>" +
            $"<ProjectConfiguration AbsolutePath=\"{Project("alpha")}\">Debug|AnyCPU</ProjectConfiguration>" +
            "</SolutionConfiguration>";
        var plan = new DeclaredItem(Path.Combine(_dir, "docs", "declared.md"), props);
        var package = new DeclaredItem("ExecPlan.Build", props);

        Assert.Null(new PlanOwnership(Project("alpha"), solution, [plan], [package]).OtherOwner(plan));
        Assert.Equal(Project("alpha"), new PlanOwnership(Project("zeta"), solution, [plan], [package]).OtherOwner(plan));

        // Not a solution build, or the package referenced from the project itself: report it here.
        Assert.Null(new PlanOwnership(Project("zeta"), string.Empty, [plan], [package]).OtherOwner(plan));
        var own = new DeclaredItem("ExecPlan.Build", Project("zeta"));
        Assert.Null(new PlanOwnership(Project("zeta"), solution, [plan], [own]).OtherOwner(plan));

        // Garbage in the solution list never throws and never hides a plan.
        Assert.Null(new PlanOwnership(Project("zeta"), "<not xml", [plan], [package]).OtherOwner(plan));
    }

    private TaskItem Item(string relative) => new(Path.Combine(_dir, relative));

    /// <summary>An item as MSBuild hands it to a task, with the file that declared it (reserved metadata TaskItem cannot set).</summary>
    private sealed class DeclaredItem(string itemSpec, string definingProject) : ITaskItem
    {
        public string ItemSpec { get; set; } = itemSpec;

        public System.Collections.ICollection MetadataNames => new[] { "FullPath", "DefiningProjectFullPath" };

        public int MetadataCount => 2;

        public string GetMetadata(string metadataName) => metadataName switch
        {
            "FullPath" => Path.IsPathRooted(ItemSpec) ? ItemSpec : string.Empty,
            "DefiningProjectFullPath" => definingProject,
            _ => string.Empty,
        };

        public void SetMetadata(string metadataName, string metadataValue) => throw new NotSupportedException();

        public void RemoveMetadata(string metadataName) => throw new NotSupportedException();

        public void CopyMetadataTo(ITaskItem destinationItem) => throw new NotSupportedException();

        public System.Collections.IDictionary CloneCustomMetadata() => new System.Collections.Hashtable();
    }
}
