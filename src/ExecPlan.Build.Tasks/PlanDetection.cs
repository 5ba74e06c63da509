namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

/// <summary>
/// Decides which Markdown additional files are plans. Explicit opt-in/opt-out wins; otherwise a
/// cheap content sniff: the first <see cref="SniffBytes"/> bytes mention "ExecPlan" or
/// "living document". Well-known repository documents (README.md, CHANGELOG.md, ...) are never
/// detected by sniffing; they need <c>ExecPlan="true"</c>.
/// </summary>
internal static class PlanDetection
{
    /// <summary>How much of a file the sniff reads.</summary>
    public const int SniffBytes = 2048;

    private static readonly HashSet<string> NeverSniffed = new(StringComparer.OrdinalIgnoreCase)
    {
        "README.md", "CHANGELOG.md", "CONTRIBUTING.md", "LICENSE.md", "CODE_OF_CONDUCT.md", "SECURITY.md",
        "SUPPORT.md", "AGENTS.md", "CLAUDE.md", "PLANS.md",
    };

    /// <summary>Parses an MSBuild boolean-ish metadata value; null when absent or not a boolean.</summary>
    public static bool? ParseFlag(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || text == "1" ||
            string.Equals(text, "yes", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "on", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) || text == "0" ||
            string.Equals(text, "no", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "off", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return null;
    }

#pragma warning disable CA2249 // string.Contains(string, StringComparison) does not exist on net472.
    private static bool ContainsIgnoreCase(string text, string value) => text.IndexOf(value, StringComparison.OrdinalIgnoreCase) >= 0;
#pragma warning restore CA2249

    /// <summary>True when the file declares itself an ExecPlan near its top.</summary>
    public static bool LooksLikePlan(string fullPath)
    {
        if (NeverSniffed.Contains(Path.GetFileName(fullPath)))
        {
            return false;
        }

        try
        {
            var buffer = new byte[SniffBytes];
            int read;
            using (var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                read = 0;
                int n;
                while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
                {
                    read += n;
                }
            }

            var head = Encoding.UTF8.GetString(buffer, 0, read);
            return ContainsIgnoreCase(head, "ExecPlan") || ContainsIgnoreCase(head, "living document");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            // A file that cannot even be sniffed was never declared a plan: nothing to report.
            return false;
        }
    }
}
