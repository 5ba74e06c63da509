namespace ExecPlan.Validation.Parsing;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Settings;

/// <summary>The known section names and their variants, in every language the catalogue knows.</summary>
public static partial class SectionCatalog
{
    private static Dictionary<string, KnownName> ToDictionary(List<KnownName> list, bool byTokens)
    {
        var names = new Dictionary<string, KnownName>(StringComparer.Ordinal);
        foreach (var name in list)
        {
            var key = byTokens ? string.Join(" ", name.Tokens) : name.Normalized;
            if (key.Length > 0 && !names.ContainsKey(key))
            {
                names.Add(key, name);
            }
        }

        return names;
    }

    private static HashSet<string> FirstWords(List<KnownName> list)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in list)
        {
            if (name.Tokens.Length > 0)
            {
                words.Add(name.Tokens[0]);
            }
        }

        return words;
    }

    private static KnownName[] MultiWord(List<KnownName> list)
    {
        var multiWord = new List<KnownName>();
        foreach (var name in list)
        {
            if (name.Tokens.Length >= 2)
            {
                multiWord.Add(name);
            }
        }

        return multiWord.ToArray();
    }

    private static List<KnownName> BuildNames()
    {
        var names = new List<KnownName>();
        void Add(SectionKind kind, params string[] variants)
        {
            foreach (var variant in variants)
            {
                names.Add(new KnownName(kind, Normalize(variant)));
            }
        }

        Add(SectionKind.Purpose, "Purpose / Big Picture", "Purpose and Big Picture", "Big Picture / Purpose", "Purpose",
            "Big Picture", "Purpose and Intent", "Purpose and Scope", "Goal", "Goals", "Objective", "Objectives");
        Add(SectionKind.Constraints, "Constraints", "Hard Constraints", "Constraints and Invariants", "Invariants");
        Add(SectionKind.Tolerances, "Tolerances", "Tolerance", "Exception Triggers", "Escalation Triggers",
            "Tolerances and Exception Triggers");
        Add(SectionKind.Risks, "Risks", "Risk", "Known Risks", "Risks and Mitigations", "Risk Register");
        Add(SectionKind.Progress, "Progress", "Progress Log", "Progress Notes", "Progress Checklist", "Progress Tracker");
        Add(SectionKind.Surprises, "Surprises & Discoveries", "Surprises", "Discoveries", "Surprises / Discoveries");
        Add(SectionKind.DecisionLog, "Decision Log", "Decisions Log", "Decisions", "Decision Record", "Decision History");
        Add(SectionKind.Outcomes, "Outcomes & Retrospective", "Outcomes & Retrospectives", "Outcome & Retrospective",
            "Outcomes / Retrospective", "Outcomes", "Retrospective", "Outcomes & Lessons Learned");
        Add(SectionKind.Context, "Context and Orientation", "Context & Orientation", "Context", "Orientation");
        Add(SectionKind.PlanOfWork, "Plan of Work", "Work Plan");
        Add(SectionKind.ConcreteSteps, "Concrete Steps", "Steps");
        Add(SectionKind.Validation, "Validation and Acceptance", "Validation", "Acceptance", "Acceptance Criteria",
            "Validation and Acceptance Criteria");
        Add(SectionKind.Idempotence, "Idempotence and Recovery", "Idempotency and Recovery", "Idempotence", "Recovery",
            "Idempotence and Rollback");
        Add(SectionKind.Artifacts, "Artifacts and Notes", "Artefacts and Notes", "Artifacts", "Artefacts");
        Add(SectionKind.Interfaces, "Interfaces and Dependencies", "Interfaces", "Dependencies");
        Add(SectionKind.RevisionNote, "Revision Note", "Revision Notes", "Revision History", "Revisions", "Change Log",
            "Changelog", "Revision Log", "Change Note", "Change Notes");
        Add(SectionKind.Status, "Status", "Plan Status");

        // The living sections' names in Chinese, Japanese and Korean, as plans written in those
        // languages title them (alone or beside the English name).
        Add(SectionKind.Progress, "进度", "進度", "进展", "進捗", "進捗状況", "진행 상황", "진행상황", "진행 현황");
        Add(SectionKind.Surprises, "意外与发现", "意外和发现", "惊喜与发现", "驚きと発見", "想定外の発見", "놀라움과 발견", "예상 밖의 발견");
        Add(SectionKind.DecisionLog, "决策日志", "决策记录", "決定ログ", "決定記録", "意思決定ログ", "결정 기록", "결정 로그", "의사결정 기록");
        Add(SectionKind.Outcomes, "成果与回顾", "结果与回顾", "成果と振り返り", "結果と振り返り", "결과 및 회고", "결과와 회고");
        return names;
    }
}
