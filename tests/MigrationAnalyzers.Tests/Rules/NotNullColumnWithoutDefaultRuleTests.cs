using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class NotNullColumnWithoutDefaultRuleTests
{
    private static string Migration(string up) => MigrationSources.WithUp(up);

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task NotNullWithoutDefaultOnExistingTable_Reports(EfVersion version)
    {
        var source = Migration("""
                    {|#0:migrationBuilder.AddColumn<int>(
                        name: "Rating",
                        table: "Blogs",
                        type: "integer",
                        nullable: false)|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG020").WithLocation(0).WithArguments("Blogs", "Rating"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task NullableOmittedPositionalSchema_ReportsQualified(EfVersion version)
    {
        // nullable omitted = EF's default false; positional name/table/type; a schema.
        var source = Migration("""
                    {|#0:migrationBuilder.AddColumn<string>("Code", "Products", "text", schema: "shop")|}
                        .Annotation("Relational:Collation", "C");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG020").WithLocation(0).WithArguments("shop.Products", "Code"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task TableCreatedByUnreadableOperation_NoDiagnostic(EfVersion version)
    {
        // Shapes comes from a CreateTable whose column type did not bind, Tags from raw SQL: both
        // may be new (empty), so a NOT NULL column cannot fail on them. Blogs exists: reported.
        var source = Migration("""
                    migrationBuilder.CreateTable(
                        name: "Shapes",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            Outline = table.Column<GeoPolygon>(type: "polygon", nullable: false)
                        });
                    migrationBuilder.Sql("CREATE TABLE Tags (Id integer NOT NULL)");

                    migrationBuilder.AddColumn<int>(name: "Sides", table: "Shapes", type: "integer", nullable: false);
                    migrationBuilder.AddColumn<int>(name: "Uses", table: "Tags", type: "integer", nullable: false);
                    {|#0:migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", type: "integer", nullable: false)|};
            """);
        var test = new VerifyCS.Test(version) { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG020").WithLocation(0).WithArguments("Blogs", "Rating"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EfScaffoldedSafeChanges_NoDiagnostic(EfVersion version)
    {
        // What EF scaffolds for safe changes: nullable column, real defaults, computed, row version, new table.
        var source = Migration("""
                    migrationBuilder.AddColumn<string>(
                        name: "Notes",
                        table: "Blogs",
                        type: "text",
                        nullable: true);

                    migrationBuilder.AddColumn<int>(
                        name: "Rating",
                        table: "Blogs",
                        type: "integer",
                        nullable: false,
                        defaultValue: 3);

                    migrationBuilder.AddColumn<DateTime>(
                        name: "Created",
                        table: "Blogs",
                        type: "timestamp with time zone",
                        nullable: false,
                        defaultValueSql: "now()");

                    migrationBuilder.AddColumn<string>(
                        name: "Slug",
                        table: "Blogs",
                        type: "text",
                        nullable: false,
                        computedColumnSql: "lower(\"Title\")",
                        stored: true);

                    migrationBuilder.AddColumn<byte[]>(
                        name: "Version",
                        table: "Blogs",
                        rowVersion: true,
                        nullable: false);

                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                        },
                        constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));

                    migrationBuilder.AddColumn<string>(
                        name: "Label",
                        table: "Tags",
                        type: "text",
                        nullable: false);
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData(""".Annotation("SqlServer:Identity", "1, 1")""")]
    [InlineData(""".Annotation("Npgsql:ValueGenerationStrategy", 2)""")]
    [InlineData(""".Annotation("Sqlite:Autoincrement", true)""")]
    public async Task IdentityColumn_NoDiagnostic(string annotation)
    {
        var source = Migration($$"""
                    migrationBuilder.AddColumn<int>(
                        name: "Number",
                        table: "Blogs",
                        nullable: false){{annotation}};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NpgsqlIdentityEnumAnnotation_NoDiagnostic()
    {
        var source = Migration("""
                    migrationBuilder.AddColumn<long>(
                        name: "Number",
                        table: "Blogs",
                        type: "bigint",
                        nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.PostgreSql, null);
    }

    [Fact]
    public async Task TableCreatedAfterBaseline_NoDiagnostic()
    {
        const string create = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_AddTags")]
            public class AddTags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new { Id = table.Column<int>(nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));
                }
            }
            """;
        const string add = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240302000000_AddLabel")]
            public class AddLabel : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "Label", table: "Tags", nullable: false);
                }
            }
            """;

        // After the baseline: not deployed yet, so the table is empty everywhere.
        await VerifyCS.VerifyAnalyzerAsync(new[] { create, add }, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("baseline", "20240101000000_Initial")));
    }

    [Fact]
    public async Task TableCreatedAtOrBeforeBaseline_Reports()
    {
        const string create = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddTags")]
            public class AddTags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new { Id = table.Column<int>(nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));
                }
            }
            """;
        const string add = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240302000000_AddLabel")]
            public class AddLabel : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.AddColumn<string>(name: "Label", table: "Tags", nullable: false)|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { create, add }, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("baseline", "20240101000000_AddTags")),
            VerifyCS.Diagnostic("MIG020").WithLocation(0).WithArguments("Tags", "Label"));
    }

    [Fact]
    public async Task OtherProviderBranch_NoDiagnostic()
    {
        var source = Migration("""
                    if (ActiveProvider == "Microsoft.EntityFrameworkCore.SqlServer")
                    {
                        migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: false);
                    }
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", "postgresql")));
    }

    [Fact]
    public async Task NonConstantNamesOrNullability_NoDiagnostic()
    {
        var source = Migration("""
                    var table = Environment.GetEnvironmentVariable("T") ?? "Blogs";
                    var nullable = Environment.GetEnvironmentVariable("N") is null;
                    migrationBuilder.AddColumn<int>(name: "Rating", table: table, nullable: false);
                    migrationBuilder.AddColumn<int>(name: "Score", table: "Blogs", nullable: nullable);
                    migrationBuilder.AddColumn<int>(name: "Votes", table: "Blogs", nullable: false, defaultValue: Environment.TickCount);
            """);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task BrokenCode_NoCrash()
    {
        var source = Migration("""
                    migrationBuilder.AddColumn<int>(name: "Rating", nullable: false);
                    migrationBuilder.AddColumn<int>(table: "Blogs", nullable: false)
            """);
        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        await test.RunAsync();
    }
}
