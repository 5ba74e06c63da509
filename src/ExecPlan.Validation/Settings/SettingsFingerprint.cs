namespace ExecPlan.Validation.Settings;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ExecPlan.Validation.Diagnostics;

/// <summary>
/// The one cache key for settings: a stable text of everything in <see cref="ValidationSettings"/>
/// that can change a plan's diagnostics (profile, derived profile, severities, size limit, inline
/// suppressions, repository root and PLANS.md). Used by the task's cache and the analyzer's; the
/// caller adds the content and the tool's version.
/// </summary>
public static class SettingsFingerprint
{
    public static string Of(ValidationSettings settings)
    {
        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        var text = new StringBuilder(128);
        text.Append("profile=").Append(settings.Profile.ToText())
            .Append(";derived=").Append(settings.Derived?.Fingerprint ?? string.Empty)
            .Append(";max=").Append(settings.MaxFileSizeBytes.ToString(CultureInfo.InvariantCulture))
            .Append(";inline=").Append(settings.UseInlineSuppressions ? '1' : '0');
        if (settings.Repository is FileSystemRepositoryView view)
        {
            text.Append(";repo=").Append(view.Root).Append('|').Append(view.PlansFile ?? string.Empty);
        }
        else if (settings.Repository is { } other)
        {
            text.Append(";repo=").Append(other.GetType().FullName).Append('|').Append(other.PlansFile ?? string.Empty);
        }

        text.Append(";severities=");
        var ids = new List<string>(settings.SeverityOverrides.Keys);
        ids.Sort(StringComparer.OrdinalIgnoreCase);
        foreach (var id in ids)
        {
            text.Append(id.ToUpperInvariant()).Append('=').Append(settings.SeverityOverrides[id].ToText()).Append(',');
        }

        return text.ToString();
    }
}
