namespace ExecPlan.Validation.Tests.Configuration;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

/// <summary>A fresh temporary directory with config files and plan files, deleted on dispose.</summary>
internal sealed class ConfigSandbox : IDisposable
{
    public ConfigSandbox()
    {
        this.Root = Path.Combine(Path.GetTempPath(), "execplan-editorconfig-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(this.Root);
    }

    /// <summary>Full path of the sandbox directory.</summary>
    public string Root { get; }

    /// <summary>The root with '/' separators, as global config section names spell it.</summary>
    public string RootForSections => this.Root.Replace('\\', '/');

    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(this.Root, relative.Replace('/', Path.DirectorySeparatorChar)));

    /// <summary>Writes a file; <c>{ROOT}</c> in the content becomes <see cref="RootForSections"/>.</summary>
    public string Write(string relative, string content)
    {
        string path = this.PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Replace("{ROOT}", this.RootForSections, StringComparison.Ordinal));
        return path;
    }

    public IReadOnlyList<string> WriteAll(IEnumerable<KeyValuePair<string, string>> files)
        => files.Select(f => this.Write(f.Key, f.Value)).ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(this.Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
