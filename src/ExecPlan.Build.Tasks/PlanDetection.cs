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

        // A FIFO, device or unreadable file cannot be sniffed and was never declared a plan:
        // nothing to report (and nothing blocks).
        var head = Validation.Io.SafeFileReader.ReadPrefix(fullPath, SniffBytes).Bytes;
        return head is not null && PlanDiscovery.IsUnmarkedPlan(fullPath, Encoding.UTF8.GetString(head, 0, head.Length));
    }
}
