namespace ExecPlan.Cli;

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;

/// <summary>
/// The command line's grammar in System.CommandLine: every command, option and alias. Parsing
/// errors become <see cref="UsageException"/>s with the CLI's own messages; help stays the
/// hand-written <see cref="HelpText"/>, so its wording and layout do not change.
/// </summary>
internal sealed class CliSyntax
{
    private static readonly ParserConfiguration Configuration = new()
    {
        // '@file' is a path here, never a response file; '-np' is not '-n -p'.
        ResponseFileTokenReplacer = null,
        EnablePosixBundling = false,
    };

    public CliSyntax()
    {
        Root.Options.Add(RootHelp);
        Root.Options.Add(RootVersion);
        foreach (var command in new[] { HelpCommand, VersionCommand, Check.Command, Fix.Command, New.Command, Profile.Command, Rules.Command, Explain.Command })
        {
            Root.Subcommands.Add(command);
        }
    }

    public Command Root { get; } = new("execplan");

    public Option<bool> RootHelp { get; } = Flag("--help", "-h", "-?");

    public Option<bool> RootVersion { get; } = Flag("--version");

    public Command HelpCommand { get; } = new("help") { Hidden = true };

    public Command VersionCommand { get; } = new("version") { Hidden = true };

    public CheckSyntax Check { get; } = new();

    public FixSyntax Fix { get; } = new();

    public NewSyntax New { get; } = new();

    public ProfileSyntax Profile { get; } = new();

    public RulesSyntax Rules { get; } = new();

    public ExplainSyntax Explain { get; } = new();

    /// <summary>Parses <paramref name="args"/>; throws <see cref="UsageException"/> with the first mistake.</summary>
    public ParseResult Parse(IReadOnlyList<string> args)
    {
        var result = Root.Parse(args, Configuration);
        if (result.Errors.Count == 0)
        {
            RejectUnknownOptions(result);
            return result;
        }

        var command = result.CommandResult.Command;
        if ((command == Root || command == HelpCommand || command == VersionCommand) && IsHelpOrVersion(args[0]))
        {
            // As before the port: 'execplan --help ...' and 'execplan version ...' look at the first word only.
            return result;
        }

        if (result.UnmatchedTokens.Count > 0)
        {
            var token = result.UnmatchedTokens[0];
            if (command == Root)
            {
                throw new UsageException(token.StartsWith('-')
                    ? $"unknown option '{token}'."
                    : $"unknown command '{token}'; use 'check', 'fix', 'new', 'profile', 'rules' or 'explain'.");
            }

            if (command == Rules.Command || command == HelpCommand || command == VersionCommand)
            {
                throw new UsageException($"unknown argument '{token}' for '{command.Name}'.");
            }

            if (command == Explain.Command)
            {
                throw new UsageException("'explain' takes one rule ID, e.g. 'execplan explain EXP021'.");
            }

            throw new UsageException($"unknown option '{OptionName(token)}'.");
        }

        foreach (var error in result.Errors)
        {
            var option = error.SymbolResult as OptionResult ?? (error.SymbolResult as ArgumentResult)?.Parent as OptionResult;
            if (option is { Tokens.Count: 0, IdentifierToken: { } identifier })
            {
                throw new UsageException($"option '{identifier.Value}' needs a value.");
            }
        }

        throw new UsageException(result.Errors[0].Message.TrimEnd('.') + ".");
    }

    /// <summary>True for the words that make the whole command line a request for help or the version.</summary>
    public static bool IsHelpOrVersion(string first) => first is "-h" or "-?" or "--help" or "help" or "--version" or "version";

    // System.CommandLine takes an unknown '-x' for a PATH when the command has one; before '--',
    // it is a mistake, as it always was here ('-' alone is a path: standard input's name).
    private void RejectUnknownOptions(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var positional = command == Check.Command ? Check.Paths
            : command == Fix.Command ? Fix.Paths
            : command == New.Command ? New.Title
            : command == Profile.Command ? Profile.Paths
            : null;
        if (positional is null || result.GetResult(positional) is not { } values)
        {
            return;
        }

        var tokens = result.Tokens;
        var end = tokens.Count;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Type == TokenType.DoubleDash)
            {
                end = i;
                break;
            }
        }

        foreach (var token in values.Tokens)
        {
            if (token.Value.Length > 1 && token.Value[0] == '-')
            {
                for (var i = 0; i < end; i++)
                {
                    if (ReferenceEquals(tokens[i], token))
                    {
                        throw new UsageException($"unknown option '{OptionName(token.Value)}'.");
                    }
                }
            }
        }
    }

    /// <summary>True for the words that make the whole command line a request for the version.</summary>
    public static bool IsVersion(string first) => first is "--version" or "version";

    /// <summary>The last value of a repeatable single-value option (the old parser let the last one win).</summary>
    public static string? Last(ParseResult result, Option<string[]> option) =>
        result.GetValue(option) is { Length: > 0 } values ? values[^1] : null;

    /// <summary>Every value of a repeatable option, in order.</summary>
    public static string[] All(ParseResult result, Option<string[]> option) => result.GetValue(option) ?? [];

    /// <summary>Every positional value, in order.</summary>
    public static string[] All(ParseResult result, Argument<string[]> argument) => result.GetValue(argument) ?? [];

    internal static Option<bool> Flag(string name, params string[] aliases) => new(name, aliases) { Arity = ArgumentArity.Zero };

    // One value per occurrence ('--severity A --severity B', never '--severity A B'); may repeat.
    internal static Option<string[]> Value(string name, params string[] aliases) =>
        new(name, aliases) { Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };

    internal static Argument<string[]> Positional(string name) => new(name) { Arity = ArgumentArity.ZeroOrMore };

    private static string OptionName(string token)
    {
        var eq = token.IndexOf('=', StringComparison.Ordinal);
        return token.StartsWith("--", StringComparison.Ordinal) && eq > 2 ? token[..eq] : token;
    }

    private static Command Build(string name, IEnumerable<Symbol> symbols)
    {
        var command = new Command(name);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
            }
        }

        return command;
    }

    /// <summary><c>execplan check</c>.</summary>
    internal sealed class CheckSyntax
    {
        public CheckSyntax() => Command = Build("check", [Help, Profile, Format, Output, PlansFile, RepoRoot, Severity, HelpUriBase, List, OnlyPlans, NoInlineConfig, NoEditorConfig, MaxFileSize, Paths]);

        public Command Command { get; }

        public Option<bool> Help { get; } = Flag("--help", "-h", "-?");

        public Option<string[]> Profile { get; } = Value("--profile", "-p");

        public Option<string[]> Format { get; } = Value("--format", "-f");

        public Option<string[]> Output { get; } = Value("--output", "-o");

        public Option<string[]> PlansFile { get; } = Value("--plans-file");

        public Option<string[]> RepoRoot { get; } = Value("--repo-root");

        public Option<string[]> Severity { get; } = Value("--severity", "-s");

        public Option<string[]> HelpUriBase { get; } = Value("--help-uri-base");

        public Option<bool> List { get; } = Flag("--list");

        public Option<bool> OnlyPlans { get; } = Flag("--only-plans");

        public Option<bool> NoInlineConfig { get; } = Flag("--no-inline-config");

        public Option<bool> NoEditorConfig { get; } = Flag("--no-editorconfig");

        public Option<string[]> MaxFileSize { get; } = Value("--max-file-size");

        public Argument<string[]> Paths { get; } = Positional("PATH");
    }

    /// <summary><c>execplan fix</c>.</summary>
    internal sealed class FixSyntax
    {
        public FixSyntax() => Command = Build("fix", [Help, DryRun, Profile, Severity, Paths]);

        public Command Command { get; }

        public Option<bool> Help { get; } = Flag("--help", "-h", "-?");

        public Option<bool> DryRun { get; } = Flag("--dry-run", "-n");

        public Option<string[]> Profile { get; } = Value("--profile", "-p");

        public Option<string[]> Severity { get; } = Value("--severity", "-s");

        public Argument<string[]> Paths { get; } = Positional("PATH");
    }

    /// <summary><c>execplan new</c>.</summary>
    internal sealed class NewSyntax
    {
        public NewSyntax() => Command = Build("new", [Help, Output, Profile, Force, Title]);

        public Command Command { get; }

        public Option<bool> Help { get; } = Flag("--help", "-h", "-?");

        public Option<string[]> Output { get; } = Value("--output", "-o");

        public Option<string[]> Profile { get; } = Value("--profile", "-p");

        public Option<bool> Force { get; } = Flag("--force", "-f");

        public Argument<string[]> Title { get; } = Positional("TITLE");
    }

    /// <summary><c>execplan profile</c>.</summary>
    internal sealed class ProfileSyntax
    {
        public ProfileSyntax() => Command = Build("profile", [Help, PlansFile, Paths]);

        public Command Command { get; }

        public Option<bool> Help { get; } = Flag("--help", "-h");

        public Option<string[]> PlansFile { get; } = Value("--plans-file");

        public Argument<string[]> Paths { get; } = Positional("PATH");
    }

    /// <summary><c>execplan rules</c>.</summary>
    internal sealed class RulesSyntax
    {
        public RulesSyntax() => Command = Build("rules", [Help]);

        public Command Command { get; }

        public Option<bool> Help { get; } = Flag("--help", "-h", "-?");
    }

    /// <summary><c>execplan explain</c>.</summary>
    internal sealed class ExplainSyntax
    {
        public ExplainSyntax() => Command = Build("explain", [Help, Ids]);

        public Command Command { get; }

        public Option<bool> Help { get; } = Flag("--help", "-h", "-?");

        public Argument<string[]> Ids { get; } = Positional("ID");
    }
}
