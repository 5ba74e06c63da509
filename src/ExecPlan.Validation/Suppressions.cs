namespace ExecPlan.Validation;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Model;

/// <summary>Answers whether an in-plan comment suppresses a finding of a rule at a line.</summary>
internal sealed class Suppressions
{
    private readonly HashSet<string> _fileIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string? Id, int FromLine, int ToLine)> _ranges = new();
    private readonly List<(int From, int To)> _allIntervals = new();
    private readonly Dictionary<string, List<(int From, int To)>> _idIntervals = new(StringComparer.OrdinalIgnoreCase);
    private bool _fileAll;

    public Suppressions(IReadOnlyList<SuppressionComment> comments)
    {
        // Open disable regions per ID (null = all rules), closed by a matching enable.
        var open = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int? openAll = null;
        foreach (var comment in comments)
        {
            var line = comment.Span.StartLine;
            switch (comment.Kind)
            {
                case SuppressionKind.DisableFile:
                    if (comment.AppliesToAll)
                    {
                        _fileAll = true;
                    }

                    foreach (var id in comment.Ids)
                    {
                        _fileIds.Add(id.Id);
                    }

                    break;
                case SuppressionKind.DisableLine:
                    AddRanges(comment, comment.Span.StartLine, comment.Span.EndLine);
                    break;
                case SuppressionKind.DisableNextLine:
                    AddRanges(comment, comment.Span.EndLine + 1, comment.Span.EndLine + 1);
                    break;
                case SuppressionKind.Disable:
                    if (comment.AppliesToAll)
                    {
                        openAll ??= line;
                    }

                    foreach (var id in comment.Ids)
                    {
                        if (!open.ContainsKey(id.Id))
                        {
                            open[id.Id] = line;
                        }
                    }

                    break;
                case SuppressionKind.Enable:
                    if (comment.AppliesToAll)
                    {
                        if (openAll is int from)
                        {
                            _ranges.Add((null, from, line));
                            openAll = null;
                        }

                        foreach (var pair in open)
                        {
                            _ranges.Add((pair.Key, pair.Value, line));
                        }

                        open.Clear();
                    }

                    foreach (var id in comment.Ids)
                    {
                        if (open.TryGetValue(id.Id, out var from))
                        {
                            _ranges.Add((id.Id, from, line));
                            open.Remove(id.Id);
                        }
                    }

                    break;
            }
        }

        if (openAll is int allFrom)
        {
            _ranges.Add((null, allFrom, int.MaxValue));
        }

        foreach (var pair in open)
        {
            _ranges.Add((pair.Key, pair.Value, int.MaxValue));
        }

        // Per ID (and for "all rules"), the ranges merged into sorted, disjoint intervals, so a
        // lookup is a binary search: a plan with thousands of suppressions and findings stays linear.
        foreach (var (rangeId, from, to) in _ranges)
        {
            if (rangeId is null)
            {
                _allIntervals.Add((from, to));
            }
            else
            {
                if (!_idIntervals.TryGetValue(rangeId, out var list))
                {
                    _idIntervals[rangeId] = list = new List<(int From, int To)>();
                }

                list.Add((from, to));
            }
        }

        Merge(_allIntervals);
        foreach (var list in _idIntervals.Values)
        {
            Merge(list);
        }
    }

    public bool IsEmpty => !_fileAll && _fileIds.Count == 0 && _ranges.Count == 0;

    /// <summary>What suppresses one rule's findings, looked up once for a run of them.</summary>
    public RuleSuppressions For(string id) =>
        new(_fileAll || _fileIds.Contains(id), _allIntervals, _idIntervals.TryGetValue(id, out var intervals) ? intervals : null);

    private static void Merge(List<(int From, int To)> intervals)
    {
        intervals.Sort((a, b) => a.From.CompareTo(b.From));
        var merged = 0;
        for (var i = 0; i < intervals.Count; i++)
        {
            var current = intervals[i];
            if (current.From > current.To)
            {
                continue;
            }

            if (merged > 0 && current.From <= intervals[merged - 1].To)
            {
                var last = intervals[merged - 1];
                intervals[merged - 1] = (last.From, Math.Max(last.To, current.To));
            }
            else
            {
                intervals[merged++] = current;
            }
        }

        intervals.RemoveRange(merged, intervals.Count - merged);
    }

    internal static bool Covers(List<(int From, int To)> intervals, int line)
    {
        // The last interval starting at or before the line is the only one that can hold it.
        var low = 0;
        var high = intervals.Count - 1;
        var candidate = -1;
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            if (intervals[mid].From <= line)
            {
                candidate = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return candidate >= 0 && line <= intervals[candidate].To;
    }

    private void AddRanges(SuppressionComment comment, int from, int to)
    {
        if (comment.AppliesToAll)
        {
            _ranges.Add((null, from, to));
        }

        foreach (var id in comment.Ids)
        {
            _ranges.Add((id.Id, from, to));
        }
    }
}

/// <summary>The suppressions of one rule: the whole file, or sorted disjoint line intervals.</summary>
internal readonly struct RuleSuppressions
{
    private readonly bool _wholeFile;
    private readonly List<(int From, int To)> _all;
    private readonly List<(int From, int To)>? _own;

    public RuleSuppressions(bool wholeFile, List<(int From, int To)> all, List<(int From, int To)>? own)
    {
        _wholeFile = wholeFile;
        _all = all;
        _own = own;
    }

    public bool Covers(int line) =>
        _wholeFile || Suppressions.Covers(_all, line) || (_own is not null && Suppressions.Covers(_own, line));
}
