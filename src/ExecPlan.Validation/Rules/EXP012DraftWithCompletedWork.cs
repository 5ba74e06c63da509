namespace ExecPlan.Validation.Rules;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Rules.Support;

/// <summary>EXP012: a DRAFT plan records no completed implementation work (the approval gate).
/// Only checked items that clearly record implementation are reported: the item's first word
/// (after its timestamp and a "Milestone 1:" label) is an implementation verb from a table
/// (Implemented, Added, Wrote, Fixed, Migrated, ...) whose object is not the plan itself. Planning,
/// research and history ("Researched ...", "Drafted this plan", "Original implementation landed
/// in 2024") and items the table cannot read (other languages, no verb) stay silent.</summary>
public sealed class EXP012DraftWithCompletedWork : PlanRule
{
    // Leading markup and punctuation around the timestamp and label.
    private static readonly Regex Lead = TextScan.Pattern(@"^[\s()\[\]{}*_`~:;.,!|>=\-\u2013\u2014\uFF08\uFF09\uFF1A\u3010\u3011]+");

    // A milestone-style label before the item proper: "Milestone 1:", "M2 -", "Step 3)", "Phase A.".
    // (No two adjacent \s* that can share a run of spaces: that was quadratic on long runs.)
    private static readonly Regex Label = TextScan.Pattern(
        @"^(?:(?:milestone|step|phase|stage|part|task)(?:\s*[\w.]{1,6})?|[mp]\d{1,3})\s*(?:[:)\u2013\u2014\-]|\.\s)|^(?:里程碑|阶段|階段|步骤|步驟|マイルストーン|단계)(?:\s*[\w.]{1,6})?\s*[:：)）.\-]?");

    private static readonly Regex FirstWord = TextScan.Pattern(@"^[a-z]+");

    // The object of the verb is the plan or another planning document: "Wrote the plan",
    // "Created this ExecPlan", "Updated the milestone 2 spec", "Added notes to the ADR": one of
    // these within the first three words. Matched at a word start found by PlanningObjectAhead,
    // not by one regex: '^\W*(?:[\w\-]+\W+){0,3}?...' backtracked exponentially on runs of '-'.
    private static readonly Regex PlanningObject = TextScan.Pattern(
        @"\G(?:exec\s*plans?|plans?|planning|drafts?|specs?|specifications?|proposals?|design\s+docs?|adrs?|rfcs?|outlines?|notes|requirements|progress|sections?|decision\s+log|checklists?)\b");

    private const int PlanningObjectWords = 3;

    /// <summary>Verbs (past tense and base form) that record implementation work.</summary>
    private static readonly HashSet<string> ImplementationVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "implement", "implemented", "add", "added", "write", "wrote", "written", "create", "created",
        "build", "built", "migrate", "migrated", "fix", "fixed", "refactor", "refactored", "merge", "merged",
        "delete", "deleted", "remove", "removed", "rename", "renamed", "replace", "replaced", "wire",
        "wired", "integrate", "integrated", "introduce", "introduced", "convert", "converted", "port",
        "ported", "upgrade", "upgraded", "bump", "bumped", "ship", "shipped", "deploy", "deployed",
        "release", "released", "extract", "extracted", "switch", "switched", "enable", "enabled",
        "disable", "disabled", "configure", "configured", "commit", "committed", "patch", "patched",
        "rewrite", "rewrote", "rewritten", "rework", "reworked", "restructure", "restructured",
        "register", "registered", "expose", "exposed", "instrument", "instrumented", "scaffold",
        "scaffolded", "modify", "modified", "edit", "edited", "change", "changed", "update", "updated",
        "code", "coded", "install", "installed", "deprecate", "deprecated",
    };

    /// <summary>Chinese implementation verbs, which open the sentence as English ones do.
    /// Japanese and Korean put the verb last and are left to silence.</summary>
    private static readonly string[] ChineseImplementationVerbs =
    [
        "实现", "實現", "新增", "添加", "修复", "修復", "重构", "重構", "迁移", "遷移", "合并", "合併", "删除", "刪除", "部署", "编写", "編寫",
    ];

    public override RuleDescriptor Descriptor => RuleCatalog.EXP012;

    public override void Analyze(PlanDocument plan, RuleContext context)
    {
        if (plan.Status?.Value != PlanStatusValue.Draft)
        {
            return;
        }

        var done = plan.ProgressItems.Where(i => i.IsChecked && RecordsImplementation(i)).ToList();
        if (done.Count == 0)
        {
            return;
        }

        var more = done.Count > 1 ? $" ({done.Count} items)" : string.Empty;
        context.Report(done[0].MarkerSpan,
            $"Progress records implementation work{more}; get approval and set Status to APPROVED or IN PROGRESS before implementing.");
    }

    private static bool RecordsImplementation(ChecklistItem item)
    {
        var text = item.Text;
        var token = Timestamps.FindFirst(item);
        if (token is { } t && Lead.Match(text).Length >= t.Index)
        {
            // The timestamp leads the item: read what follows it.
            text = text.Substring(t.Index + t.Length);
        }

        return RecordsImplementation(text);
    }

    /// <summary>True when the text (an item's, after its timestamp) clearly records implementation.</summary>
    internal static bool RecordsImplementation(string text)
    {
        text = Lead.Replace(text, string.Empty);
        text = Lead.Replace(Label.Replace(text, string.Empty), string.Empty);
        foreach (var verb in ChineseImplementationVerbs)
        {
            if (text.StartsWith(verb, StringComparison.Ordinal))
            {
                return true;
            }
        }

        var word = FirstWord.Match(text);
        if (!word.Success || !ImplementationVerbs.Contains(word.Value))
        {
            return false;
        }

        return !PlanningObjectAhead(text.Substring(word.Length));
    }

    /// <summary>
    /// True when a planning object starts at one of the first words: after at most
    /// <see cref="PlanningObjectWords"/> words, where a word is a run of word characters and
    /// hyphens ("up-to-date" is one word, though "exec-plan" may be split at its hyphen). One pass
    /// over the text; each word start is tried once.
    /// </summary>
    private static bool PlanningObjectAhead(string text)
    {
        var hardSeparators = 0; // separators holding something other than '-' (they always end a word)
        var i = 0;
        while (i < text.Length && !IsWordChar(text[i]))
        {
            i++;
        }

        var first = true;
        while (i < text.Length)
        {
            // i is the start of a run of word characters. Words before it: one per hard separator,
            // plus the word cut at a hyphen-only separator right before it.
            var wordsBefore = hardSeparators;
            if (!first && text[i - 1] == '-' && OnlyHyphensBefore(text, i))
            {
                wordsBefore++;
            }

            if (wordsBefore <= PlanningObjectWords && PlanningObject.IsMatch(text, i))
            {
                return true;
            }

            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            var separatorStart = i;
            var hard = false;
            while (i < text.Length && !IsWordChar(text[i]))
            {
                hard |= text[i] != '-';
                i++;
            }

            if (i == separatorStart)
            {
                break;
            }

            if (hard)
            {
                hardSeparators++;
                if (hardSeparators > PlanningObjectWords)
                {
                    return false;
                }
            }

            first = false;
        }

        return false;
    }

    /// <summary>Whether the separator ending at <paramref name="wordStart"/> is hyphens only.</summary>
    private static bool OnlyHyphensBefore(string text, int wordStart)
    {
        var k = wordStart - 1;
        while (k >= 0 && text[k] == '-')
        {
            k--;
        }

        return k >= 0 && IsWordChar(text[k]);
    }

    /// <summary>The regex class \w: letters, decimal digits, non-spacing marks, connector punctuation.</summary>
    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.ConnectorPunctuation;
}
