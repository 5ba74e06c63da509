namespace ExecPlan.Fuzz;

using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExecPlan.Validation;
using ExecPlan.Validation.Parsing;
using ExecPlan.Validation.Tests.Fuzz;

/// <summary>
/// The long fuzz run: <c>dotnet run -c Release --project bench/ExecPlan.Fuzz -- [ITERATIONS] [SEED]</c>
/// (default 100000 inputs, seed 1). Iteration i always yields the same input, so a failure is
/// reproduced by its number; failing inputs are written to <c>fuzz-failures/</c>. Also
/// <c>-- parse FILE</c> parses one file and prints any exception with its stack trace;
/// <c>-- validate FILE</c> validates one file and prints the time taken.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "parse")
        {
            var text = File.ReadAllText(args[1]);
            PlanParser.Parse(text, args[1]);
            Console.WriteLine("parsed without exception");
            return 0;
        }

        if (args.Length == 2 && args[0] == "validate")
        {
            var text = File.ReadAllText(args[1]);
            var timer = Stopwatch.StartNew();
            var count = new PlanValidator().Validate(text, args[1]).Count;
            Console.WriteLine($"{count} diagnostics in {timer.Elapsed.TotalMilliseconds:F0} ms");
            return 0;
        }

        var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var runSeed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var corpus = FindUp(Path.Combine("shared", "corpus", "real"));
        var fixtures = FindUp(Path.Combine("tests", "ExecPlan.Validation.Tests", "Fixtures"));
        var seeds = MutationFuzzer.LoadSeeds(corpus, fixtures);
        Console.WriteLine($"{seeds.Count} seeds from {corpus} and {fixtures}; {iterations} inputs, run seed {runSeed}");
        var fuzzer = new MutationFuzzer(seeds, runSeed);
        var validator = new PlanValidator();
        var failures = new ConcurrentBag<(int Iteration, string Description, string Problem, byte[] Bytes)>();
        var done = 0;
        var watch = Stopwatch.StartNew();
        Parallel.For(0, iterations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var fuzzCase = fuzzer.Case(i);
            foreach (var problem in MutationFuzzer.Check(validator, fuzzCase))
            {
                failures.Add((i, fuzzCase.Description, problem, fuzzCase.Bytes));
            }

            var n = Interlocked.Increment(ref done);
            if (n % 10_000 == 0)
            {
                Console.WriteLine($"{n} inputs, {failures.Count} failures, {watch.Elapsed.TotalSeconds:F0} s");
            }
        });

        Console.WriteLine($"{done} inputs checked in {watch.Elapsed.TotalSeconds:F0} s: {failures.Count} invariant violations");
        if (!failures.IsEmpty)
        {
            Directory.CreateDirectory("fuzz-failures");
            foreach (var failure in failures.OrderBy(f => f.Iteration).Take(50))
            {
                Console.WriteLine($"iteration {failure.Iteration} ({failure.Description}): {failure.Problem}");
                File.WriteAllBytes(Path.Combine("fuzz-failures", $"{failure.Iteration}.md"), failure.Bytes);
            }
        }

        return failures.IsEmpty ? 0 : 1;
    }

    private static string FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(relative + " was not found above the current directory");
    }
}
