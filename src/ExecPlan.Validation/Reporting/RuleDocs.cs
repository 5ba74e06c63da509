namespace ExecPlan.Validation.Reporting;

using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text;
using ExecPlan.Validation.Rules;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// The rule pages (<c>docs/rules/EXPnnn.md</c>), embedded into the library at build time so a
/// report can carry a rule's full help without reaching the repository or the network.
/// </summary>
public static class RuleDocs
{
    private const string ResourcePrefix = "ExecPlan.Validation.RuleDocs.";

    private static readonly ConcurrentDictionary<string, string?> Pages = new(StringComparer.OrdinalIgnoreCase);

    private static readonly MarkdownPipeline LinkPipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <summary>The rule's page as Markdown (line ends normalised to <c>\n</c>), or null when
    /// <paramref name="id"/> has no embedded page.</summary>
    public static string? Markdown(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Any(c => !char.IsLetterOrDigit(c)))
        {
            return null;
        }

        return Pages.GetOrAdd(id.ToUpperInvariant(), Load);
    }

    /// <summary>The IDs that have an embedded page, in ordinal order.</summary>
    public static string[] Ids() => typeof(RuleDocs).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
        .Select(n => n.Substring(ResourcePrefix.Length, n.Length - ResourcePrefix.Length - 3))
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The page for a reader that is not beside the docs folder: relative links (to
    /// other rule pages, to the index) are made absolute against <see cref="RuleCatalog.HelpUriBase"/>.</summary>
    internal static string? HelpMarkdown(string id)
    {
        var markdown = Markdown(id);
        return markdown is null ? null : AbsoluteLinks(markdown, RuleCatalog.HelpUriBase);
    }

    /// <summary>The page as plain text (Markdown syntax removed), for <c>help.text</c>.</summary>
    internal static string? HelpText(string id)
    {
        var markdown = Markdown(id);
        return markdown is null ? null : Markdig.Markdown.ToPlainText(markdown).Replace("\r\n", "\n").Trim() + "\n";
    }

    /// <summary>Rewrites the targets of inline links that are relative (no scheme, not a bare
    /// fragment) to <paramref name="baseUri"/> + target; everything else stays byte for byte.</summary>
    internal static string AbsoluteLinks(string markdown, string baseUri)
    {
        var document = Markdig.Markdown.Parse(markdown, LinkPipeline);
        var spans = document.Descendants<LinkInline>()
            .Where(l => !l.IsAutoLink && l.UrlSpan.Length > 0 && IsRelative(l.Url))
            .Select(l => l.UrlSpan)
            .OrderByDescending(s => s.Start)
            .ToList();
        if (spans.Count == 0)
        {
            return markdown;
        }

        var builder = new StringBuilder(markdown);
        foreach (var span in spans)
        {
            var target = markdown.Substring(span.Start, span.Length);
            if (target.StartsWith("<", StringComparison.Ordinal))
            {
                continue;
            }

            builder.Remove(span.Start, span.Length).Insert(span.Start, baseUri + target);
        }

        return builder.ToString();
    }

    private static bool IsRelative(string? url)
    {
        if (string.IsNullOrEmpty(url) || url![0] == '#' || url[0] == '/')
        {
            return false;
        }

        var colon = url.IndexOf(':');
        var slash = url.IndexOf('/');
        return colon < 0 || (slash >= 0 && slash < colon);
    }

    private static string? Load(string id)
    {
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream(ResourcePrefix + id + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
