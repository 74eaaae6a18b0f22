using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Tests.Verifiers;

namespace MigrationAnalyzers.Tests.Model;

/// <summary>
/// SPEC §7 "an edit re-analyzes the edited migration": a new compilation in which one file changed
/// reads that file's Up/Down again and takes the others from the earlier compilation's read of the
/// same syntax trees — unless a read depended on the compilation.
/// </summary>
public class MethodReadCacheTests
{
    private const string CreateBlogs = """
        using System;
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
                        Id = table.Column<int>(type: "integer", nullable: false),
                        CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                    },
                    constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(name: "Blogs");
            }
        }
        """;

    private const string AddRating = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_AddRating")]
        public class AddRating : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", type: "integer", nullable: true);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
            }
        }
        """;

    // The default value is the project's own constant: what it is depends on the compilation.
    private const string AddStatus = """
        using Microsoft.EntityFrameworkCore.Migrations;

        public static class Defaults { public const int Status = 1; }

        [Migration("20240301000000_AddStatus")]
        public class AddStatus : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<int>(name: "Status", table: "Blogs", type: "integer", nullable: false, defaultValue: Defaults.Status);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropColumn(name: "Status", table: "Blogs");
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef8)]
    [InlineData(EfVersion.Ef10)]
    public void OneEditedFile_IsTheOnlyOneReadAgain_WithTheBodiesThatNeedTheCompilation(EfVersion version)
    {
        var trees = new[] { Parse(CreateBlogs, "CreateBlogs.cs"), Parse(AddRating, "AddRating.cs"), Parse(AddStatus, "AddStatus.cs") };
        var first = Compile(version, trees);
        var firstCatalog = MigrationCatalog.For(first)!;
        Assert.Equal(3, firstCatalog.History.Ordered.Length);
        Assert.Equal(6, firstCatalog.MethodReads);

        var edited = TreeEdits.Replace(trees[1], "\"Rating\"", "\"Score\"");
        var second = first.ReplaceSyntaxTree(trees[1], edited);
        var secondCatalog = MigrationCatalog.For(second)!;
        Assert.Equal(3, secondCatalog.History.Ordered.Length);

        // AddRating's Up and Down (edited), AddStatus's Up (its default needs the compilation).
        Assert.Equal(3, secondCatalog.MethodReads);
        Assert.Same(Up(firstCatalog, first, "CreateBlogs").Operations[0], Up(secondCatalog, second, "CreateBlogs").Operations[0]);
        Assert.Equal("Score", Up(secondCatalog, second, "AddRating").Operations[0].Name);
        Assert.True(secondCatalog.History.Final.Find(null, "Blogs")!.Columns.ContainsKey("Score"));
        Assert.Equal(1, Up(secondCatalog, second, "AddStatus").Operations[0].Column!.DefaultValue.Constant);

        // The kept read is the model the tokens give: a new read says the same.
        Assert.Equal(
            Up(firstCatalog, first, "CreateBlogs").Operations[0].TableColumns.Select(c => c.ClrType!.ToDisplayString()),
            Up(secondCatalog, second, "CreateBlogs").Operations[0].TableColumns.Select(c => c.ClrType!.ToDisplayString()));
    }

    [Fact]
    public void ATypeNameTheProjectNowDeclares_IsBoundAgain()
    {
        var trees = new[] { Parse(CreateBlogs, "CreateBlogs.cs") };
        var first = Compile(EfVersion.Ef10, trees);
        Assert.Equal("System.DateTime", Up(MigrationCatalog.For(first)!, first, "CreateBlogs").Operations[0].TableColumns[1].ClrType!.ToDisplayString());

        // A class DateTime in the global namespace hides System.DateTime from the migration's file.
        var second = first.AddSyntaxTrees(Parse("public class DateTime { }", "DateTime.cs"));
        var catalog = MigrationCatalog.For(second)!;

        Assert.Equal("DateTime", Up(catalog, second, "CreateBlogs").Operations[0].TableColumns[1].ClrType!.ToDisplayString());
        Assert.Equal(1, catalog.MethodReads);
    }

    // The enum's and the helper's files are being edited (or excluded): neither name resolves.
    private const string AddOrderStatus = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240401000000_AddOrderStatus")]
        public class AddOrderStatus : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<int>(name: "Status", table: "Blogs", type: "integer", nullable: false, defaultValue: (int)OrderStatus.Active);
                SeedData.InsertLookups(migrationBuilder);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropColumn(name: "Status", table: "Blogs");
            }
        }
        """;

    [Fact]
    public void NamesThatResolveNowhere_AreKept_UntilTheProjectDeclaresThem()
    {
        var trees = new[] { Parse(CreateBlogs, "CreateBlogs.cs"), Parse(AddOrderStatus, "AddOrderStatus.cs") };
        var first = CompileWithErrors(trees);
        var firstUp = Up(MigrationCatalog.For(first)!, first, "AddOrderStatus");
        Assert.Equal(ArgumentValueKind.Unknown, firstUp.Operations[0].Column!.DefaultValue.Kind);
        Assert.Equal(MigrationOperationKind.Unknown, firstUp.Operations[1].Kind);

        // Another file edited: the unresolved names still resolve nowhere, the read is kept.
        var second = first.AddSyntaxTrees(Parse("public static class Unrelated { }", "Unrelated.cs"));
        var secondCatalog = MigrationCatalog.For(second)!;
        Assert.Same(firstUp, Up(secondCatalog, second, "AddOrderStatus"));
        Assert.Equal(0, secondCatalog.MethodReads);

        // The enum is back: the default is read again, and now known.
        var third = second.AddSyntaxTrees(Parse("public enum OrderStatus { Pending, Active }", "OrderStatus.cs"));
        var thirdCatalog = MigrationCatalog.For(third)!;
        Assert.Equal(1, Up(thirdCatalog, third, "AddOrderStatus").Operations[0].Column!.DefaultValue.Constant);
        Assert.Equal(1, thirdCatalog.MethodReads);
    }

    [Fact]
    public void OtherReferencedAssemblies_ReadEverythingAgain()
    {
        var trees = new[] { Parse(CreateBlogs, "CreateBlogs.cs"), Parse(AddRating, "AddRating.cs") };
        Assert.Equal(4, MigrationCatalog.For(Compile(EfVersion.Ef10, trees))!.History.Ordered.Length * 2);

        var catalog = MigrationCatalog.For(Compile(EfVersion.Ef8, trees))!;

        Assert.Equal(2, catalog.History.Ordered.Length);
        Assert.Equal(4, catalog.MethodReads);
    }

    private static MethodOperations Up(MigrationCatalog catalog, Compilation compilation, string name) =>
        catalog.Find(compilation.GetTypeByMetadataName(name)!)!.Up;

    private static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Migrations/" + path);

    private static Compilation CompileWithErrors(SyntaxTree[] trees) =>
        CSharpCompilation.Create("MethodReadCacheTests", trees, EfReferences.For(EfVersion.Ef10, DbProvider.None), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static Compilation Compile(EfVersion version, SyntaxTree[] trees)
    {
        var compilation = CSharpCompilation.Create(
            "MethodReadCacheTests", trees, EfReferences.For(version, DbProvider.None), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }
}
