namespace ExecPlan.Cli;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

/// <summary>
/// A candidate file: the path as printed (as the user typed or discovered it), its full path, and
/// whether it was named on the command line (then it is checked whatever it holds) or found below
/// a directory or by a glob (then it is checked only if it is a plan).
/// </summary>
internal sealed record InputFile(string DisplayPath, string FullPath, bool Explicit);

/// <summary>A command-line PATH that named nothing: a glob without matches or a directory without plans.</summary>
internal sealed record UnmatchedInput(string DisplayPath, string Message);

/// <summary>
/// Turns command-line PATHs (files, directories, globs) into a deduplicated, ordinally sorted file
/// list. Directories and <c>**</c> skip <c>bin</c>, <c>obj</c>, <c>node_modules</c> and <c>.git</c>.
/// </summary>
internal sealed class InputResolver
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", ".git" };

    private static readonly bool IgnoreCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

    private static readonly StringComparer PathComparer = IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static readonly EnumerationOptions Enumeration = new()
    {
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    private readonly string _currentDirectory;
    private readonly Dictionary<string, InputFile> _files;
    private readonly List<UnmatchedInput> _unmatched = [];
    private int _matches;

    public InputResolver(string currentDirectory)
    {
        _currentDirectory = Path.GetFullPath(currentDirectory);
        _files = new Dictionary<string, InputFile>(PathComparer);
    }

    public IReadOnlyList<InputFile> Files => _files.Values.OrderBy(f => f.DisplayPath, StringComparer.Ordinal).ToArray();

    public IReadOnlyList<UnmatchedInput> Unmatched => _unmatched;

    public void Add(string path)
    {
        if (Glob.ContainsWildcard(path))
        {
            AddGlob(path);
        }
        else if (Directory.Exists(path))
        {
            var before = _matches;
            var display = Display(path);
            Walk(path, display == "." || display == "./" ? string.Empty : display);
            if (_matches == before)
            {
                _unmatched.Add(new UnmatchedInput(display, "no *.md plan files were found in this directory."));
            }
        }
        else
        {
            // A file, or a path that does not exist: the validator reports the latter as EXP000.
            AddFile(Display(path), path, isExplicit: true);
        }
    }

    private void AddGlob(string pattern)
    {
        var separators = OperatingSystem.IsWindows() ? new[] { '/', '\\' } : ['/'];
        var segments = pattern.Split(separators);
        var firstWild = Array.FindIndex(segments, Glob.ContainsWildcard);

        // The literal prefix before the first wildcard segment is the folder to search.
        var baseSegments = segments.Take(firstWild).ToArray();
        string baseDir;
        string displayBase;
        if (baseSegments.Length == 0)
        {
            baseDir = ".";
            displayBase = string.Empty;
        }
        else
        {
            displayBase = string.Join("/", baseSegments);
            if (displayBase.Length == 0)
            {
                displayBase = "/";
            }

            baseDir = displayBase;
            displayBase = Display(displayBase);
        }

        var glob = new Glob(segments.Skip(firstWild).Where(s => s.Length > 0).ToArray(), IgnoreCase);
        var before = _matches;
        if (Directory.Exists(baseDir))
        {
            var maxDepth = glob.HasRecursiveWildcard ? int.MaxValue : glob.SegmentCount;
            WalkAll(baseDir, displayBase, [], maxDepth, glob);
        }

        if (_matches == before)
        {
            _unmatched.Add(new UnmatchedInput(pattern, "no file matches this path or pattern."));
        }
    }

    private void WalkAll(string directory, string display, List<string> relative, int maxDepth, Glob glob)
    {
        if (relative.Count >= maxDepth)
        {
            return;
        }

        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(directory).EnumerateFileSystemInfos("*", Enumeration).ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var entry in entries)
        {
            relative.Add(entry.Name);
            var childDisplay = Join(display, entry.Name);
            if (entry is DirectoryInfo dir)
            {
                if (!SkippedDirectories.Contains(dir.Name) && (dir.Attributes & FileAttributes.ReparsePoint) == 0)
                {
                    WalkAll(dir.FullName, childDisplay, relative, maxDepth, glob);
                }
            }
            else if (glob.IsMatch(relative) && !SafeFileWriter.IsTempName(entry.Name))
            {
                // (A temporary file of a killed 'fix' is never a plan, whatever the glob.)
                // A glob is the user's own selection, like the build's ExecPlanFiles: every match is checked.
                AddFile(childDisplay, entry.FullName, isExplicit: true);
            }

            relative.RemoveAt(relative.Count - 1);
        }
    }

    private void Walk(string directory, string display)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(directory).EnumerateFileSystemInfos("*", Enumeration).ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var entry in entries)
        {
            var childDisplay = Join(display, entry.Name);
            if (entry is DirectoryInfo dir)
            {
                if (!SkippedDirectories.Contains(dir.Name) && (dir.Attributes & FileAttributes.ReparsePoint) == 0)
                {
                    Walk(dir.FullName, childDisplay);
                }
            }
            else if (entry.Name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                AddFile(childDisplay, entry.FullName, isExplicit: false);
            }
        }
    }

    private void AddFile(string display, string path, bool isExplicit)
    {
        _matches++;
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            full = path;
        }

        // Named on the command line and also found below a directory: it stays explicit.
        if (!_files.TryGetValue(full, out var known) || (isExplicit && !known.Explicit))
        {
            _files[full] = new InputFile(display, full, isExplicit);
        }
    }

    private static string Join(string display, string name) =>
        display.Length == 0 ? name : Path.Join(display, name);

    /// <summary>Relative paths stay as typed; an absolute path under the current directory is shown relative to it.</summary>
    private string Display(string path)
    {
        if (!Path.IsPathRooted(path))
        {
            return path;
        }

        try
        {
            var full = Path.GetFullPath(path);
            var root = Path.EndsInDirectorySeparator(_currentDirectory) ? _currentDirectory : _currentDirectory + Path.DirectorySeparatorChar;
            if (full.StartsWith(root, PathComparer == StringComparer.Ordinal ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            {
                return Path.GetRelativePath(_currentDirectory, full);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // Keep the path as typed.
        }

        return path;
    }
}
