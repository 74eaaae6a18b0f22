using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Tests.Verifiers;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>Helpers for executing code-fix test sources: strip markup, build a baseline, re-analyze.</summary>
internal static class FixedMigrationRun
{
    /// <summary>The test source without <c>{|#0:</c> … <c>|}</c> markup.</summary>
    public static string Unmarked(string source) => Regex.Replace(source, @"\{\|#\d+:|\|\}", string.Empty);

    /// <summary>
    /// A migration that creates <c>Blogs</c> with the given nullable columns (besides <c>Id</c>), with its
    /// target model so SQLite can rebuild the table later.
    /// </summary>
    public static string CreateBlogs(params (string Name, string ClrType)[] columns)
    {
        var declarations = string.Join("\n", columns.Select(c => $"                    {c.Name} = table.Column<{c.ClrType}>(nullable: true),"));
        var properties = string.Join("\n", columns.Select(c => $"                b.Property<{c.ClrType}>(\"{c.Name}\");"));
        return $$"""
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_CreateBlogs")]
            public class CreateBlogs : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Blogs",
                        columns: table => new
                        {
                            Id = table.Column<int>(nullable: false),
            {{declarations}}
                        },
                        constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Blogs");
                }

                protected override void BuildTargetModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Blog", b =>
                    {
                        b.Property<int>("Id");
            {{properties}}
                        b.HasKey("Id");
                        b.ToTable("Blogs");
                    });
                }
            }
            """;
    }

    /// <summary>Every MIG diagnostic the given analyzers report on the sources (compiled with the provider's assembly referenced).</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(DbProvider provider, string[] sources, params DiagnosticAnalyzer[] analyzers)
    {
        var compilation = CSharpCompilation.Create(
            "Analyzed",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            EfReferences.For(EfVersion.Ef10, provider),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Empty(errors);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzers)).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id.StartsWith("MIG", System.StringComparison.Ordinal) || d.Id == "AD0001").ToImmutableArray();
    }
}
