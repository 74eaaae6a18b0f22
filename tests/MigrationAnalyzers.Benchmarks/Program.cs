using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.Benchmarks;

// SPEC §7: the package must add at most 2 % to the compiler's work on histories of 250 to 2,000
// migrations, grow linearly, re-analyze only what an edit changed, and fix a diagnostic fast.
// Every figure is processor time of the thread doing the work (not wall time: the CI machine is
// shared), single-threaded on both sides, median of several runs:
// - overhead: the time spent inside the analyzers' callbacks (every rule, the shared model they
//   build) divided by the compiler's own diagnostics + emit of the same history;
// - edit: the analyzers' time on a second compilation where one line of one migration changed, how
//   many Up/Down bodies that compilation read again (the others are kept with their syntax trees), how
//   many (rule, migration) analyses ran again (the others' diagnostics are reused: RuleResults), and
//   the analyzers' time when only the edited file is analyzed (the IDE's open document);
// - fix: the MIG060 fix on a 5,000-line migration in a 300-migration project, as the IDE runs it
//   (a workspace compilation the analyzer never saw).
// `--smoke` (CI) runs the smallest size once, untimed: it fails only when something throws.
if (args.Length >= 3 && args[0] == "--emit")
{
    // Writes a history to disk for a real `dotnet build -p:ReportAnalyzer=true` measurement.
    foreach (var (path, source) in MigrationHistoryGenerator.Generate(int.Parse(args[2]), args.Contains("--unresolved")))
    {
        var file = Path.Combine(args[1], path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, source);
    }

    return;
}

var smoke = args.Contains("--smoke");
var breakdown = args.Contains("--breakdown");
var sizes = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).ToArray();
if (sizes.Length == 0)
{
    sizes = smoke ? new[] { 20 } : new[] { 250, 500, 1000, 2000 };
}

var runs = smoke ? 1 : int.Parse(Option("--runs=") ?? "3");
var fixLines = smoke ? 500 : 5000;
var fixHistory = smoke ? 20 : 300;
var only = Option("--only=")?.Split(',');
// What a compiler loads (the [DiagnosticAnalyzer] types: the host of every rule, and MIG000); with
// `--only=` or for `--breakdown`, the rules one by one (each rule is an analyzer hosting itself).
var ruleTypes = typeof(MigrationAnalyzers.Rules.MigrationRuleAnalyzer).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
    .OrderBy(t => t.Name, StringComparer.Ordinal)
    .ToList();
var analyzers = ruleTypes
    .Where(t => only is null ? t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0 : only.Contains(t.Name))
    .Select(t => (DiagnosticAnalyzer)new TimedAnalyzer((DiagnosticAnalyzer)Activator.CreateInstance(t)!))
    .ToImmutableArray();
var rulesOneByOne = ruleTypes
    .Where(t => t != typeof(MigrationAnalyzers.Rules.MigrationAnalyzer))
    .Select(t => (DiagnosticAnalyzer)new TimedAnalyzer((DiagnosticAnalyzer)Activator.CreateInstance(t)!))
    .ToImmutableArray();
var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
    .ToImmutableArray();
var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false);

// Warm-up: the first compilation and analysis in a process pay the JIT (a build server keeps both warm).
var warmUp = MigrationHistoryGenerator.Generate(20).Select(f => CSharpSyntaxTree.ParseText(f.Source, parseOptions, f.Path)).ToImmutableArray();
await Analyze(Create(warmUp), analyzers);
Create(warmUp).Emit(new MemoryStream());

// `--profile=N`: analyzes a fresh N-migration history six times and nothing else, for a profiler
// (`dotnet-trace collect -- dotnet MigrationAnalyzers.Benchmarks.dll --profile=250`).
if (Option("--profile=") is { } profileSize)
{
    var psources = MigrationHistoryGenerator.Generate(int.Parse(profileSize), args.Contains("--unresolved"));
    var editOnly = args.Contains("--edit");
    var previous = Create(psources.Select(f => CSharpSyntaxTree.ParseText(f.Source, parseOptions, f.Path)).ToImmutableArray());
    if (editOnly)
    {
        await Analyze(previous, analyzers);
    }

    for (var i = 0; i < 6; i++)
    {
        // --edit: the second compilation after a one-line edit (the IDE case), else a fresh history.
        var target = previous.SyntaxTrees.ElementAt(2 * i + 1);
        var pc = editOnly
            ? previous.ReplaceSyntaxTree(target, target.WithChangedText(target.GetText().WithChanges(new TextChange(new TextSpan(0, 0), "// edited\n"))))
            : Create(psources.Select(f => CSharpSyntaxTree.ParseText(f.Source, parseOptions, f.Path)).ToImmutableArray());
        previous = pc;
        pc.GetDiagnostics();
        TimedAnalyzer.TakeMilliseconds();
        await Analyze(pc, analyzers);
        Console.WriteLine($"profile run {i}: {TimedAnalyzer.TakeMilliseconds():F0} ms");
    }
    return;
}

// `--dispatch`: Roslyn's own cost per (analyzer, symbol) pair, which one analyzer hosting every rule
// saves: 40 analyzers that do nothing against one, on 1,000 classes (medians of 10).
if (args.Contains("--dispatch"))
{
    var classes = Enumerable.Range(0, 20).Select(f => CSharpSyntaxTree.ParseText(string.Join("\n", Enumerable.Range(0, 50).Select(i => $"class C{f}_{i} {{ }}")), parseOptions)).ToImmutableArray();
    var one = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer());
    var forty = Enumerable.Range(0, 40).Select(_ => (DiagnosticAnalyzer)new NoOpAnalyzer()).ToImmutableArray();
    var times = (One: new double[10], Forty: new double[10]);
    for (var i = 0; i < 10; i++)
    {
        times.One[i] = await CpuAsync(() => Analyze(Create(classes), one));
        times.Forty[i] = await CpuAsync(() => Analyze(Create(classes), forty));
    }

    Console.WriteLine($"1,000 classes: 1 analyzer {Median(times.One):F0} ms, 40 analyzers {Median(times.Forty):F0} ms (process processor time, medians of 10)");
    return;
}

Console.WriteLine($"{analyzers.Length} analyzers; processor time, median of {runs} run(s)");
Console.WriteLine("| migrations | names | compile (ms) | analyzers (ms) | overhead | edit: 2nd compilation (ms) | edit: Up/Down bodies re-read | edit: rule analyses re-run | edit: edited file only (ms) | analyzers ms per migration |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var size in sizes)
{
    foreach (var unresolved in new[] { false, true })
    {
        var sources = MigrationHistoryGenerator.Generate(size, unresolved).ToList();

        // A build parses every file anew: each run's first analysis gets new syntax trees, so nothing
        // kept with the trees of an earlier run (reads, rule results) can be reused by it.
        ImmutableArray<SyntaxTree> Parse() => sources.Select(f => CSharpSyntaxTree.ParseText(f.Source, parseOptions, f.Path)).ToImmutableArray();
        var compile = new double[runs];
        var analysis = new double[runs];
        var edit = new double[runs];
        var reread = new double[runs];
        var editFile = new double[runs];
        var rerun = new double[runs];
        var reused = new double[runs];
        for (var run = 0; run < runs; run++)
        {
            var compilation = Create(Parse());
            compile[run] = ThreadCpu.Measure(() =>
            {
                var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0 && !unresolved)
                {
                    throw new InvalidOperationException("generated history does not compile: " + errors[0]);
                }

                using var stream = new MemoryStream();
                compilation.Emit(stream);
            });

            TimedAnalyzer.TakeMilliseconds();
            await Analyze(Create(Parse()), analyzers);
            analysis[run] = TimedAnalyzer.TakeMilliseconds();
            if (breakdown && run == 0)
            {
                await Breakdown(Create(Parse()));
            }

            // The IDE case: the analyzers ran on a compilation; one line of one migration changes.
            var trees = Parse();
            var first = Create(trees);
            await Analyze(first, analyzers);
            var edited = trees[trees.Length / 2 & ~1];
            var text = edited.GetText();
            var line = text.Lines.First(l => l.ToString().Contains("table: \"Table", StringComparison.Ordinal));
            var changed = edited.WithChangedText(text.WithChanges(new TextChange(line.Span, line.ToString().Replace("table: \"Table", "table: \"Edited", StringComparison.Ordinal))));
            TimedAnalyzer.TakeMilliseconds();
            var readsBefore = MigrationAnalyzers.Model.MigrationModelBuilder.TotalReads;
            var countsBefore = MigrationAnalyzers.Rules.RuleResults.Counts;
            await Analyze(first.ReplaceSyntaxTree(edited, changed), analyzers);
            edit[run] = TimedAnalyzer.TakeMilliseconds();
            reread[run] = MigrationAnalyzers.Model.MigrationModelBuilder.TotalReads - readsBefore;
            var countsAfter = MigrationAnalyzers.Rules.RuleResults.Counts;
            rerun[run] = countsAfter.Ran - countsBefore.Ran;
            reused[run] = countsAfter.Reused - countsBefore.Reused;

            // The IDE's open file: the same edit, only the edited file's diagnostics asked for.
            var changedAgain = edited.WithChangedText(changed.GetText().WithChanges(new TextChange(new TextSpan(0, 0), "// edited again\n")));
            var third = first.ReplaceSyntaxTree(edited, changedAgain);
            TimedAnalyzer.TakeMilliseconds();
            await AnalyzeFile(third, changedAgain, analyzers);
            editFile[run] = TimedAnalyzer.TakeMilliseconds();
        }

        var compileMs = Median(compile);
        var analysisMs = Median(analysis);
        Console.WriteLine($"| {size} | {(unresolved ? "unresolved" : "resolved")} | {compileMs:F0} | {analysisMs:F0} | {analysisMs / compileMs:P1} | {Median(edit):F0} | {Median(reread):F0} of {2 * size} | {Median(rerun):F0} of {Median(rerun) + Median(reused):F0} | {Median(editFile):F0} | {analysisMs / size:F2} |");
    }
}

await FixLatency();
return;

string? Option(string prefix) => args.FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal))?.Substring(prefix.Length);

CSharpCompilation Create(ImmutableArray<SyntaxTree> trees) =>
    CSharpCompilation.Create("Bench", trees, references, compilationOptions);

// The compiler binds a compilation's references once (csc: its generators and declaration stage, beside
// the analyzers' start), and the "compile" figure already counts it. A fresh compilation handed to the
// analyzers would make whichever callback touches a symbol first pay it again (~40 ms with this
// process's ~170 references): bound here first, so the analyzers' figure is their own work.
static void BindReferences(Compilation compilation) => _ = compilation.GetSpecialType(SpecialType.System_Object);

async Task Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> set)
{
    BindReferences(compilation);
    var diagnostics = await compilation.WithAnalyzers(set, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), OnAnalyzerException, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
        .GetAnalyzerDiagnosticsAsync();
    if (diagnostics.FirstOrDefault(d => d.Id == "AD0001") is { } failure)
    {
        throw new InvalidOperationException(failure.ToString());
    }
}

async Task AnalyzeFile(Compilation compilation, SyntaxTree tree, ImmutableArray<DiagnosticAnalyzer> set)
{
    BindReferences(compilation);
    var withAnalyzers = compilation.WithAnalyzers(set, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), OnAnalyzerException, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
    var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None);
    if (diagnostics.FirstOrDefault(d => d.Id == "AD0001") is { } failure)
    {
        throw new InvalidOperationException(failure.ToString());
    }
}

static void OnAnalyzerException(Exception exception, DiagnosticAnalyzer analyzer, Diagnostic diagnostic) =>
    throw new InvalidOperationException($"{analyzer.GetType().Name} threw", exception);

// Where the time goes: each rule's share, the rules run one by one, as Roslyn logs it (the first to ask pays for the shared model).
async Task Breakdown(Compilation compilation)
{
    var withAnalyzers = compilation.WithAnalyzers(rulesOneByOne, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
    await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    foreach (var analyzer in rulesOneByOne)
    {
        var time = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default)).ExecutionTime.TotalMilliseconds;
        Console.WriteLine($"  {((TimedAnalyzer)analyzer).Name,-36} {time,8:F0} ms");
    }
}

// The code fix as the IDE runs it: a workspace compilation the analyzer never saw, first light bulb.
async Task FixLatency()
{
    var fixer = new MigrationAnalyzers.CodeFixes.Rules.ForeignKeyWithoutIndexCodeFix();
    var rule = new MigrationAnalyzers.Rules.ForeignKeyWithoutIndexRule();
    var times = new double[runs];
    var cpu = new double[runs];
    var register = new double[runs];
    var large = MigrationHistoryGenerator.Large(fixHistory, fixLines, tableCount: 10);
    for (var run = 0; run < runs; run++)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Fix", "Fix", LanguageNames.CSharp,
            compilationOptions: compilationOptions, parseOptions: parseOptions, metadataReferences: references));
        foreach (var (path, source) in MigrationHistoryGenerator.Generate(fixHistory))
        {
            project = project.AddDocument(Path.GetFileName(path), SourceText.From(source), filePath: path).Project;
        }

        var document = project.AddDocument(Path.GetFileName(large.Path), SourceText.From(large.Source), filePath: large.Path);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var tree = (await document.GetSyntaxTreeAsync())!;
        var diagnostic = (await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(rule)).GetAnalyzerDiagnosticsAsync())
            .Single(d => d.Location.SourceTree == tree);
        _ = await document.GetSemanticModelAsync();

        var stopwatch = Stopwatch.StartNew();
        string? fixedText = null;
        var actions = new List<CodeAction>();
        register[run] = await CpuAsync(() =>
            fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None)));
        cpu[run] = register[run] + await CpuAsync(async () =>
        {
            var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
            fixedText = (await changed.GetTextAsync()).ToString();
        });
        times[run] = stopwatch.Elapsed.TotalMilliseconds;
        if (fixedText is null || !fixedText.Contains("IX_Table1_Bulk1", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the MIG060 fix did not create the index");
        }
    }

    Console.WriteLine();
    Console.WriteLine($"MIG060 fix on a {large.Source.Count(c => c == '\n'):N0}-line migration in a {fixHistory + 1}-migration project: " +
        $"{Median(cpu):F0} ms processor time ({Median(register):F0} ms to offer it, the rest to apply it), {Median(times):F0} ms elapsed (first light bulb, fresh workspace)");
}

static async Task<double> CpuAsync(Func<Task> action)
{
    GC.Collect();
    var before = Process.GetCurrentProcess().TotalProcessorTime;
    await action();
    return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
}

static double Median(double[] values)
{
    var sorted = values.OrderBy(v => v).ToArray();
    return sorted[sorted.Length / 2];
}

