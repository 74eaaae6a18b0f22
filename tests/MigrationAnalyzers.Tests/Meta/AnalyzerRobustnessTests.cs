using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Tests.Verifiers;

namespace MigrationAnalyzers.Tests.Meta;

/// <summary>
/// No analyzer throws (AD0001) or reports on empty, unrelated, incomplete or malformed code,
/// with and without EF Core referenced.
/// </summary>
public class AnalyzerRobustnessTests
{
    public static TheoryData<string> MalformedSources() => new()
    {
        string.Empty,
        "class C { }",
        // An unfinished migration being typed in the editor.
        """
        using Microsoft.EntityFrameworkCore.Migrations;
        [Migration("20240101000000_X")]
        public class X : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(
                migrationBuilder.AddColumn<int>(name: , table: "T");
                migrationBuilder.CreateTable(name: "T", columns: table => new { Id = table.Column<
            }
        """,
        // Arguments missing, wrong types, unresolved helpers and members.
        """
        using Microsoft.EntityFrameworkCore.Migrations;
        [Migration(null)]
        public class Y : Migration
        {
            protected override void Up(MigrationBuilder b)
            {
                b.DropColumn();
                b.AlterColumn<int>(name: 1, table: null);
                b.Sql(Missing.Text);
                b.CreateIndex("IX", "T", new[] { 1, 2 });
                b.CreateTable("T", columns: t => null, constraints: t => { t.ForeignKey(); t.PrimaryKey("PK", x => x.Nope); });
                Helper(b);
                b.Unknown();
                b.Operations.Add(null);
            }

            protected override void Down(MigrationBuilder b) => throw null;
        }
        """,
        // Recursion between helpers, abstract and generic migrations, nested classes.
        """
        using Microsoft.EntityFrameworkCore.Migrations;
        public abstract class Base : Migration { protected void A(MigrationBuilder b) => B(b); protected void B(MigrationBuilder b) => A(b); }
        [Migration("1")]
        public class Z<T> : Base
        {
            protected override void Up(MigrationBuilder b) { A(b); if (ActiveProvider == null) { } foreach (var x in new[] { "a" }) b.DropTable(x); }
            public class Inner : Migration { protected override void Up(MigrationBuilder b) { b.InsertData("T", new[] { "a" }, new object[,] { { 1 }, { null } }); } }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(MalformedSources))]
    public async Task AllAnalyzers_MalformedOrUnrelatedCode_NoAnalyzerException(string source)
    {
        foreach (var version in new[] { EfVersion.Ef10, EfVersion.Ef8 })
        {
            var compilation = CSharpCompilation.Create(
                "Malformed",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
                EfReferences.For(version, DbProvider.None),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var exceptions = new System.Collections.Concurrent.ConcurrentBag<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, _) => exceptions.Add(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(AllAnalyzers.Analyzers.AddRange(AllAnalyzers.Shipped), options).GetAnalyzerDiagnosticsAsync();

            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }
    }

    [Theory]
    [MemberData(nameof(AllAnalyzers.AnalyzerNames), MemberType = typeof(AllAnalyzers))]
    public async Task EachAnalyzer_EmptySourceWithoutEfCore_RegistersNothingAndReportsNothing(string analyzerName)
    {
        var compilation = CSharpCompilation.Create(
            "NoEf",
            new[] { CSharpSyntaxTree.ParseText("class C { void M() { } }") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(AllAnalyzers.ByName(analyzerName))).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(diagnostics);
    }
}
