// Runs the MigrationAnalyzers analyzers a compiler loads ([DiagnosticAnalyzer] types), from the given DLL, over real migration folders (one compilation per
// folder, the provider set as migration_analyzers.provider) and prints each diagnostic: id, severity, file:line, message.
// usage: <MigrationAnalyzers.dll> <provider|-> <dir> [<dir>...]
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

var dll = Path.GetFullPath(args[0]);
var provider = args[1];
var asm = Assembly.LoadFrom(dll);
var analyzers = asm.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
    .ToImmutableArray();
foreach (var dir in args.Skip(2))
{
    var files = Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray();
    var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Latest), f)).ToImmutableArray();
    var compilation = CSharpCompilation.Create("Real", trees, references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ConfigProvider(provider));
    var cwa = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
    var diags = await cwa.GetAnalyzerDiagnosticsAsync();
    var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
    Console.WriteLine($"## {dir}: {files.Length} files, {errors} compiler errors, {diags.Length} diagnostics");
    foreach (var d in diags.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
    {
        var span = d.Location.GetLineSpan();
        Console.WriteLine($"{d.Id}\t{d.Severity}\t{Path.GetRelativePath(dir, span.Path)}:{span.StartLinePosition.Line + 1}\t{d.GetMessage()}");
    }
}

sealed class ConfigProvider(string provider) : AnalyzerConfigOptionsProvider
{
    private readonly Options _options = new(provider);
    public override AnalyzerConfigOptions GlobalOptions => _options;
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
    sealed class Options(string provider) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            value = provider;
            return key == "migration_analyzers.provider" && provider != "-";
        }
    }
}
