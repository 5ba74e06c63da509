namespace ExecPlan.Build.Tasks;

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using ExecPlan.Validation;

/// <summary>
/// Decides which Markdown additional files are plans. Explicit opt-in/opt-out wins; otherwise a
/// cheap content sniff of the first <see cref="SniffBytes"/> bytes with the library's
/// <see cref="PlanDiscovery"/> (the analyzer uses the same), so README.md and the like need
/// <c>ExecPlan="true"</c>.
/// </summary>
internal static class PlanDetection
{
    /// <summary>How much of a file the sniff reads.</summary>
    public const int SniffBytes = 2048;

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

    /// <summary>True when the file declares itself an ExecPlan near its top.</summary>
    public static bool LooksLikePlan(string fullPath)
    {
        if (PlanDiscovery.IsWellKnownDocument(fullPath))
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
            return PlanDiscovery.IsUnmarkedPlan(fullPath, head);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            // A file that cannot even be sniffed was never declared a plan: nothing to report.
            return false;
        }
    }
}
