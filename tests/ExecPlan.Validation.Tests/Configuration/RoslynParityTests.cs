namespace ExecPlan.Validation.Tests.Configuration;

using System;
using System.Collections.Generic;
using System.Linq;
using ExecPlan.Validation.Configuration;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Rules;

/// <summary>
/// A table of configurations. For each one and each plan path, <see cref="EditorConfigResolver"/> must give what
/// Roslyn gives: per-ID keys compared with <c>AnalyzerConfigSet.GetOptionsForSourcePath(...).TreeOptions</c> (then the
/// global section's TreeOptions), and every rule's effective severity compared with a real analyzer run (which is
/// where the category and bulk keys take effect). <see cref="Scenario.Expect"/> also pins the answer for the first
/// plan, so a scenario cannot pass just because the oracle and the resolver both ignore the configuration.
/// </summary>
public class RoslynParityTests
{
    private const string Root = "root = true\n";

    public static TheoryData<string> ScenarioNames => new(Scenarios.Keys);

    private static Dictionary<string, Scenario> Scenarios { get; } = BuildScenarios().ToDictionary(s => s.Name, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Resolver_matches_Roslyn(string name)
    {
        var scenario = Scenarios[name];
        using var sandbox = new ConfigSandbox();
        sandbox.WriteAll(scenario.Files);
        var globals = scenario.Globals.Select(sandbox.PathOf).ToList();
        var resolver = new EditorConfigResolver(globals);

        for (int p = 0; p < scenario.Plans.Length; p++)
        {
            string plan = sandbox.Write(scenario.Plans[p], "# Plan\n");
            var ours = resolver.ResolveSeverities(plan);
            var byId = RoslynOracle.IdSeverities(plan, globals);
            var effective = RoslynOracle.EffectiveSeverities(plan, globals);
            string where = $"{name} / {scenario.Plans[p]}";

            foreach (var pair in byId)
            {
                Assert.True(ours.TryGetValue(pair.Key, out var mine), $"{where}: Roslyn configures {pair.Key}={pair.Value}, resolver does not");
                Assert.True(pair.Value == mine, $"{where}: {pair.Key} Roslyn {pair.Value}, resolver {mine}");
            }

            foreach (var rule in RuleCatalog.All)
            {
                var mine = ours.TryGetValue(rule.Id, out var configured) ? configured : rule.DefaultSeverity;
                Assert.True(effective[rule.Id] == mine, $"{where}: effective {rule.Id} Roslyn {effective[rule.Id]}, resolver {mine}");
            }

            if (!scenario.UsesBulkKeys)
            {
                var extra = ours.Keys.Where(k => !byId.ContainsKey(k)).ToList();
                Assert.True(extra.Count == 0, $"{where}: resolver configures {string.Join(",", extra)} that Roslyn does not");
            }

            if (p == 0)
            {
                foreach (var (id, expected) in scenario.Expectations())
                {
                    if (expected is null)
                    {
                        Assert.False(ours.ContainsKey(id), $"{where}: {id} should not be configured");
                    }
                    else
                    {
                        Assert.True(ours.TryGetValue(id, out var got) && got == expected, $"{where}: {id} expected {expected}");
                        Assert.Equal(expected, effective[id]);
                    }
                }
            }
        }
    }

    [Fact]
    public void Scenario_table_is_large_and_names_are_unique()
    {
        Assert.True(Scenarios.Count >= 50, $"only {Scenarios.Count} scenarios");
        Assert.Equal(BuildScenarios().Count(), Scenarios.Count);
    }

    private static string Id(string id, string severity) => $"dotnet_diagnostic.{id}.severity = {severity}\n";

    private static string Category(string severity) => $"dotnet_analyzer_diagnostic.category-ExecPlan.severity = {severity}\n";

    private static string Bulk(string severity) => $"dotnet_analyzer_diagnostic.severity = {severity}\n";

    private static IEnumerable<Scenario> BuildScenarios()
    {
        // --- section forms -------------------------------------------------------------------------------
        yield return new("star_md", F(".editorconfig", Root + "[*.md]\n" + Id("EXP001", "warning")),
            Plans("docs/plan.md", "plan.md", "docs/plan.txt"), "EXP001=Warning");
        yield return new("star_everything", F(".editorconfig", Root + "[*]\n" + Id("EXP002", "none")),
            Plans("a/b/c/plan.md", "plan.md"), "EXP002=None");
        yield return new("docs_plans_double_star", F(".editorconfig", Root + "[docs/plans/**.md]\n" + Id("EXP001", "suggestion")),
            Plans("docs/plans/a.md", "docs/plans/sub/b.md", "docs/other/a.md", "plans/a.md", "x/docs/plans/a.md"), "EXP001=Suggestion");
        yield return new("double_star_slash_plans", F(".editorconfig", Root + "[**/plans/*.md]\n" + Id("EXP001", "silent")),
            Plans("x/plans/a.md", "plans/a.md", "x/y/plans/a.md", "x/plans/sub/a.md"), "EXP001=Silent");
        yield return new("choice_names", F(".editorconfig", Root + "[{a,b}.md]\n" + Id("EXP003", "warning")),
            Plans("a.md", "b.md", "c.md", "sub/a.md", "ab.md"), "EXP003=Warning");
        yield return new("choice_extensions", F(".editorconfig", Root + "[*.{md,txt}]\n" + Id("EXP004", "suggestion")),
            Plans("a.md", "a.txt", "a.cs", "dir/a.txt"), "EXP004=Suggestion");
        yield return new("nested_choice", F(".editorconfig", Root + "[{a,{b,c}}.md]\n" + Id("EXP005", "error")),
            Plans("c.md", "a.md", "b.md", "d.md"), "EXP005=Error");
        yield return new("leading_slash_is_relative_to_config", F(".editorconfig", Root + "[/docs/*.md]\n" + Id("EXP001", "none")),
            Plans("docs/a.md", "x/docs/a.md", "docs/sub/a.md"), "EXP001=None");
        yield return new("slash_inside_is_relative_to_config", F(".editorconfig", Root + "[docs/*.md]\n" + Id("EXP001", "none")),
            Plans("docs/a.md", "docs/x/y.md", "other/docs/a.md"), "EXP001=None");
        yield return new("numeric_range", F(".editorconfig", Root + "[plan{1..3}.md]\n" + Id("EXP001", "warning")),
            Plans("plan2.md", "plan1.md", "plan3.md", "plan4.md", "plan0.md", "plan-1.md", "planx.md"), "EXP001=Warning");
        yield return new("numeric_range_reversed", F(".editorconfig", Root + "[v{3..1}.md]\n" + Id("EXP001", "warning")),
            Plans("v2.md", "v4.md"), "EXP001=Warning");
        yield return new("numeric_range_negative", F(".editorconfig", Root + "[p{-2..2}.md]\n" + Id("EXP001", "warning")),
            Plans("p-1.md", "p-3.md", "p2.md", "p02.md"), "EXP001=Warning");
        yield return new("character_class", F(".editorconfig", Root + "[[ab].md]\n" + Id("EXP002", "error")),
            Plans("a.md", "b.md", "c.md"), "EXP002=Error");
        yield return new("negated_character_class", F(".editorconfig", Root + "[[!ab].md]\n" + Id("EXP002", "error")),
            Plans("c.md", "a.md", "b.md"), "EXP002=Error");
        yield return new("character_range_class", F(".editorconfig", Root + "[[a-c]x.md]\n" + Id("EXP002", "error")),
            Plans("bx.md", "dx.md"), "EXP002=Error");
        yield return new("question_mark", F(".editorconfig", Root + "[plan?.md]\n" + Id("EXP002", "none")),
            Plans("plan1.md", "plan12.md", "plan.md"), "EXP002=None");
        yield return new("escaped_braces", F(".editorconfig", Root + "[\\{a\\}.md]\n" + Id("EXP002", "none")),
            Plans("{a}.md", "a.md"), "EXP002=None");
        yield return new("escaped_hash", F(".editorconfig", Root + "[a\\#b.md]\n" + Id("EXP002", "none")),
            Plans("a#b.md", "ab.md"), "EXP002=None");
        yield return new("escaped_star", F(".editorconfig", Root + "[\\*.md]\n" + Id("EXP002", "none")),
            Plans("x.md", "*.md"), "EXP002=-");
        yield return new("bracket_in_name", F(".editorconfig", Root + "[a]b.md]\n" + Id("EXP002", "none")),
            Plans("a]b.md", "b.md"), "EXP002=None");
        yield return new("section_names_are_case_sensitive", F(".editorconfig", Root + "[*.MD]\n" + Id("EXP002", "none")),
            Plans("a.md", "b.MD"), "EXP002=-");
        yield return new("malformed_sections_never_match", F(".editorconfig",
                Root + "[{a,b.md]\n" + Id("EXP001", "none") + "[a}.md]\n" + Id("EXP002", "none") + "[x,y.md]\n" + Id("EXP003", "none")
                + "[[ab.md]\n" + Id("EXP004", "none") + "[a\\]\n" + Id("EXP005", "none") + "[*.md]\n" + Id("EXP007", "error")),
            Plans("a.md", "b.md", "a}.md", "x,y.md"), "EXP001=-;EXP002=-;EXP003=-;EXP004=-;EXP005=-;EXP007=Error");

        // --- files: nesting, root, order ------------------------------------------------------------------
        yield return new("nearest_file_wins", F(
                ".editorconfig", Root + "[*.md]\n" + Id("EXP001", "error") + Id("EXP002", "error"),
                "docs/.editorconfig", "[*.md]\n" + Id("EXP001", "suggestion")),
            Plans("docs/a.md", "a.md", "docs/sub/b.md"), "EXP001=Suggestion;EXP002=Error");
        yield return new("outer_specific_section_loses_to_inner_star", F(
                ".editorconfig", Root + "[docs/a.md]\n" + Id("EXP001", "error"),
                "docs/.editorconfig", "[*]\n" + Id("EXP001", "warning")),
            Plans("docs/a.md"), "EXP001=Warning");
        yield return new("inner_relative_section", F(
                ".editorconfig", Root,
                "docs/.editorconfig", "[plans/*.md]\n" + Id("EXP001", "warning")),
            Plans("docs/plans/a.md", "plans/a.md", "docs/a.md"), "EXP001=Warning");
        yield return new("root_true_stops_the_walk", F(
                "outer/.editorconfig", Root + "[*]\n" + Id("EXP001", "none") + Id("EXP002", "none"),
                "outer/inner/.editorconfig", "root = true\n[*.md]\n" + Id("EXP002", "warning")),
            Plans("outer/inner/a.md", "outer/a.md", "outer/inner/deep/a.md"), "EXP001=-;EXP002=Warning");
        yield return new("root_value_is_case_insensitive", F(
                "outer/.editorconfig", Root + "[*]\n" + Id("EXP001", "none"),
                "outer/inner/.editorconfig", "ROOT = TRUE\n[*.md]\n" + Id("EXP002", "warning")),
            Plans("outer/inner/a.md"), "EXP001=-;EXP002=Warning");
        yield return new("root_in_a_section_does_not_count", F(
                "outer/.editorconfig", Root + "[*]\n" + Id("EXP001", "none"),
                "outer/inner/.editorconfig", "[*.md]\nroot = true\n" + Id("EXP002", "warning")),
            Plans("outer/inner/a.md"), "EXP001=None;EXP002=Warning");
        yield return new("root_false_keeps_walking", F(
                "outer/.editorconfig", Root + "[*]\n" + Id("EXP001", "none"),
                "outer/inner/.editorconfig", "root = false\n"),
            Plans("outer/inner/a.md"), "EXP001=None");
        yield return new("later_section_wins", F(".editorconfig", Root + "[*]\n" + Id("EXP001", "error") + "[*.md]\n" + Id("EXP001", "warning")),
            Plans("a.md"), "EXP001=Warning");
        yield return new("later_section_wins_even_if_less_specific", F(".editorconfig", Root + "[*.md]\n" + Id("EXP001", "warning") + "[*]\n" + Id("EXP001", "silent")),
            Plans("a.md"), "EXP001=Silent");
        yield return new("same_section_twice", F(".editorconfig", Root + "[*.md]\n" + Id("EXP001", "warning") + "[*.md]\n" + Id("EXP001", "none")),
            Plans("a.md"), "EXP001=None");
        yield return new("same_key_twice_in_section", F(".editorconfig", Root + "[*.md]\n" + Id("EXP001", "warning") + Id("EXP001", "none")),
            Plans("a.md"), "EXP001=None");
        yield return new("preamble_keys_do_not_apply", F(".editorconfig", Root + Id("EXP001", "none")),
            Plans("a.md"), "EXP001=-");
        yield return new("no_config_at_all", F("other/.editorconfig", Root + "[*]\n" + Id("EXP001", "none")),
            Plans("docs/a.md"), "EXP001=-");

        // --- syntax -------------------------------------------------------------------------------------
        yield return new("keys_and_values_case_insensitive", F(".editorconfig", Root + "[*.md]\nDOTNET_DIAGNOSTIC.exp001.SEVERITY = ERROR\nDotnet_Diagnostic.EXP002.Severity = SuGgEsTiOn\n"),
            Plans("a.md"), "EXP001=Error;EXP002=Suggestion");
        yield return new("comments", F(".editorconfig", Root + "# " + Id("EXP001", "none") + "; " + Id("EXP002", "none") + "[*.md] # trailing\n   # indented\n" + Id("EXP003", "warning") + "\t; " + Id("EXP004", "none")),
            Plans("a.md"), "EXP001=-;EXP002=-;EXP003=Warning;EXP004=-");
        yield return new("section_header_comment_semicolon", F(".editorconfig", Root + "[*.md] ; note\n" + Id("EXP003", "warning")),
            Plans("a.md"), "EXP003=Warning");
        yield return new("trailing_comment_in_value", F(".editorconfig", Root + "[*.md]\ndotnet_diagnostic.EXP001.severity = warning # why\ndotnet_diagnostic.EXP002.severity = none ; why\n"),
            Plans("a.md"), "EXP001=Warning;EXP002=None");
        yield return new("colon_separator_and_no_spaces", F(".editorconfig", Root + "[*.md]\ndotnet_diagnostic.EXP001.severity : warning\ndotnet_diagnostic.EXP002.severity=none\n"),
            Plans("a.md"), "EXP001=Warning;EXP002=None");
        yield return new("junk_lines_ignored", F(".editorconfig", Root + "this is not valid\n[unterminated\n= value\n[*.md]\ngarbage line\nkey with space = x\n" + Id("EXP001", "warning")),
            Plans("a.md"), "EXP001=Warning");
        yield return new("crlf_and_cr_line_endings", F(".editorconfig", "root = true\r\n[*.md]\r\ndotnet_diagnostic.EXP001.severity = warning\rdotnet_diagnostic.EXP002.severity = none\r\n"),
            Plans("a.md"), "EXP001=Warning;EXP002=None");
        yield return new("leading_whitespace", F(".editorconfig", "  root = true\n   [*.md]\n\t" + Id("EXP001", "warning")),
            Plans("a.md"), "EXP001=Warning");

        // --- severity words ---------------------------------------------------------------------------------
        yield return new("all_severity_words", F(".editorconfig", Root + "[*.md]\n" + Id("EXP001", "none") + Id("EXP002", "silent") + Id("EXP003", "suggestion")
                + Id("EXP004", "warning") + Id("EXP005", "error") + Id("EXP006", "refactoring")),
            Plans("a.md"), "EXP001=None;EXP002=Silent;EXP003=Suggestion;EXP004=Warning;EXP005=Error;EXP006=Silent");
        yield return new("info_hidden_unset_and_unknown_words_are_ignored", F(".editorconfig", Root + "[*.md]\n" + Id("EXP001", "info") + Id("EXP002", "hidden")
                + Id("EXP003", "bogus") + Id("EXP004", "unset") + Id("EXP005", "") + Id("EXP007", "warn")),
            Plans("a.md"), "EXP001=-;EXP002=-;EXP003=-;EXP004=-;EXP005=-;EXP007=-");
        yield return new("invalid_value_does_not_overwrite", F(".editorconfig", Root + "[*]\n" + Id("EXP001", "warning") + "[*.md]\n" + Id("EXP001", "bogus")),
            Plans("a.md"), "EXP001=Warning");
        yield return new("default_word_means_rule_default", F(".editorconfig", Root + "[*]\n" + Id("EXP006", "error") + "[*.md]\n" + Id("EXP006", "default") + Id("EXP001", "DEFAULT")),
            Plans("a.md"), "EXP006=Suggestion;EXP001=Error");

        // --- category and bulk keys --------------------------------------------------------------------------
        yield return new("category_key", F(".editorconfig", Root + "[*.md]\n" + Category("error")),
            Plans("a.md", "a.txt"), "EXP006=Error;EXP002=Error", bulk: true);
        yield return new("category_key_lower_case", F(".editorconfig", Root + "[*.md]\ndotnet_analyzer_diagnostic.category-execplan.severity = suggestion\n"),
            Plans("a.md"), "EXP001=Suggestion", bulk: true);
        yield return new("other_category_ignored", F(".editorconfig", Root + "[*.md]\ndotnet_analyzer_diagnostic.category-Style.severity = none\n"),
            Plans("a.md"), "EXP001=-", bulk: true);
        yield return new("bulk_key", F(".editorconfig", Root + "[*]\n" + Bulk("suggestion")),
            Plans("a.md"), "EXP001=Suggestion;EXP006=Suggestion", bulk: true);
        yield return new("specific_beats_category_beats_bulk", F(".editorconfig", Root + "[*.md]\n" + Id("EXP001", "none") + Category("warning") + Bulk("error")),
            Plans("a.md"), "EXP001=None;EXP002=Warning;EXP006=Warning", bulk: true);
        yield return new("category_in_outer_file_beats_bulk_in_nearer_file", F(
                ".editorconfig", Root + "[*]\n" + Category("warning"),
                "docs/.editorconfig", "[*]\n" + Bulk("none")),
            Plans("docs/a.md"), "EXP001=Warning", bulk: true);
        yield return new("specific_in_outer_file_beats_category_in_nearer_file", F(
                ".editorconfig", Root + "[*]\n" + Id("EXP001", "silent"),
                "docs/.editorconfig", "[*]\n" + Category("none")),
            Plans("docs/a.md"), "EXP001=Silent;EXP002=None", bulk: true);
        yield return new("invalid_category_value_falls_through_to_bulk", F(".editorconfig", Root + "[*]\n" + Category("warning") + Bulk("error") + "[*.md]\n" + Category("bogus")),
            Plans("a.md"), "EXP001=Error", bulk: true);
        yield return new("category_default_word", F(".editorconfig", Root + "[*]\n" + Category("default") + Bulk("none")),
            Plans("a.md"), "EXP001=Error;EXP006=Suggestion", bulk: true);
        yield return new("specific_default_blocks_bulk", F(".editorconfig", Root + "[*]\n" + Id("EXP002", "default") + Bulk("none")),
            Plans("a.md"), "EXP002=Warning;EXP001=None", bulk: true);

        // --- global configs ------------------------------------------------------------------------------
        yield return new("globalconfig_alone", F(".globalconfig", "is_global = true\n" + Id("EXP001", "none")),
            Plans("docs/a.md"), "EXP001=None", globals: G(".globalconfig"));
        yield return new("editorconfig_beats_globalconfig", F(
                ".globalconfig", "is_global = true\n" + Id("EXP001", "error") + Id("EXP002", "none"),
                ".editorconfig", Root + "[*.md]\n" + Id("EXP001", "suggestion")),
            Plans("a.md"), "EXP001=Suggestion;EXP002=None", globals: G(".globalconfig"));
        yield return new("global_path_section", F(
                "cfg/team.globalconfig", "is_global = true\n" + Id("EXP001", "error") + "[{ROOT}/docs/a.md]\n" + Id("EXP001", "silent")),
            Plans("docs/a.md", "docs/b.md"), "EXP001=Silent", globals: G("cfg/team.globalconfig"));
        yield return new("global_path_section_loses_to_editorconfig", F(
                "cfg/team.globalconfig", "is_global = true\n[{ROOT}/docs/a.md]\n" + Id("EXP001", "silent"),
                ".editorconfig", Root + "[*.md]\n" + Id("EXP001", "warning")),
            Plans("docs/a.md"), "EXP001=Warning", globals: G("cfg/team.globalconfig"));
        yield return new("global_glob_sections_are_ignored", F(
                "cfg/team.globalconfig", "is_global = true\n[*.md]\n" + Id("EXP001", "none") + "[{ROOT}/docs/*.md]\n" + Id("EXP002", "none")),
            Plans("docs/a.md"), "EXP001=-;EXP002=-", globals: G("cfg/team.globalconfig"));
        yield return new("global_levels_higher_wins", F(
                "a.globalconfig", "is_global = true\nglobal_level = 5\n" + Id("EXP001", "warning") + Id("EXP002", "warning"),
                "b.globalconfig", "is_global = true\nglobal_level = 10\n" + Id("EXP001", "error")),
            Plans("a.md"), "EXP001=Error;EXP002=Warning", globals: G("a.globalconfig", "b.globalconfig"));
        yield return new("global_levels_equal_conflict_drops_key", F(
                "a.globalconfig", "is_global = true\n" + Id("EXP001", "warning") + Id("EXP002", "none") + Id("EXP003", "suggestion"),
                "b.globalconfig", "is_global = true\n" + Id("EXP001", "error") + Id("EXP002", "none")),
            Plans("a.md"), "EXP001=-;EXP002=-;EXP003=Suggestion", globals: G("a.globalconfig", "b.globalconfig"));
        yield return new("global_conflict_resolved_by_higher_later", F(
                "a.globalconfig", "is_global = true\n" + Id("EXP001", "warning"),
                "b.globalconfig", "is_global = true\n" + Id("EXP001", "error"),
                "c.globalconfig", "is_global = true\nglobal_level = 1\n" + Id("EXP001", "silent")),
            Plans("a.md"), "EXP001=Silent", globals: G("a.globalconfig", "b.globalconfig", "c.globalconfig"));
        yield return new("global_conflict_not_resolved_by_lower", F(
                "a.globalconfig", "is_global = true\nglobal_level = 3\n" + Id("EXP001", "warning"),
                "b.globalconfig", "is_global = true\nglobal_level = 3\n" + Id("EXP001", "error"),
                "c.globalconfig", "is_global = true\nglobal_level = 1\n" + Id("EXP001", "silent")),
            Plans("a.md"), "EXP001=-", globals: G("c.globalconfig", "a.globalconfig", "b.globalconfig"));
        yield return new("dot_globalconfig_defaults_to_level_100", F(
                "cfg/.globalconfig", "is_global = true\n" + Id("EXP001", "warning"),
                "cfg/team.globalconfig", "is_global = true\n" + Id("EXP001", "error"),
                "cfg/high.globalconfig", "is_global = true\nglobal_level = 99\n" + Id("EXP002", "error")),
            Plans("a.md"), "EXP001=Warning;EXP002=Error", globals: G("cfg/team.globalconfig", "cfg/.globalconfig", "cfg/high.globalconfig"));
        yield return new("invalid_global_level_uses_default", F(
                "a.globalconfig", "is_global = true\nglobal_level = high\n" + Id("EXP001", "warning"),
                "b.globalconfig", "is_global = true\nglobal_level = -1\n" + Id("EXP001", "error")),
            Plans("a.md"), "EXP001=Warning", globals: G("a.globalconfig", "b.globalconfig"));
        yield return new("global_same_path_section_twice_conflicts", F(
                "a.globalconfig", "is_global = true\n[{ROOT}/a.md]\n" + Id("EXP001", "warning") + "[{ROOT}/a.md]\n" + Id("EXP001", "error") + Id("EXP002", "none")),
            Plans("a.md"), "EXP001=-;EXP002=None", globals: G("a.globalconfig"));
        yield return new("specific_in_globalconfig_beats_category_in_editorconfig", F(
                ".globalconfig", "is_global = true\n" + Id("EXP001", "suggestion"),
                ".editorconfig", Root + "[*.md]\n" + Category("error")),
            Plans("a.md"), "EXP001=Suggestion;EXP002=Error", globals: G(".globalconfig"), bulk: true);
        yield return new("category_in_globalconfig_beats_bulk_in_editorconfig", F(
                ".globalconfig", "is_global = true\n" + Category("warning"),
                ".editorconfig", Root + "[*.md]\n" + Bulk("error")),
            Plans("a.md"), "EXP001=Warning", globals: G(".globalconfig"), bulk: true);
        yield return new("bulk_in_globalconfig", F(".globalconfig", "is_global = true\n" + Bulk("none")),
            Plans("a.md"), "EXP001=None;EXP006=None", globals: G(".globalconfig"), bulk: true);
        yield return new("editorconfig_bulk_overrides_globalconfig_bulk", F(
                ".globalconfig", "is_global = true\n" + Bulk("none"),
                ".editorconfig", Root + "[*.md]\n" + Bulk("warning")),
            Plans("a.md"), "EXP001=Warning", globals: G(".globalconfig"), bulk: true);
        yield return new("discovered_editorconfig_with_is_global", F(
                ".editorconfig", Root,
                "docs/.editorconfig", "is_global = true\n" + Id("EXP001", "none") + "[*.md]\n" + Id("EXP002", "none")),
            Plans("docs/a.md", "a.md"), "EXP001=None;EXP002=-");
        yield return new("is_global_false_still_global", F(
                ".editorconfig", Root,
                "docs/.editorconfig", "is_global = false\n" + Id("EXP001", "none") + "[*.md]\n" + Id("EXP002", "none")),
            Plans("docs/a.md"), "EXP001=None;EXP002=-");
        yield return new("globalconfig_root_key_is_not_a_root", F(
                ".editorconfig", Root + "[*]\n" + Id("EXP002", "none"),
                ".globalconfig", "is_global = true\nroot = true\n" + Id("EXP001", "none")),
            Plans("docs/a.md"), "EXP001=None;EXP002=None", globals: G(".globalconfig"));
    }

    private static Dictionary<string, string> F(params string[] pathsAndContents)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < pathsAndContents.Length; i += 2)
        {
            files[pathsAndContents[i]] = pathsAndContents[i + 1];
        }

        return files;
    }

    private static string[] Plans(params string[] plans) => plans;

    private static string[] G(params string[] globals) => globals;

    internal sealed class Scenario
    {
        public Scenario(string name, Dictionary<string, string> files, string[] plans, string expect = "", string[]? globals = null, bool bulk = false)
        {
            this.Name = name;
            this.Files = files;
            this.Plans = plans;
            this.Expect = expect;
            this.Globals = globals ?? Array.Empty<string>();
            this.UsesBulkKeys = bulk;
        }

        public string Name { get; }

        public Dictionary<string, string> Files { get; }

        public string[] Plans { get; }

        /// <summary><c>ID=Severity</c> pairs for the first plan, separated by ';'; <c>ID=-</c> means not configured.</summary>
        public string Expect { get; }

        public string[] Globals { get; }

        public bool UsesBulkKeys { get; }

        public IEnumerable<(string Id, RuleSeverity? Severity)> Expectations()
        {
            foreach (string part in this.Expect.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] kv = part.Split('=');
                yield return (kv[0], kv[1] == "-" ? null : Enum.Parse<RuleSeverity>(kv[1]));
            }
        }
    }
}
