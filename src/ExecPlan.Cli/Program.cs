namespace ExecPlan.Cli;

using System;
using System.IO;
using System.Text;

/// <summary>The <c>execplan</c> entry point: sets up buffered UTF-8 output and hands over to <see cref="CliApp"/>.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, 64 * 1024) { AutoFlush = false };
        using var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
        try
        {
            return CliApp.Run(args, stdout, stderr);
        }
#pragma warning disable CA1031 // The CLI reports an internal failure as exit code 3 instead of a stack dump.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stdout.Flush();
            stderr.WriteLine("execplan: internal error: " + ex);
            return ExitCodes.InternalError;
        }
        finally
        {
            stdout.Flush();
        }
    }
}

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>No error diagnostics (warnings and suggestions do not fail).</summary>
    public const int Success = 0;

    /// <summary>At least one diagnostic with severity error.</summary>
    public const int ErrorsFound = 1;

    /// <summary>Bad command line: unknown option, missing PATH, bad value.</summary>
    public const int UsageError = 2;

    /// <summary>A bug in execplan itself.</summary>
    public const int InternalError = 3;
}
