namespace ExecPlan.Validation.Tests.Io;

using System;
using System.IO;
using System.Linq;
using ExecPlan.Validation.Settings;

/// <summary>
/// EXP044 used to follow an in-repository symbolic link to '/' and so report which outside paths
/// exist ('root/etc/passwd' silent, 'root/nope/x' flagged). Links are now followed only while
/// they stay inside the repository root.
/// </summary>
public sealed class RepositoryLinkTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("execplan-repo-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [SkippableFact]
    public void A_link_out_of_the_repository_counts_as_absent_and_EXP044_says_nothing_about_outside()
    {
        Skip.If(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        Directory.CreateSymbolicLink(Path.Combine(_root, "root"), "/");
        var view = new FileSystemRepositoryView(_root);

        Assert.False(view.Exists("root"));
        Assert.False(view.Exists("root/etc"));

        var plan = "# Plan\n\nEdit `root/etc/hostname` and `root/does-not-exist/x.txt` today.\n";
        var validator = new PlanValidator(new ValidationSettings { Repository = new FileSystemRepositoryView(_root) });
        Assert.DoesNotContain(validator.Validate(plan, "plan.md"), d => d.Id == "EXP044");
    }

    [SkippableFact]
    public void Links_inside_the_repository_are_followed()
    {
        Skip.If(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        Directory.CreateDirectory(Path.Combine(_root, "docs", "deep"));
        File.WriteAllText(Path.Combine(_root, "docs", "deep", "a.md"), "x");
        Directory.CreateSymbolicLink(Path.Combine(_root, "alias"), "docs");
        Directory.CreateSymbolicLink(Path.Combine(_root, "docs", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(_root, "docs", "b.md"), "deep/a.md");
        var view = new FileSystemRepositoryView(_root);

        Assert.True(view.Exists("alias/deep/a.md"));
        Assert.True(view.Exists("docs/b.md"));
        Assert.True(view.Exists("docs/up/docs/deep/a.md"));
        Assert.False(view.Exists("alias/deep/missing.md"));
        Assert.True(view.Exists("docs"));
        Assert.False(view.Exists("nope"));

        var plan = "# Plan\n\nRead `alias/deep/a.md` and `alias/deep/missing.md`.\n";
        var validator = new PlanValidator(new ValidationSettings { Repository = new FileSystemRepositoryView(_root) });
        var exp044 = validator.Validate(plan, "plan.md").Where(d => d.Id == "EXP044").ToList();
        Assert.Contains("alias/deep/missing.md", Assert.Single(exp044).Message, StringComparison.Ordinal);
    }
}
