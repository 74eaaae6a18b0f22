using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MigrationAnalyzers.Tests.Meta;
using MigrationAnalyzers.Tests.Rules;
using MigrationAnalyzers.Tests.Verifiers;

namespace MigrationAnalyzers.Tests.Model;

/// <summary>
/// The two paths of the operation reader agree (the verifiers also check every test input): on the
/// sample's whole history, and the check itself sees a difference when there is one.
/// </summary>
public class ModelPathsTests
{
    [Fact]
    public void SampleHistory_TokenAndBoundPathsAgree()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "samples", "MigrationAnalyzers.Sample");
        var trees = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Latest), path: f))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "Sample",
            trees,
            EfReferences.For(EfVersion.Ef10, DbProvider.Sqlite),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        // The sample's DbContext wiring needs packages the tests do not reference; its migrations must bind.
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error &&
            d.Location.SourceTree?.FilePath.Contains(Path.DirectorySeparatorChar + "Migrations" + Path.DirectorySeparatorChar) == true));

        Assert.Contains(trees, t => t.FilePath.EndsWith("_InitialCreate.cs", System.StringComparison.Ordinal));
        Assert.Null(ModelPaths.FirstDifference(compilation));
    }

    [Fact]
    public void DifferentOperations_DescribedDifferently()
    {
        // The description the paths are compared by must tell operations apart, or the check proves nothing.
        var a = Operations("""migrationBuilder.AddColumn<int>(name: "Rank", table: "Posts", nullable: true);""");
        var b = Operations("""migrationBuilder.AddColumn<int>(name: "Rank", table: "Posts", nullable: false);""");

        Assert.NotEqual(ModelPaths.Describe(a), ModelPaths.Describe(b));
        Assert.Contains("AddColumn", ModelPaths.Describe(a));
    }

    private static System.Collections.Immutable.ImmutableArray<MigrationAnalyzers.Model.MigrationOperation> Operations(string up)
    {
        var compilation = Compile(CSharpSyntaxTree.ParseText(MigrationSources.WithUp(up), new CSharpParseOptions(LanguageVersion.Latest), path: "/0/M.cs"));
        Assert.Null(ModelPaths.FirstDifference(compilation));
        return Assert.Single(MigrationAnalyzers.Model.MigrationCatalog.For(compilation)!.Migrations).Up.Operations;
    }

    private static Compilation Compile(params SyntaxTree[] trees)
    {
        var compilation = CSharpCompilation.Create(
            "ModelPaths",
            trees,
            EfReferences.For(EfVersion.Ef10, DbProvider.Sqlite),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }
}
