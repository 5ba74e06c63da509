namespace ExecPlan.Validation.Settings;

using System;

/// <summary>Which form of ExecPlan the rules expect.</summary>
public enum PlanProfile
{
    /// <summary>The full skill: seven mandatory living sections and a Status line.</summary>
    Skill = 0,

    /// <summary>The older, widespread form: four living sections; Constraints, Tolerances,
    /// Risks and Status are optional and checked only where present.</summary>
    Classic = 1,

    /// <summary>The profile derived from the repository's PLANS.md
    /// (<see cref="ValidationSettings.PlansProfile"/>), else <see cref="Skill"/>. The default.</summary>
    Auto = 2,
}

/// <summary>Parsing of profile names as users write them.</summary>
public static class PlanProfileText
{
    public static bool TryParse(string? text, out PlanProfile profile)
    {
        if (string.Equals(text?.Trim(), "skill", StringComparison.OrdinalIgnoreCase))
        {
            profile = PlanProfile.Skill;
            return true;
        }

        if (string.Equals(text?.Trim(), "classic", StringComparison.OrdinalIgnoreCase))
        {
            profile = PlanProfile.Classic;
            return true;
        }

        if (string.Equals(text?.Trim(), "auto", StringComparison.OrdinalIgnoreCase))
        {
            profile = PlanProfile.Auto;
            return true;
        }

        profile = PlanProfile.Auto;
        return false;
    }

    public static string ToText(this PlanProfile profile) => profile switch
    {
        PlanProfile.Classic => "classic",
        PlanProfile.Auto => "auto",
        _ => "skill",
    };
}
