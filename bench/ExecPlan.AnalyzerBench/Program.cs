namespace ExecPlan.AnalyzerBench;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExecPlan.Analyzers;
using ExecPlan.Benchmarks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

/// <summary>
/// The analyzer in an AdhocWorkspace: one C# project with one 6 KB plan as an additional file.
/// Prints one line of <c>key=value</c> pairs (milliseconds) for bench/compare.sh:
/// <list type="bullet">
/// <item><c>roslyn_first</c>: the first analysis with an analyzer that does nothing but register an
/// additional-file action (Roslyn's own first-call cost, JIT of the compiler included);</item>
/// <item><c>first</c>: then the first analysis with <see cref="ExecPlanAnalyzer"/> (what the
/// analyzer adds on its first call: its JIT, the library's, Markdig's, static initialisation);</item>
/// <item><c>markdig_first</c> (with <c>--markdig-first</c>): a first Markdig parse of the plan,
/// done before <c>first</c>, so <c>first</c> then excludes Markdig's own JIT;</item>
/// <item><c>edit_median</c> / <c>floor_edit_median</c>: re-analysis after each of 41 edits of the
/// plan, with the analyzer and with the do-nothing analyzer (Roslyn's floor);</item>
/// <item><c>unchanged_median</c> / <c>floor_unchanged_median</c>: re-analysis after an edit of
/// the C# file only (the plan unchanged).</item>
/// </list>
/// </summary>
public static class Program
{
    private const string PlanPath = "/repo/plans/x.md";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> Main(string[] args)
    {
        var markdigFirst = args.Contains("--markdig-first");
        var libraryFirst = args.Contains("--library-first");
        var reportFloor = args.Contains("--report-floor");
        using var jit = args.Contains("--jit") ? new JitRecorder() : null;
        var plan = SixKilobytePlan();
        using var workspace = new AdhocWorkspace();
        var (solution, projectId, planId, codeId) = Project(workspace, plan);
        var noop = ImmutableArray.Create<DiagnosticAnalyzer>(new NoopAnalyzer());
        var real = ImmutableArray.Create<DiagnosticAnalyzer>(new ExecPlanAnalyzer());

        var watch = Stopwatch.StartNew();
        await Analyze(solution, projectId, noop);
        var roslynFirst = watch.Elapsed.TotalMilliseconds;

        var reporting = ImmutableArray.Create<DiagnosticAnalyzer>(new ReportingAnalyzer());
        var reportFirst = 0.0;
        if (reportFloor)
        {
            watch.Restart();
            await Analyze(solution, projectId, reporting);
            reportFirst = watch.Elapsed.TotalMilliseconds;
        }

        var markdig = 0.0;
        if (markdigFirst)
        {
            watch.Restart();
            Markdig.Markdown.Parse(plan, ExecPlan.Validation.Parsing.MarkdownPipelineFactory.Pipeline);
            markdig = watch.Elapsed.TotalMilliseconds;
        }

        var library = 0.0;
        if (libraryFirst)
        {
            watch.Restart();
            new ExecPlan.Validation.PlanValidator().ValidateDecoded(plan, PlanPath);
            library = watch.Elapsed.TotalMilliseconds;
        }

        var firstStart = DateTime.UtcNow;
        var jitBefore = (Ms: System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds, Methods: System.Runtime.JitInfo.GetCompiledMethodCount());
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        watch.Restart();
        var count = await Analyze(solution, projectId, real);
        var first = watch.Elapsed.TotalMilliseconds;

        // CPU time of the whole process (the JIT's and the thread pool's included): less skewed by
        // other processes on a loaded machine than the wall time.
        var firstCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var firstJitMs = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds - jitBefore.Ms;
        var firstJitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore.Methods;
        jit?.Print(Console.Error, firstStart, DateTime.UtcNow, 40);
        if (args.Contains("--first-only"))
        {
            Console.WriteLine(string.Format(Inv, "first={0:F1} first_cpu_ms={1:F1} first_jit_ms={2:F1} first_jit_methods={3}", first, firstCpu, firstJitMs, firstJitMethods));
            return 0;
        }

        // Edits: one character of a Progress line changes each time (a new checksum each time).
        var edit = new Samples();
        var floorEdit = new Samples();
        var reportEdit = new Samples();
        for (var i = 0; i < 41; i++)
        {
            if (reportFloor)
            {
                var forReporting = solution.WithAdditionalDocumentText(planId, SourceText.From(plan.Replace("## Progress\n", "## Progress\n\nEdit " + (300 + i).ToString(Inv) + ".\n")));
                await reportEdit.Add(() => Run(forReporting, projectId, reporting));
            }

            var edited = solution.WithAdditionalDocumentText(planId, SourceText.From(plan.Replace("## Progress\n", "## Progress\n\nEdit " + i.ToString(Inv) + ".\n")));
            await floorEdit.Add(() => Run(edited, projectId, noop));
            edited = solution.WithAdditionalDocumentText(planId, SourceText.From(plan.Replace("## Progress\n", "## Progress\n\nEdit " + (100 + i).ToString(Inv) + ".\n")));
            await edit.Add(() => Run(edited, projectId, real));
        }

        var unchanged = new Samples();
        var floorUnchanged = new Samples();
        for (var i = 0; i < 41; i++)
        {
            var edited = solution.WithDocumentText(codeId, SourceText.From("class C { int f" + i.ToString(Inv) + "; }"));
            await floorUnchanged.Add(() => Run(edited, projectId, noop));
            await unchanged.Add(() => Run(edited, projectId, real));
        }

        // The library alone on the same edits (no Roslyn): what the analyzer's share should be.
        var alone = new Samples();
        var validator = new ExecPlan.Validation.PlanValidator();
        for (var i = 0; i < 41; i++)
        {
            var text = plan.Replace("## Progress\n", "## Progress\n\nEdit " + (200 + i).ToString(Inv) + ".\n");
            await alone.AddUnprepared(() =>
            {
                validator.ValidateDecoded(text, PlanPath);
                return Task.CompletedTask;
            });
        }

        Console.WriteLine(string.Format(Inv,
            "library_median={0:F2} ", alone.MedianMs) + string.Format(Inv,
            "plan_kb={0:F1} diagnostics={1} roslyn_first={2:F1} markdig_first={3:F1} first={4:F1} edit_median={5:F2} floor_edit_median={6:F2} unchanged_median={7:F2} floor_unchanged_median={8:F2}",
            plan.Length / 1024.0, count, roslynFirst, markdig, first, edit.MedianMs, floorEdit.MedianMs, unchanged.MedianMs, floorUnchanged.MedianMs) + string.Format(Inv,
            " library_first={0:F1} first_jit_ms={1:F1} first_jit_methods={2} edit_alloc_kb={3:F1} floor_edit_alloc_kb={4:F1} unchanged_alloc_kb={5:F1} floor_unchanged_alloc_kb={6:F1} library_alloc_kb={7:F1} first_cpu_ms={8:F1}",
            library, firstJitMs, firstJitMethods, edit.MedianKb, floorEdit.MedianKb, unchanged.MedianKb, floorUnchanged.MedianKb, alone.MedianKb, firstCpu) +
            (reportFloor ? string.Format(Inv, " report_floor_first={0:F1} report_floor_edit_median={1:F2} report_floor_edit_alloc_kb={2:F1}", reportFirst, reportEdit.MedianMs, reportEdit.MedianKb) : string.Empty));
        return 0;
    }

    /// <summary>A generated plan of at least 6 KB (the generator's target is approximate).</summary>
    private static string SixKilobytePlan()
    {
        for (var target = 6 * 1024; ; target += 256)
        {
            var plan = PlanGenerator.Generate(target, 7);
            if (System.Text.Encoding.UTF8.GetByteCount(plan) >= 6 * 1024)
            {
                return plan;
            }
        }
    }

    /// <summary>One analysis, from a compilation that is already there (the IDE's): only the
    /// analyzers' run is timed.</summary>
    private static async Task<Func<Task>> Run(Solution solution, ProjectId projectId, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync(CancellationToken.None))!;
        return () => compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    private static async Task<int> Analyze(Solution solution, ProjectId projectId, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync(CancellationToken.None))!;
        var diagnostics = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics.Length;
    }

    /// <summary>Times and allocations of repeated runs (allocations of the whole process, the
    /// analysis being the only thing running: Roslyn's driver uses the thread pool).</summary>
    private sealed class Samples
    {
        private readonly List<double> _ms = [];
        private readonly List<double> _kb = [];

        public double MedianMs => Median(_ms);

        public double MedianKb => Median(_kb);

        public async Task Add(Func<Task<Func<Task>>> prepare)
        {
            var run = await prepare();
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            await run();
            _ms.Add(watch.Elapsed.TotalMilliseconds);
            _kb.Add((GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1024.0);
        }

        public Task AddUnprepared(Func<Task> run) => Add(() => Task.FromResult(run));

        private static double Median(List<double> values)
        {
            var sorted = values.ToList();
            sorted.Sort();
            return sorted[sorted.Count / 2];
        }
    }

    private static (Solution Solution, ProjectId Project, DocumentId Plan, DocumentId Code) Project(AdhocWorkspace workspace, string plan)
    {
        var projectId = ProjectId.CreateNewId();
        var planId = DocumentId.CreateNewId(projectId);
        var codeId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "Consumer", "Consumer", LanguageNames.CSharp, filePath: "/repo/Consumer.csproj")
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .WithMetadataReferences([MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]))
            .AddDocument(codeId, "C.cs", SourceText.From("class C { }"), filePath: "/repo/C.cs")
            .AddAdditionalDocument(planId, "x.md", SourceText.From(plan), filePath: PlanPath)
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig",
                SourceText.From("is_global = true\nbuild_property.ExecPlanAnalyzerEnabled = true\n"), filePath: "/repo/.globalconfig");
        return (solution, projectId, planId, codeId);
    }

    /// <summary>With <c>--report-floor</c>: as many descriptors as the catalogue and the same number of
    /// diagnostics per analysis, made up front (no library): what Roslyn itself spends on an analyzer
    /// that reports, so the analyzer's own share of <c>first</c> and <c>edit</c> can be told apart.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ReportingAnalyzer : DiagnosticAnalyzer
    {
        // The catalogue's size, as a number: touching RuleCatalog here would warm the library's statics.
        private const int DescriptorCount = 38;

        private static readonly ImmutableArray<DiagnosticDescriptor> Rules = [.. Enumerable.Range(0, DescriptorCount)
            .Select(i => new DiagnosticDescriptor("FLOOR" + i.ToString("000", Inv), "floor", "floor: {0}", "floor", DiagnosticSeverity.Warning, true))];

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Rules;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterAdditionalFileAction(c =>
            {
                for (var i = 0; i < 5; i++)
                {
                    var location = Location.Create(c.AdditionalFile.Path, new TextSpan(i * 10, 5), new LinePositionSpan(new LinePosition(i, 0), new LinePosition(i, 5)));
                    c.ReportDiagnostic(Diagnostic.Create(Rules[i * 7], location, "finding " + i.ToString(Inv)));
                }
            });
        }
    }

    /// <summary>Registers an additional-file action that does nothing: Roslyn's floor.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class NoopAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("NOOP001", "noop", "noop", "noop", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterAdditionalFileAction(_ => { });
        }
    }
}
