namespace ExecPlan.Validation.Tests;

using System;
using System.Linq;
using System.Reflection;
using ExecPlan.Validation.Rules;

/// <summary>
/// <see cref="PlanValidator.Rules"/> and <see cref="RuleCatalog.All"/> are written out by hand (no
/// reflection at run time, so trimming and native AOT keep them). Here, where reflection is fine,
/// they are checked against what the assembly really holds.
/// </summary>
public class RuleListTests
{
    [Fact]
    public void Every_rule_class_is_listed_exactly_once_in_ID_order()
    {
        var classes = typeof(PlanRule).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PlanRule)) && !t.IsAbstract)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        var listed = PlanValidator.Rules.Select(r => r.GetType()).ToList();

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(classes.Select(t => t.FullName), listed.OrderBy(t => t.FullName, StringComparer.Ordinal).Select(t => t.FullName));

        var ids = PlanValidator.Rules.Select(r => r.Descriptor.Id).ToList();
        Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_rule_class_is_named_after_its_descriptor()
    {
        foreach (var rule in PlanValidator.Rules)
        {
            Assert.StartsWith(rule.Descriptor.Id, rule.GetType().Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_catalogue_lists_every_descriptor_field_exactly_once_in_ID_order()
    {
        var fields = typeof(RuleCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(RuleDescriptor))
            .Select(f => (RuleDescriptor)f.GetValue(null)!)
            .ToList();

        Assert.Equal(fields.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal), RuleCatalog.All.Select(d => d.Id));
        Assert.All(fields, d => Assert.Same(d, Assert.Single(RuleCatalog.All, x => x.Id == d.Id)));
    }

    [Fact]
    public void Every_descriptor_but_EXP000_and_EXP060_has_exactly_one_rule()
    {
        // EXP000 (the file cannot be validated) is reported by the validator itself, not by a rule;
        // EXP060 is about the repository's PLANS.md, reported once by PlanValidator.ValidatePlansFile.
        var expected = RuleCatalog.All.Where(d => d != RuleCatalog.EXP000 && d != RuleCatalog.EXP060).Select(d => d.Id);
        Assert.Equal(expected, PlanValidator.Rules.Select(r => r.Descriptor.Id));
        Assert.All(PlanValidator.Rules, r => Assert.Same(RuleCatalog.All.Single(d => d.Id == r.Descriptor.Id), r.Descriptor));
    }

    [Fact]
    public void Every_message_format_is_the_title_as_lead_and_one_argument_that_round_trips()
    {
        const string Detail = "add one after this {heading} (line 3).";
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Equal(rule.Title + ": {0}", rule.MessageFormat);
            var message = rule.FormatMessage(Detail);
            Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, rule.MessageFormat, Detail), message);
            Assert.Equal(Detail, rule.DetailOf(message));
            Assert.Equal("no lead here", rule.DetailOf("no lead here"));
        }
    }

    [Fact]
    public void Every_finding_the_validator_reports_carries_its_rules_lead()
    {
        var text = "Intro.\n# T\n## Progress\n- [x] Did it.\n\nStatus: WIP\n";
        var findings = new PlanValidator().Validate(text, "plan.md");
        Assert.NotEmpty(findings);
        Assert.All(findings, d => Assert.StartsWith(RuleCatalog.All.Single(r => r.Id == d.Id).Title + ": ", d.Message, StringComparison.Ordinal));
    }
}
