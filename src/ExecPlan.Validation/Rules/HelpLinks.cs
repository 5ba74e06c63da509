namespace ExecPlan.Validation.Rules;

using System;
using ExecPlan.Validation.Diagnostics;

/// <summary>
/// Help links point at <see cref="RuleCatalog.HelpUriBase"/> unless a front end is given another
/// base (MSBuild <c>ExecPlanHelpUriBase</c>, CLI <c>--help-uri-base</c>): a mirror, an internal
/// docs site, or a local folder of the pages shipped in the package. Rebasing happens when
/// diagnostics are written, so caches hold the canonical links.
/// </summary>
public static class HelpLinks
{
    /// <summary>The link for a rule under a base (null or empty: the catalogue's own).</summary>
    public static string For(string id, string? baseUri) => Normalise(baseUri) + id + ".md";

    /// <summary>A catalogue link moved under another base; any other link is left alone.</summary>
    public static string Rebase(string helpUri, string? baseUri)
    {
        if (string.IsNullOrWhiteSpace(baseUri) || helpUri is null || !helpUri.StartsWith(RuleCatalog.HelpUriBase, StringComparison.Ordinal))
        {
            return helpUri ?? string.Empty;
        }

        return Normalise(baseUri) + helpUri.Substring(RuleCatalog.HelpUriBase.Length);
    }

    /// <summary>The diagnostic with its help link moved under another base.</summary>
    public static PlanDiagnostic Rebase(PlanDiagnostic diagnostic, string? baseUri)
    {
        if (diagnostic is null)
        {
            throw new ArgumentNullException(nameof(diagnostic));
        }

        var uri = Rebase(diagnostic.HelpUri, baseUri);
        return ReferenceEquals(uri, diagnostic.HelpUri) || uri == diagnostic.HelpUri
            ? diagnostic
            : new PlanDiagnostic(diagnostic.Id, diagnostic.Severity, diagnostic.FilePath, diagnostic.Span, diagnostic.Message, uri);
    }

    private static string Normalise(string? baseUri) =>
        string.IsNullOrWhiteSpace(baseUri) ? RuleCatalog.HelpUriBase : baseUri!.Trim().TrimEnd('/') + "/";
}
