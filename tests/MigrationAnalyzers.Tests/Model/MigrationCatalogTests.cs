using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;
using MigrationAnalyzers.Tests.Verifiers;

namespace MigrationAnalyzers.Tests.Model;

/// <summary>
/// The per-compilation context: models built on request, failures contained (SPEC §7: the history
/// is incomplete from an unreadable migration on, and rules that need it stay silent after it).
/// </summary>
public class MigrationCatalogTests
{
    private const string History = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_CreateBlogs")]
        public class CreateBlogs : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Blogs",
                    columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) },
                    constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));
            }
        }

        [Migration("20240201000000_CreatePosts")]
        public class CreatePosts : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Posts",
                    columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) },
                    constraints: table => table.PrimaryKey("PK_Posts", x => x.Id));
            }
        }

        [Migration("20240301000000_AddRating")]
        public class AddRating : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<int>(name: "Rating", table: "Posts", type: "integer", nullable: true);
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef8)]
    [InlineData(EfVersion.Ef10)]
    public void UnreadableMigration_IsReported_AndTheHistoryIsIncompleteFromItOn(EfVersion version)
    {
        var compilation = Compile(version);
        var catalog = MigrationCatalog.CreateForTesting(compilation, type => type.Name == "CreatePosts" ? "test: cannot read CreatePosts" : null)!;
        var first = catalog.Find(Type(compilation, "CreateBlogs"))!;
        var last = catalog.Find(Type(compilation, "AddRating"))!;

        Assert.Null(catalog.Find(Type(compilation, "CreatePosts")));
        Assert.Equal("test: cannot read CreatePosts", catalog.FailureOf(Type(compilation, "CreatePosts")));
        Assert.Null(catalog.FailureOf(Type(compilation, "AddRating")));
        Assert.Equal(new[] { "CreateBlogs", "AddRating" }, catalog.Migrations.Select(m => m.Name));
        Assert.True(catalog.History.IsCompleteBefore(first));
        Assert.False(catalog.History.IsCompleteBefore(last));

        // Before the gap the history is read; after it, asking for it ends the rule's analysis.
        Assert.NotNull(Facts(catalog, first).History.StateBefore(first));
        Assert.Throws<IncompleteHistoryException>(() => Facts(catalog, last).History);
        Assert.Throws<IncompleteHistoryException>(() => Facts(catalog, last).UpStateBefore(0));

        // What needs no history still answers (SPEC §3: without a baseline every table this Up did not create exists).
        Assert.True(Facts(catalog, last).IsExistingTable(null, "Posts", 0));
    }

    [Fact]
    public void EveryMigrationReadable_HistoryIsComplete_AndKnowsTheTablesOfEarlierMigrations()
    {
        var compilation = Compile(EfVersion.Ef10);
        var catalog = MigrationCatalog.CreateForTesting(compilation, _ => null)!;
        var last = catalog.Find(Type(compilation, "AddRating"))!;

        Assert.True(catalog.History.IsCompleteBefore(last));
        Assert.NotNull(Facts(catalog, last).History.StateBefore(last).Find(null, "Posts"));
        Assert.Equal(new[] { "CreateBlogs", "CreatePosts", "AddRating" }, catalog.Migrations.Select(m => m.Name));
    }

    [Fact]
    public void Find_IsNull_ForAClassThatIsNoMigration()
    {
        var compilation = Compile(EfVersion.Ef10, "public class Helper { }");
        var catalog = MigrationCatalog.For(compilation)!;

        Assert.Null(catalog.Find(Type(compilation, "Helper")));
        Assert.Null(catalog.FailureOf(Type(compilation, "Helper")));
        Assert.NotNull(catalog.Find(Type(compilation, "CreateBlogs")));
    }

    private static MigrationFacts Facts(MigrationCatalog catalog, MigrationModel migration) =>
        new(catalog, migration, new MigrationAnalyzerOptions(DatabaseProvider.Unknown, null, DeployMode.Downtime), CancellationToken.None);

    private static INamedTypeSymbol Type(Compilation compilation, string name) => compilation.GetTypeByMetadataName(name)!;

    private static Compilation Compile(EfVersion version, string extra = "")
    {
        var compilation = CSharpCompilation.Create(
            "CatalogTests",
            new[] { CSharpSyntaxTree.ParseText(History + extra, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Migrations.cs") },
            EfReferences.For(version, DbProvider.None),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }
}
