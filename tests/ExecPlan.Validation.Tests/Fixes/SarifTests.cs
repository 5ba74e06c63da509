namespace ExecPlan.Validation.Tests.Fixes;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Reporting;
using ExecPlan.Validation.Rules;

/// <summary>
/// The SARIF log as GitHub code scanning ingests it: rules with help from the embedded rule
/// pages, results tied to rules by index, line-content fingerprints that survive unrelated edits,
/// and the commit the run looked at (read from the <c>.git</c> files).
/// </summary>
public sealed class SarifTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "execplan-sarif-tests", Guid.NewGuid().ToString("N"));

    public SarifTests()
    {
        Directory.CreateDirectory(_dir);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void Every_catalogue_rule_has_an_embedded_page_and_every_page_a_rule()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToArray();
        Assert.Equal(ids, RuleDocs.Ids());
        foreach (var id in ids)
        {
            var page = RuleDocs.Markdown(id);
            Assert.NotNull(page);
            Assert.StartsWith("# " + id + ":", page, StringComparison.Ordinal);
            Assert.DoesNotContain('\r', page);
        }

        Assert.Equal(RuleDocs.Markdown("EXP001"), RuleDocs.Markdown("exp001"));
        Assert.Null(RuleDocs.Markdown("EXP999"));
        Assert.Null(RuleDocs.Markdown("../README"));
        Assert.Null(RuleDocs.Markdown(string.Empty));
    }

    [Fact]
    public void Relative_links_in_help_become_absolute_and_nothing_else_changes()
    {
        const string Base = "https://example.org/docs/rules/";
        var markdown = "See [matching](README.md#heading-matching), [EXP005](EXP005.md), [web](https://x.org/a), [top](#why).\n\n    [not](a-link.md) in code\n";
        Assert.Equal(
            "See [matching](" + Base + "README.md#heading-matching), [EXP005](" + Base + "EXP005.md), [web](https://x.org/a), [top](#why).\n\n    [not](a-link.md) in code\n",
            RuleDocs.AbsoluteLinks(markdown, Base));

        foreach (var rule in RuleCatalog.All)
        {
            var help = RuleDocs.HelpMarkdown(rule.Id)!;
            Assert.DoesNotContain("](README.md", help, StringComparison.Ordinal);
            Assert.DoesNotContain("](EXP", help, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Status line is missing", "StatusLineIsMissing")]
    [InlineData("PLANS.md is not referenced", "PlansMdIsNotReferenced")]
    [InlineData("Progress is not a checkbox list", "ProgressIsNotCheckboxList")]
    [InlineData("Plan must start with exactly one H1 title", "PlanMustStartWithExactlyOneH1Title")]
    [InlineData("Machine-absolute path", "MachineAbsolutePath")]
    public void Rule_names_are_strict_PascalCase(string title, string name) => Assert.Equal(name, SarifWriter.RuleName(title));

    [Fact]
    public void Rules_carry_help_tags_and_levels_and_results_point_at_their_rule()
    {
        var plan = Write("docs/plan.md", "# Title only\n");
        var log = Sarif(new PlanValidator().ValidateFile(plan), _dir);
        var run = log.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        Assert.Equal(RuleCatalog.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var (rule, descriptor) in rules.Zip(RuleCatalog.All))
        {
            Assert.Matches("^([A-Z][a-z0-9]+)+$", rule.GetProperty("name").GetString());
            Assert.Equal(descriptor.Title, rule.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.Equal(descriptor.Description, rule.GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.Equal(descriptor.HelpUri, rule.GetProperty("helpUri").GetString());
            var help = rule.GetProperty("help");
            Assert.Equal(RuleDocs.HelpMarkdown(descriptor.Id), help.GetProperty("markdown").GetString());
            var text = help.GetProperty("text").GetString()!;
            Assert.StartsWith(descriptor.Id + ": " + descriptor.Title, text, StringComparison.Ordinal);
            Assert.Contains("\nHow to fix\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("## How to fix", text, StringComparison.Ordinal); // headings lose their markup
            Assert.Equal(SarifWriter.Level(descriptor.DefaultSeverity), rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
            Assert.Contains("execplan", rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        }

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.NotEmpty(result.GetProperty("message").GetProperty("text").GetString()!);
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            Assert.Matches("^[0-9a-f]{32}$", result.GetProperty("partialFingerprints").GetProperty("execplan/v1").GetString());
        }
    }

    [Fact]
    public void Fingerprint_survives_lines_inserted_above_and_whitespace_but_not_an_edit_of_the_flagged_line()
    {
        const string Flagged = "- [x] Wrote   the cache layer.";
        var original = Fingerprint(["# Plan", string.Empty, "## Progress", string.Empty, Flagged], line: 5);
        var shifted = Fingerprint(["# Plan", string.Empty, "Intro.", "More intro.", string.Empty, "## Progress", string.Empty, Flagged], line: 8);
        var respaced = Fingerprint(["# Plan", string.Empty, "## Progress", string.Empty, "  - [x]   Wrote the cache layer.  "], line: 5);
        var edited = Fingerprint(["# Plan", string.Empty, "## Progress", string.Empty, "- [x] Wrote the cache layers."], line: 5);

        Assert.Equal(original, shifted);
        Assert.Equal(original, respaced);
        Assert.NotEqual(original, edited);
        Assert.NotEqual(original, Fingerprint(["# Plan", string.Empty, "## Progress", string.Empty, Flagged], line: 5, id: "EXP022"));
        Assert.NotEqual(original, Fingerprint(["# Plan", string.Empty, "## Progress", string.Empty, Flagged], line: 5, file: "docs/other.md"));
    }

    [Fact]
    public void Identical_flagged_lines_are_told_apart_by_occurrence_in_file_order()
    {
        var lines = new[] { "# Plan", "- [x] Done.", "text", "- [x] Done." };
        var plan = Write("plan.md", string.Join("\n", lines) + "\n");
        var prints = Fingerprints(_dir, plan, [4, 2]);
        Assert.NotEqual(prints[0], prints[1]);

        // The first of the two stays the first after a line is inserted above both.
        var moved = Write("plan.md", "# Plan\nnew\n- [x] Done.\ntext\n- [x] Done.\n");
        Assert.Equal(prints, Fingerprints(_dir, moved, [5, 3]));
    }

    [Fact]
    public void Fingerprint_of_a_real_finding_is_stable_when_the_plan_grows_above_it()
    {
        var before = "# Add caching\n\nStatus: DRAFT\n\n## Purpose / Big Picture\n\nSpeed.\n\n## Progress\n\n- [ ] Write <description> here.\n";
        var after = "# Add caching\n\nStatus: DRAFT\n\n## Purpose / Big Picture\n\nSpeed.\n\nAnd more lines\nof purpose.\n\n## Progress\n\n- [ ] Write <description> here.\n";
        var first = PrintsOf(Write("docs/plans/p.md", before), "EXP040");
        var second = PrintsOf(Write("docs/plans/p.md", after), "EXP040");
        Assert.Single(first);
        Assert.Equal(first, second);
        Assert.NotEqual(first, PrintsOf(Write("docs/plans/p.md", after.Replace("Write <description>", "Put <description>", StringComparison.Ordinal)), "EXP040"));
    }

    [Fact]
    public void Provenance_from_a_git_folder_with_a_loose_ref_and_an_origin_with_credentials()
    {
        var sha = new string('a', 40);
        Write(".git/HEAD", "ref: refs/heads/feature/x\n");
        Write(".git/refs/heads/feature/x", sha + "\n");
        Write(".git/config", "[core]\n\tbare = false\n[remote \"upstream\"]\n\turl = https://example.org/other.git\n[remote \"origin\"]\n\turl = https://user:s3cret@github.com/acme/plans.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n");
        var plan = Write("docs/my plan.md", "# Title only\n");

        var run = Sarif(new PlanValidator().ValidateFile(plan), _dir).RootElement.GetProperty("runs")[0];

        var vcs = Assert.Single(run.GetProperty("versionControlProvenance").EnumerateArray());
        Assert.Equal("https://github.com/acme/plans.git", vcs.GetProperty("repositoryUri").GetString());
        Assert.Equal(sha, vcs.GetProperty("revisionId").GetString());
        Assert.Equal("feature/x", vcs.GetProperty("branch").GetString());
        Assert.Equal("%SRCROOT%", vcs.GetProperty("mappedTo").GetProperty("uriBaseId").GetString());
        Assert.DoesNotContain("s3cret", run.ToString(), StringComparison.Ordinal);
        var root = run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!;
        Assert.Equal(new Uri(_dir + Path.DirectorySeparatorChar).AbsoluteUri, root);
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            Assert.Equal("docs/my%20plan.md", artifact.GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
        }
    }

    [Fact]
    public void Provenance_from_packed_refs_and_a_detached_head()
    {
        var sha = "0123456789abcdef0123456789abcdef01234567";
        Write(".git/HEAD", "ref: refs/heads/main\n");
        Write(".git/packed-refs", "# pack-refs with: peeled fully-peeled sorted\n" + new string('b', 40) + " refs/heads/mainline\n" + sha + " refs/heads/main\n^" + new string('c', 40) + "\n");
        Write(".git/config", "[remote \"origin\"]\n  url = \"git@github.com:acme/plans.git\" ; a comment\n");
        var git = GitProvenance.TryRead(Path.Combine(_dir, "docs"))!;
        Assert.Equal((_dir, sha, "main", "ssh://git@github.com/acme/plans.git"), (git.WorkTreeRoot, git.RevisionId, git.Branch, git.RepositoryUri));

        Write(".git/HEAD", sha.ToUpperInvariant() + "\n");
        git = GitProvenance.TryRead(_dir)!;
        Assert.Equal((sha, (string?)null), (git.RevisionId, git.Branch));
    }

    [Fact]
    public void Provenance_of_a_worktree_reads_HEAD_there_and_refs_and_config_from_the_common_folder()
    {
        var sha = new string('d', 40);
        Write("main/.git/config", "[remote \"origin\"]\n\turl = https://github.com/acme/plans\n");
        Write("main/.git/refs/heads/topic", sha + "\n");
        Write("main/.git/worktrees/wt/HEAD", "ref: refs/heads/topic\n");
        Write("main/.git/worktrees/wt/commondir", "../..\n");
        Write("wt/.git", "gitdir: ../main/.git/worktrees/wt\n");
        var plan = Write("wt/plan.md", "# Title only\n");

        var run = Sarif(new PlanValidator().ValidateFile(plan), Path.Combine(_dir, "wt")).RootElement.GetProperty("runs")[0];
        var vcs = run.GetProperty("versionControlProvenance")[0];
        Assert.Equal(("https://github.com/acme/plans", sha, "topic"),
            (vcs.GetProperty("repositoryUri").GetString(), vcs.GetProperty("revisionId").GetString(), vcs.GetProperty("branch").GetString()));
    }

    [Fact]
    public void No_origin_or_broken_git_files_omit_provenance_and_never_throw()
    {
        var plan = Write("plan.md", "# Title only\n");
        Write(".git/HEAD", "ref: refs/heads/main\n");
        Assert.False(Run(plan).TryGetProperty("versionControlProvenance", out _)); // no origin: no repositoryUri to give

        Write(".git/config", "[remote \"origin\"\nurl\n= =\n[remote \"origin\"]\nurl = not a url at all\n");
        Write(".git/HEAD", "garbage\0\u0001");
        Assert.False(Run(plan).TryGetProperty("versionControlProvenance", out _));

        Directory.Delete(Path.Combine(_dir, ".git"), recursive: true);
        Write(".git", "gitdir: /nowhere/at/all\n");
        Assert.False(Run(plan).TryGetProperty("versionControlProvenance", out _));
        Assert.Null(GitProvenance.TryRead(Path.Combine(_dir, "missing", "deeper")));

        // A revision nobody can resolve is left out; the rest stays.
        File.Delete(Path.Combine(_dir, ".git"));
        Write(".git/HEAD", "ref: refs/heads/../../../etc/passwd\n");
        Write(".git/config", "[remote \"origin\"]\nurl = https://github.com/acme/plans.git\n");
        var vcs = Run(plan).GetProperty("versionControlProvenance")[0];
        Assert.False(vcs.TryGetProperty("revisionId", out _));
    }

    [Theory]
    [InlineData("https://github.com/acme/plans.git", "https://github.com/acme/plans.git")]
    [InlineData("https://x-access-token:ghp_abc@github.com/acme/plans", "https://github.com/acme/plans")]
    [InlineData("ssh://git@github.com/acme/plans.git", "ssh://git@github.com/acme/plans.git")]
    [InlineData("git@github.com:acme/plans.git", "ssh://git@github.com/acme/plans.git")]
    [InlineData("/srv/git/plans.git", "file:///srv/git/plans.git")]
    [InlineData("../relative.git", null)]
    [InlineData("", null)]
    public void Origin_urls_become_absolute_uris_without_secrets(string url, string? expected) =>
        Assert.Equal(expected, GitProvenance.NormalizeRemote(url));

    private JsonElement Run(string plan) => Sarif(new PlanValidator().ValidateFile(plan), _dir).RootElement.GetProperty("runs")[0];

    private string Write(string relativePath, string text)
    {
        var full = Path.Combine(_dir, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    private static JsonDocument Sarif(IEnumerable<PlanDiagnostic> diagnostics, string root)
    {
        using var writer = new StringWriter();
        SarifWriter.Write(writer, diagnostics, new SarifOptions { BaseDirectory = root, RepositoryRoot = root });
        return JsonDocument.Parse(writer.ToString());
    }

    private string Fingerprint(string[] lines, int line, string id = "EXP021", string file = "docs/plan.md")
    {
        var path = Write(file, string.Join("\n", lines) + "\n");
        var diagnostic = new PlanDiagnostic(id, RuleSeverity.Warning, path, new SourceSpan(line, 1, line, 4), "m", "u");
        return Prints(Sarif([diagnostic], _dir)).Single();
    }

    private static List<string> Fingerprints(string root, string path, int[] lines) =>
        Prints(Sarif(lines.Select(l => new PlanDiagnostic("EXP021", RuleSeverity.Warning, path, new SourceSpan(l, 1, l, 4), "m", "u")), root));

    private List<string> PrintsOf(string plan, string id) =>
        Prints(Sarif(new PlanValidator().ValidateFile(plan).Where(d => d.Id == id), _dir));

    private static List<string> Prints(JsonDocument log) => log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
        .Select(r => r.GetProperty("partialFingerprints").GetProperty("execplan/v1").GetString()!)
        .ToList();
}
