namespace ExecPlan.Validation;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Model;

/// <summary>Answers whether an in-plan comment suppresses a finding of a rule at a line.</summary>
internal sealed class Suppressions
{
    private readonly HashSet<string> _fileIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string? Id, int FromLine, int ToLine)> _ranges = new();
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
    }

    public bool IsEmpty => !_fileAll && _fileIds.Count == 0 && _ranges.Count == 0;

    public bool Suppresses(string id, int line)
    {
        if (_fileAll || _fileIds.Contains(id))
        {
            return true;
        }

        foreach (var (rangeId, from, to) in _ranges)
        {
            if (line >= from && line <= to && (rangeId is null || string.Equals(rangeId, id, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
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
