namespace ExecPlan.Validation.Rules;

using ExecPlan.Validation.Model;

/// <summary>
/// One rule: reads the parsed plan and reports what is wrong. A rule is one class in one file
/// named after its ID (<c>Rules/EXP021ProgressItemTimestamp.cs</c>), listed once in
/// <see cref="PlanValidator.Rules"/> (a plain list, so trimming and native AOT keep it; a test fails
/// when a rule class is missing from it) with its descriptor in <see cref="RuleCatalog"/>. A rule
/// whose findings have a mechanical repair also implements <see cref="Fixes.IFixableRule"/> and
/// passes the repair with the finding (<see cref="RuleContext.Report(Diagnostics.SourceSpan, string, Fixes.PlanFix?)"/>),
/// in the same file as its detection; <see cref="Fixes.PlanFixer"/> only applies what findings carry.
/// </summary>
public abstract class PlanRule
{
    /// <summary>The descriptor in <see cref="RuleCatalog"/> this rule reports under.</summary>
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>Whether the rule needs the repository (file system); such rules are skipped when
    /// the caller gives no <see cref="Settings.IRepositoryView"/>.</summary>
    public virtual bool NeedsRepository => false;

    /// <summary>Inspects the plan and reports findings through the context.</summary>
    public abstract void Analyze(PlanDocument plan, RuleContext context);
}
