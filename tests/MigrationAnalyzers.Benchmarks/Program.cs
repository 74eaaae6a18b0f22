using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Benchmarks;

// SPEC §7: the package must add under 2 % to the compile time of a project with 2,000 migrations,
// grow linearly, and build each migration's model once per compilation. This measures, per history
// size, the compiler's own work (diagnostics + emit) against the analyzers' execution time as
// Roslyn reports it (CompilationWithAnalyzers with execution-time logging), median of several runs.
if (args.Length == 3 && args[0] == "--emit")
{
    // Writes a history to disk for a real `dotnet build -p:ReportAnalyzer=true` measurement.
    foreach (var (path, source) in MigrationHistoryGenerator.Generate(int.Parse(args[2])))
    {
        var file = Path.Combine(args[1], path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, source);
    }

    return;
}

var breakdown = args.Contains("--breakdown");
var sizes = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).DefaultIfEmpty().ToArray();
if (sizes is [0])
{
    sizes = new[] { 250, 500, 1000, 2000 };
}
const int Runs = 5;

var only = args.FirstOrDefault(a => a.StartsWith("--only=", StringComparison.Ordinal))?.Substring("--only=".Length).Split(',');
var analyzers = typeof(MigrationAnalyzers.Rules.MigrationRuleAnalyzer).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
    .Where(t => only is null || only.Contains(t.Name))
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
    .ToImmutableArray();

Console.WriteLine($"{analyzers.Length} analyzers; median of {Runs} runs per size");
Console.WriteLine("| migrations | compile (ms) | analyzers (ms) | overhead | analyzers ms per migration |");
Console.WriteLine("|---:|---:|---:|---:|---:|");
foreach (var size in sizes)
{
    var trees = MigrationHistoryGenerator.Generate(size)
        .Select(f => CSharpSyntaxTree.ParseText(f.Source, new CSharpParseOptions(LanguageVersion.Latest), f.Path))
        .ToImmutableArray();
    var compileTimes = new double[Runs];
    var analyzerTimes = new double[Runs];
    for (var run = 0; run < Runs; run++)
    {
        // A fresh compilation per run: nothing bound or cached from the previous one.
        var compilation = CSharpCompilation.Create($"Bench{size}_{run}", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var stopwatch = Stopwatch.StartNew();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        using (var stream = new MemoryStream())
        {
            compilation.Emit(stream);
        }

        compileTimes[run] = stopwatch.Elapsed.TotalMilliseconds;
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("generated history does not compile: " + errors[0]);
        }

        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        double total = 0;
        foreach (var analyzer in analyzers)
        {
            total += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default)).ExecutionTime.TotalMilliseconds;
        }

        analyzerTimes[run] = total;
        if (breakdown && run == 0)
        {
            // Where the time goes: building the shared model alone, then each analyzer's own share.
            var fresh = CSharpCompilation.Create($"Breakdown{size}", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var scan = CSharpCompilation.Create($"Scan{size}", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var scanWatch = Stopwatch.StartNew();
            var migrationType = scan.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Migrations.Migration");
            var found = 0;
            foreach (var tree in scan.SyntaxTrees)
            {
                var semanticModel = scan.GetSemanticModel(tree);
                foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>())
                {
                    if (semanticModel.GetDeclaredSymbol(declaration) is { } symbol && SymbolEqualityComparer.Default.Equals(symbol.BaseType, migrationType))
                    {
                        found++;
                        _ = symbol.GetAttributes();
                    }
                }
            }

            Console.WriteLine($"  declared symbols + attributes only: {scanWatch.Elapsed.TotalMilliseconds:F0} ms ({found} classes)");
            var modelWatch = Stopwatch.StartNew();
            var catalog = MigrationAnalyzers.Model.MigrationCatalog.For(fresh)!;
            _ = catalog.Migrations.Count();
            var modelMs = modelWatch.Elapsed.TotalMilliseconds;
            _ = catalog.History.Ordered.Length;
            Console.WriteLine($"  model {modelMs:F0} ms, fold {modelWatch.Elapsed.TotalMilliseconds - modelMs:F0} ms");
            foreach (var analyzer in analyzers)
            {
                var time = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default)).ExecutionTime.TotalMilliseconds;
                Console.WriteLine($"  {analyzer.GetType().Name,-36} {time,8:F0} ms");
            }
        }
    }

    var compile = Median(compileTimes);
    var analysis = Median(analyzerTimes);
    Console.WriteLine($"| {size} | {compile:F0} | {analysis:F0} | {analysis / compile:P1} | {analysis / size:F3} |");
}

static double Median(double[] values)
{
    var sorted = values.OrderBy(v => v).ToArray();
    return sorted[sorted.Length / 2];
}
