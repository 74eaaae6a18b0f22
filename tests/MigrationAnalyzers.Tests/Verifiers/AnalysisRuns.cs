using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Tests.Meta;

namespace MigrationAnalyzers.Tests.Verifiers;

/// <summary>Whole-compilation analyses as a build or the IDE runs them: trees parsed from text, diagnostics as comparable text.</summary>
public static class AnalysisRuns
{
    public static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: path);

    /// <summary>The same source in new syntax trees: nothing of an earlier compilation can be reused.</summary>
    public static Compilation Fresh(Compilation compilation) =>
        compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t => Parse(t.GetText().ToString(), t.FilePath)));

    public static Compilation Compile(IEnumerable<SyntaxTree> trees, OutputKind kind = OutputKind.DynamicallyLinkedLibrary, DbProvider provider = DbProvider.Sqlite) =>
        CSharpCompilation.Create(
            "Runs",
            trees,
            EfReferences.For(EfVersion.Ef10, provider),
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The diagnostics of <paramref name="analyzers"/> (the shipped ones by default), as "id file (line,col): message", sorted.</summary>
    public static ImmutableArray<string> Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers = default) =>
        compilation.WithAnalyzers(analyzers.IsDefault ? AllAnalyzers.Shipped : analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (ex, analyzer, _) => throw new InvalidOperationException(analyzer.GetType().Name + " threw", ex), concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Select(d => $"{d.Id} {Path.GetFileName(d.Location.SourceTree?.FilePath)} {d.Location.GetLineSpan().StartLinePosition}: {d.GetMessage()}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToImmutableArray();

    /// <summary>Every source file of the sample project (its DbContext, entities, migrations, Designers, snapshot), newly parsed.</summary>
    public static ImmutableArray<SyntaxTree> SampleTrees()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "samples", "MigrationAnalyzers.Sample");
        return Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => Parse(File.ReadAllText(f), f))
            .ToImmutableArray();
    }

    /// <summary>The sample's migration files (not Designers, not the snapshot).</summary>
    public static bool IsSampleMigration(SyntaxTree tree) =>
        tree.FilePath.Contains(Path.DirectorySeparatorChar + "Migrations" + Path.DirectorySeparatorChar) &&
        Regex.IsMatch(Path.GetFileName(tree.FilePath), @"^\d+_\w+\.cs$");
}
