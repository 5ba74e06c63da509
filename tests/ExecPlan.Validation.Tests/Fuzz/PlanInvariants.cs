namespace ExecPlan.Validation.Tests.Fuzz;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ExecPlan.Validation.Diagnostics;
using ExecPlan.Validation.Parsing;

/// <summary>
/// What must hold for any input, however broken: nothing escapes the validator, no rule fails
/// and the parser never gives up (unless the input is deliberately absurd), the result is
/// deterministic, every span lies inside the file, and diagnostics come sorted by (span, id).
/// Returns the violations as text (empty when all hold), so the xunit tests and the
/// <c>bench/ExecPlan.Fuzz</c> console runner share one definition.
/// </summary>
public static class PlanInvariants
{
    /// <summary>Checks text input through <see cref="PlanValidator.Validate(string, string)"/>.</summary>
    public static List<string> CheckText(PlanValidator validator, string text, bool absurd = false)
    {
        var problems = new List<string>();
        IReadOnlyList<PlanDiagnostic> first;
        IReadOnlyList<PlanDiagnostic> second;
        try
        {
            first = validator.Validate(text, "fuzz.md");
            second = validator.Validate(text, "fuzz.md");
        }
#pragma warning disable CA1031 // The invariant under test is exactly that nothing escapes.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            problems.Add("exception escaped Validate: " + ex);
            return problems;
        }

        Check(text, first, second, absurd, problems);
        return problems;
    }

    /// <summary>Checks byte input through <see cref="PlanValidator.ValidateBytes"/>.</summary>
    public static List<string> CheckBytes(PlanValidator validator, byte[] bytes, bool absurd = false)
    {
        var problems = new List<string>();
        IReadOnlyList<PlanDiagnostic> first;
        IReadOnlyList<PlanDiagnostic> second;
        try
        {
            first = validator.ValidateBytes(bytes, "fuzz.md");
            second = validator.ValidateBytes(bytes, "fuzz.md");
        }
#pragma warning disable CA1031 // The invariant under test is exactly that nothing escapes.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            problems.Add("exception escaped ValidateBytes: " + ex);
            return problems;
        }

        // Spans are checked against the text the validator saw; undecodable input has none.
        var text = Encoding.UTF8.GetString(bytes);
        Check(text, first, second, absurd, problems);
        return problems;
    }

    private static void Check(string text, IReadOnlyList<PlanDiagnostic> first, IReadOnlyList<PlanDiagnostic> second, bool absurd, List<string> problems)
    {
        if (!first.SequenceEqual(second) || !first.Select(d => d.Message).SequenceEqual(second.Select(d => d.Message)))
        {
            problems.Add("non-deterministic: two runs gave different diagnostics");
        }

        foreach (var d in first)
        {
            if (d.Id == "EXP000" && !absurd &&
                (d.Message.Contains("failed", StringComparison.Ordinal) || d.Message.Contains("could not be parsed", StringComparison.Ordinal)))
            {
                problems.Add("EXP000 internal failure: " + d.Message);
            }
        }

        var lineCount = new LineMap(text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text).LineCount;
        foreach (var d in first)
        {
            var s = d.Span;
            if (s.StartLine < 1 || s.EndLine < s.StartLine || s.EndLine > lineCount || s.StartColumn < 1 || s.EndColumn < 1 ||
                (s.EndLine == s.StartLine && s.EndColumn < s.StartColumn))
            {
                problems.Add($"span {s} of {d.Id} is outside the file ({lineCount} lines)");
            }
        }

        for (var i = 1; i < first.Count; i++)
        {
            var order = first[i - 1].Span.CompareTo(first[i].Span);
            if (order > 0 || (order == 0 && string.CompareOrdinal(first[i - 1].Id, first[i].Id) > 0))
            {
                problems.Add($"not sorted: {first[i - 1].Id} {first[i - 1].Span} before {first[i].Id} {first[i].Span}");
            }
        }
    }
}
