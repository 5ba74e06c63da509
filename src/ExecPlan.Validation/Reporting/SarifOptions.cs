namespace ExecPlan.Validation.Reporting;

/// <summary>What a SARIF log says about the tool and where file paths are relative to.</summary>
public sealed class SarifOptions
{
    /// <summary>The tool name in <c>tool.driver.name</c>.</summary>
    public string ToolName { get; init; } = "ExecPlan.Build";

    /// <summary>The tool version in <c>tool.driver.version</c> (default: this library's informational version).</summary>
    public string ToolVersion { get; init; } = SarifWriter.LibraryVersion;

    /// <summary>The project page in <c>tool.driver.informationUri</c>.</summary>
    public string InformationUri { get; init; } = "https://github.com/execplan-build/ExecPlan.Build";

    /// <summary>The folder relative diagnostic paths are resolved against (default: the current directory).</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>The repository root: files below it are written relative to it with <c>uriBaseId</c> <c>%SRCROOT%</c>.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Whether to read the <c>.git</c> folder at or above the repository root for
    /// <c>versionControlProvenance</c> (default true).</summary>
    public bool IncludeVersionControl { get; init; } = true;

    /// <summary>Where rule help links point (null: the catalogue's base); see <see cref="Rules.HelpLinks"/>.</summary>
    public string? HelpUriBase { get; init; }
}
