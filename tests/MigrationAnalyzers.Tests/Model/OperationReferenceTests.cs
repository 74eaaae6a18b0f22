using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Tests.Verifiers;

namespace MigrationAnalyzers.Tests.Model;

/// <summary>A diagnostic on an operation says which one (method and index), so a fix can find it without the project's model.</summary>
public class OperationReferenceTests
{
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DiagnosticOnAnOperation_CarriesItsMethodAndIndex(EfVersion version)
    {
        var (diagnostic, migration) = await AnalyzeAsync(new DropTableRule(), """
            [Migration("20240101000000_DropPosts")]
            public class DropPosts : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(name: "blog");
                    migrationBuilder.DropTable(name: "Posts");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }
            """, version);

        Assert.True(OperationReference.TryRead(diagnostic, out var inDown, out var index));
        Assert.False(inDown);
        Assert.Equal(1, index);
        Assert.Equal(MigrationOperationKind.DropTable, OperationReference.Find(migration, diagnostic)?.Kind);
    }

    [Fact]
    public async Task DiagnosticOnTheClass_CarriesNoOperation()
    {
        var (diagnostic, migration) = await AnalyzeAsync(new MigrationIdRule(), """
            public class AddPosts : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Posts");
                }
            }
            """, EfVersion.Ef10);

        Assert.False(OperationReference.TryRead(diagnostic, out _, out _));
        Assert.Null(OperationReference.Find(migration, diagnostic));
    }

    private static async Task<(Diagnostic Diagnostic, MigrationModel Migration)> AnalyzeAsync(DiagnosticAnalyzer analyzer, string source, EfVersion version)
    {
        var compilation = CSharpCompilation.Create(
            "OperationReferenceTests",
            new[] { CSharpSyntaxTree.ParseText("using Microsoft.EntityFrameworkCore.Migrations;\n" + source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Migration.cs") },
            EfReferences.For(version, DbProvider.None),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var diagnostic = Assert.Single(await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync());
        var migration = Assert.Single(MigrationCatalog.For(compilation)!.Migrations);
        return (diagnostic, migration);
    }
}
