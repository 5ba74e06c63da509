namespace ExecPlan.Cli.Tests;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

/// <summary>
/// <c>check --format sarif|github</c>. The SARIF log is checked against the parts of the SARIF
/// 2.1.0 JSON schema it uses (required properties, types, enums, no unknown properties) — the
/// schema itself cannot be downloaded in the test environment, so this is a focused subset.
/// </summary>
public sealed class ReportFormatTests : IDisposable
{
    private static readonly string[] Levels = ["none", "note", "warning", "error"];

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Sarif_log_in_a_repository_uses_relative_uris_under_SRCROOT()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, ".git"));
        _dir.Write("docs/plans/title only.md", Plans.Declared);
        _dir.Write("docs/plans/good.md", Plans.Complete);

        var result = _dir.Run("check", "docs", "--format", "sarif", "--output", "out/execplan.sarif");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.StdOut);
        using var log = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir.Path, "out", "execplan.sarif")));
        var results = ValidateSarif(log.RootElement);
        Assert.NotEmpty(results);
        var run = log.RootElement.GetProperty("runs")[0];
        Assert.Equal("ExecPlan.Build", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString()); // as the MSBuild task's log
        Assert.EndsWith("/", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString(), StringComparison.Ordinal);
        foreach (var r in results)
        {
            var artifact = r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            Assert.Equal("docs/plans/title%20only.md", artifact.GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
        }

        var exp001 = results.First(r => r.GetProperty("ruleId").GetString() == "EXP001");
        Assert.Equal("error", exp001.GetProperty("level").GetString());
        var region = exp001.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((1, 3, 1, 10), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
            region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
    }

    [Fact]
    public void Sarif_log_outside_a_repository_uses_absolute_file_uris_and_maps_levels()
    {
        _dir.Write("plan.md", Plans.TitleOnly);

        var result = _dir.Run("check", "plan.md", "--format=sarif", "--severity", "EXP002=suggestion,EXP005=silent");

        using var log = JsonDocument.Parse(result.StdOut);
        var results = ValidateSarif(log.RootElement);
        Assert.False(log.RootElement.GetProperty("runs")[0].TryGetProperty("originalUriBaseIds", out _));
        var uri = results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
        Assert.StartsWith("file:///", uri, StringComparison.Ordinal);
        Assert.EndsWith("/plan.md", uri, StringComparison.Ordinal);
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "EXP002" && r.GetProperty("level").GetString() == "note");
    }

    [Fact]
    public void GitHub_format_writes_escaped_workflow_commands()
    {
        _dir.Write("a,b.md", Plans.TitleOnly);

        var result = _dir.Run("check", "a,b.md", "--format", "github");

        Assert.Equal(1, result.ExitCode);
        Assert.NotEmpty(result.OutLines);
        Assert.All(result.OutLines, line => Assert.Matches(
            @"^::(error|warning|notice) file=a%2Cb\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=EXP\d{3}::[^\r\n]+$", line));
        Assert.Contains("::error file=a%2Cb.md,line=1,col=3,endLine=1,endColumn=10,title=EXP001::Mandatory living section is missing: add a '## Progress' section", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_format_is_a_usage_error()
    {
        var result = _dir.Run("check", "--format", "xml", "x.md");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'sarif' or 'github'", result.StdErr, StringComparison.Ordinal);
    }

    /// <summary>Checks a log against the SARIF 2.1.0 schema subset; returns the results.</summary>
    private static List<JsonElement> ValidateSarif(JsonElement root)
    {
        Only(root, "$schema", "version", "runs");
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", Str(root, "$schema"));
        Assert.Equal("2.1.0", Str(root, "version"));
        var runs = Arr(root, "runs");
        Assert.Single(runs);
        var run = runs[0];
        Only(run, "tool", "results", "originalUriBaseIds", "columnKind", "versionControlProvenance");
        Assert.Contains(Str(run, "columnKind"), new[] { "utf16CodeUnits", "unicodeCodePoints" });

        var tool = Obj(run, "tool");
        Only(tool, "driver");
        var driver = Obj(tool, "driver");
        Only(driver, "name", "version", "semanticVersion", "informationUri", "rules");
        Assert.NotEmpty(Str(driver, "name"));
        Assert.Matches(@"^\d+\.\d+\.\d+", Str(driver, "version"));
        Assert.True(Uri.IsWellFormedUriString(Str(driver, "informationUri"), UriKind.Absolute));
        var rules = Arr(driver, "rules");
        var ids = new List<string>();
        foreach (var rule in rules)
        {
            Only(rule, "id", "name", "shortDescription", "fullDescription", "helpUri", "help", "defaultConfiguration", "properties");
            Only(Obj(rule, "help"), "text", "markdown");
            Assert.NotEmpty(Str(Obj(rule, "help"), "text"));
            Assert.NotEmpty(Str(Obj(rule, "help"), "markdown"));
            ids.Add(Str(rule, "id"));
            Assert.Matches(@"^EXP\d{3}$", Str(rule, "id"));
            Assert.Matches(@"^[A-Z][A-Za-z0-9]*$", Str(rule, "name"));
            Only(Obj(rule, "shortDescription"), "text");
            Assert.NotEmpty(Str(Obj(rule, "shortDescription"), "text"));
            Only(Obj(rule, "fullDescription"), "text");
            Assert.True(Uri.IsWellFormedUriString(Str(rule, "helpUri"), UriKind.Absolute));
            var configuration = Obj(rule, "defaultConfiguration");
            Only(configuration, "level");
            Assert.Contains(Str(configuration, "level"), Levels);
        }

        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Contains("EXP000", ids); // every rule of the catalog, first to last
        Assert.Contains("EXP054", ids);
        if (run.TryGetProperty("originalUriBaseIds", out var bases))
        {
            foreach (var property in bases.EnumerateObject())
            {
                Only(property.Value, "uri");
                var uri = Str(property.Value, "uri");
                Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Absolute), uri);
                Assert.EndsWith("/", uri, StringComparison.Ordinal);
            }
        }

        var results = Arr(run, "results");
        foreach (var result in results)
        {
            Only(result, "ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints");
            Only(Obj(result, "partialFingerprints"), "execplan/v1");
            Assert.Matches("^[0-9a-f]{32}$", Str(Obj(result, "partialFingerprints"), "execplan/v1"));
            var ruleIndex = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(ids[ruleIndex], Str(result, "ruleId"));
            Assert.Contains(Str(result, "level"), Levels);
            var message = Obj(result, "message");
            Only(message, "text");
            Assert.NotEmpty(Str(message, "text"));
            foreach (var location in Arr(result, "locations"))
            {
                Only(location, "physicalLocation");
                var physical = Obj(location, "physicalLocation");
                Only(physical, "artifactLocation", "region");
                var artifact = Obj(physical, "artifactLocation");
                Only(artifact, "uri", "uriBaseId");
                var uri = Str(artifact, "uri");
                Assert.True(Uri.IsWellFormedUriString(uri, UriKind.RelativeOrAbsolute), uri);
                Assert.DoesNotContain('\\', uri);
                var region = Obj(physical, "region");
                Only(region, "startLine", "startColumn", "endLine", "endColumn");
                var (sl, sc, el, ec) = (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
                    region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32());
                Assert.True(sl >= 1 && sc >= 1 && el >= sl && ec >= 1 && (el > sl || ec >= sc), $"bad region {sl},{sc},{el},{ec}");
            }
        }

        return results;
    }

    private static void Only(JsonElement element, params string[] allowed)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        foreach (var property in element.EnumerateObject())
        {
            Assert.Contains(property.Name, allowed);
        }
    }

    private static string Str(JsonElement element, string name)
    {
        Assert.True(element.TryGetProperty(name, out var value), "missing required property " + name);
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        return value.GetString()!;
    }

    private static JsonElement Obj(JsonElement element, string name)
    {
        Assert.True(element.TryGetProperty(name, out var value), "missing required property " + name);
        Assert.Equal(JsonValueKind.Object, value.ValueKind);
        return value;
    }

    private static List<JsonElement> Arr(JsonElement element, string name)
    {
        Assert.True(element.TryGetProperty(name, out var value), "missing required property " + name);
        Assert.Equal(JsonValueKind.Array, value.ValueKind);
        return value.EnumerateArray().ToList();
    }
}
