namespace ExecPlan.Validation.Rules.Support;

using System;
using System.Collections.Generic;
using ExecPlan.Validation.Model;
using ExecPlan.Validation.Parsing;
using Markdig.Syntax;

/// <summary>
/// Recognises shell command lines in paragraph text. Real plans often indent a command under a
/// numbered step by four spaces, which CommonMark reads as paragraph text (the list item's content
/// starts at column three, or the line is a lazy continuation), not as an indented code block; the
/// author still meant "run this". Rules that look for commands (EXP043) or that must not mistake a
/// command's argument for a template gap (EXP040) share this reading.
/// </summary>
internal static partial class CommandLines
{
    /// <summary>Program names that start a command line. Lower case only: a capitalised word at
    /// the start of a line ("Make sure ...") is prose.</summary>
    private static readonly HashSet<string> Programs = new(StringComparer.Ordinal)
    {
        "ag", "apt", "apt-get", "awk", "aws", "az", "bash", "bazel", "black", "brew", "bun", "bundle", "cabal", "cargo",
        "cat", "cc", "cd", "chmod", "clang", "cmake", "composer", "conda", "coverage", "cp", "ctest", "curl", "cypress",
        "dart", "deno", "diff", "dnf", "docker", "docker-compose", "dotnet", "echo", "env", "eslint", "execplan", "export",
        "fd", "find", "flake8", "flutter", "gcc", "gcloud", "gh", "ghc", "git", "go", "gofmt", "gradle", "gradlew",
        "grep", "head", "helm", "http", "hyperfine", "isort", "java", "javac", "jest", "jj", "jq", "just", "kubectl",
        "ls", "lua", "luac", "make", "meson", "mix", "mkdir", "mojo", "mv", "mvn", "mypy", "mysql", "ninja", "nix",
        "node", "nox", "npm", "npx", "php", "pip", "pip3", "pipx", "pixi", "playwright", "pnpm", "podman", "poetry",
        "prettier", "printf", "psql", "pwsh", "py", "pylint", "pytest", "python", "python3", "rails", "rake", "redis-cli",
        "rg", "rm", "ruby", "ruff", "rustc", "rustup", "scp", "sed", "sh", "shellcheck", "sqlite3", "ssh", "sudo",
        "swift", "tail", "tar", "terraform", "tox", "touch", "tsc", "unzip", "uv", "uvx", "vite", "vitest", "wc",
        "webpack", "wget", "xcodebuild", "xargs", "yarn", "yq", "zig", "zsh",
    };

    /// <summary>Programs whose name is also an everyday English word.</summary>
    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
    {
        "cat", "diff", "echo", "env", "export", "find", "go", "head", "just", "make", "sudo", "tail", "touch",
    };

    private static readonly string[] ScriptSuffixes = [".sh", ".py", ".ps1", ".bash", ".cmd", ".bat", ".rb", ".js", ".ts", ".pl"];

    /// <summary>
    /// Whether a line (leading white space allowed) reads as a shell command: a <c>$ </c> prompt,
    /// a script path (<c>./scripts/x.sh</c>, <c>tools/check.py --all</c>), or a known program
    /// name, optionally after <c>NAME=value</c> environment assignments.
    /// </summary>
    public static bool StartsWithCommand(string line)
    {
        var i = SkipSpaces(line, 0);
        if (i + 1 < line.Length && line[i] == '$' && line[i + 1] is ' ' or '\t')
        {
            return SkipSpaces(line, i + 1) < line.Length;
        }

        // Environment assignments before the program: FOO=1 BAR=x cargo test.
        while (true)
        {
            var end = TokenEnd(line, i);
            var equals = line.IndexOf('=', i, end - i);
            if (equals <= i || !IsEnvironmentName(line, i, equals))
            {
                break;
            }

            i = SkipSpaces(line, end);
        }

        var tokenEnd = TokenEnd(line, i);
        if (tokenEnd == i)
        {
            return false;
        }

        var token = line.Substring(i, tokenEnd - i);
        if (Programs.Contains(token))
        {
            return true;
        }

        // A script run by path: ./x, ../x, ~/x, or any path ending in a script suffix.
        if (token.StartsWith("./", StringComparison.Ordinal) || token.StartsWith("../", StringComparison.Ordinal) ||
            token.StartsWith("~/", StringComparison.Ordinal))
        {
            return token.Length > 2 && char.IsLetterOrDigit(token[token.Length - 1]);
        }

        foreach (var suffix in ScriptSuffixes)
        {
            if (token.Length > suffix.Length && token.EndsWith(suffix, StringComparison.Ordinal) && token.IndexOf('/') > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The 0-based lines a block's source covers.</summary>
    public static (int First, int Last) LineRange(PlanDocument plan, Block block)
    {
        var first = plan.Lines.LineIndexOf(Math.Max(0, block.Span.Start));
        var last = plan.Lines.LineIndexOf(Math.Max(block.Span.Start, block.Span.End));
        return (first, last);
    }

    /// <summary>The text of a 0-based line, without its line break.</summary>
    public static string LineText(PlanDocument plan, int line) => PlanParser.LineText(plan.Text, plan.Lines, line);

    /// <summary>
    /// Whether a paragraph line is indented as the author's "indented block" although CommonMark
    /// reads it as paragraph text: four or more columns past the marker of the list item that holds
    /// it (or past the left margin), or two or more past the item's own text column. Ordinary
    /// wrapped lines of a list item sit at its text column and do not count. Lines inside block
    /// quotes are never counted.
    /// </summary>
    public static bool IsIndentedAsBlock(PlanDocument plan, Block paragraph, int line)
    {
        var (markerColumn, textColumn, quoted) = Margins(plan, paragraph);
        if (quoted)
        {
            return false;
        }

        var text = LineText(plan, line);
        var indent = IndentWidth(text);
        if (indent >= text.Length)
        {
            return false;
        }

        return indent >= markerColumn + 4 || indent >= textColumn + 2;
    }

    /// <summary>Whether a paragraph line is a command: a command indented as a block (see
    /// <see cref="IsIndentedAsBlock"/>), or the first line of a list item written as a bare command
    /// (<c>1. uv run pytest</c>).</summary>
    public static bool IsCommandLine(PlanDocument plan, ParagraphBlock paragraph, int line)
    {
        var text = LineText(plan, line);
        if (IsIndentedAsBlock(plan, paragraph, line) && StartsWithCommand(text))
        {
            return true;
        }

        if (paragraph.Parent is ListItemBlock item && item.Count > 0 && item[0] == paragraph &&
            plan.Lines.LineIndexOf(paragraph.Span.Start) == line)
        {
            var start = paragraph.Span.Start - plan.Lines.LineStart(line);
            return start >= 0 && start <= text.Length && StartsWithCommand(text.Substring(start)) && LooksLikeInvocation(text.Substring(start));
        }

        return false;
    }

    /// <summary>Leading white space of a line in columns (a tab reaches the next multiple of four).</summary>
    public static int IndentWidth(string line)
    {
        var width = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                width++;
            }
            else if (c == '\t')
            {
                width += 4 - (width % 4);
            }
            else
            {
                break;
            }
        }

        return width;
    }

    /// <summary>A bare list item is read as a command only when it does not end like a sentence,
    /// and, when its program is also an English word ("make", "find", "go"), when it is short or
    /// carries an argument-like token: "make check" and "go test ./..." yes, "make sure the server
    /// runs first" no.</summary>
    private static bool LooksLikeInvocation(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 200 || trimmed[trimmed.Length - 1] is '.' or ':' or ';' or ',')
        {
            return false;
        }

        var tokens = trimmed.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (!EnglishWords.Contains(tokens[0]) || tokens.Length <= 2)
        {
            return true;
        }

        for (var k = 1; k < tokens.Length; k++)
        {
            var token = tokens[k];
            if (token[0] == '-' || token.IndexOfAny(['/', '.', '=']) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEnvironmentName(string line, int start, int equals)
    {
        if (!(char.IsUpper(line[start]) || line[start] == '_'))
        {
            return false;
        }

        for (var k = start; k < equals; k++)
        {
            var c = line[k];
            if (!(char.IsUpper(c) || char.IsDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipSpaces(string line, int i)
    {
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    private static int TokenEnd(string line, int i)
    {
        while (i < line.Length && line[i] is not (' ' or '\t'))
        {
            i++;
        }

        return i;
    }
}
