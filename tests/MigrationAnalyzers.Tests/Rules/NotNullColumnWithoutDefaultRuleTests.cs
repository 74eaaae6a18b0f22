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
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule.Rule).WithLocation(0).WithArguments("Blogs", "Rating"));
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
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule.Rule).WithLocation(0).WithArguments("shop.Products", "Code"));
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
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule.Rule).WithLocation(0).WithArguments("Blogs", "Rating"));
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

    /// <summary>EF Core 2/3 scaffolded SQL Server identity as a value generation strategy: existing rows get values.</summary>
    [Theory]
    [InlineData(EfVersion.Ef10, "Microsoft.EntityFrameworkCore.Metadata.SqlServerValueGenerationStrategy.IdentityColumn")]
    [InlineData(EfVersion.Ef10, "(Microsoft.EntityFrameworkCore.Metadata.SqlServerValueGenerationStrategy)2")]
    [InlineData(EfVersion.Ef10, "2")]
    [InlineData(EfVersion.Ef8, "2")]
    public async Task SqlServerIdentityStrategy_NoDiagnostic(EfVersion version, string strategy)
    {
        // The tests have EF Core 8 without its SQL Server assembly: there the integer form, with the provider configured.
        var source = Migration($$"""
                    migrationBuilder.AddColumn<int>(
                        name: "Number",
                        table: "Blogs",
                        nullable: false)
                        .Annotation("SqlServer:ValueGenerationStrategy", {{strategy}});
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, version == EfVersion.Ef10 ? DbProvider.SqlServer : DbProvider.None, TestSetup.Options(("provider", "sqlserver")));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, "Microsoft.EntityFrameworkCore.Metadata.SqlServerValueGenerationStrategy.SequenceHiLo")]
    [InlineData(EfVersion.Ef10, "Microsoft.EntityFrameworkCore.Metadata.SqlServerValueGenerationStrategy.None")]
    [InlineData(EfVersion.Ef8, "1")]
    public async Task SqlServerNonIdentityStrategy_Reports(EfVersion version, string strategy)
    {
        var source = Migration($$"""
                    {|#0:migrationBuilder.AddColumn<int>(
                        name: "Number",
                        table: "Blogs",
                        nullable: false)|}
                        .Annotation("SqlServer:ValueGenerationStrategy", {{strategy}});
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, version == EfVersion.Ef10 ? DbProvider.SqlServer : DbProvider.None, TestSetup.Options(("provider", "sqlserver")),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule.Rule).WithLocation(0).WithArguments("Blogs", "Number"));
    }

    /// <summary>A history scaffolded by a MySQL provider, its assembly not referenced: its annotations tell.</summary>
    internal const string MySqlHistory = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_Initial")]
        public class Initial : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AlterDatabase()
                    .Annotation("MySql:CharSet", "utf8mb4");

                migrationBuilder.CreateTable(
                    name: "Blogs",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "int", nullable: false),
                        Name = table.Column<string>(type: "longtext", nullable: true)
                            .Annotation("MySql:CharSet", "utf8mb4"),
                    },
                    constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id))
                    .Annotation("MySql:CharSet", "utf8mb4");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }
        }
        """;

    internal static string MySqlAdd(string type, string clrType, string annotation = "") => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_AddCode")]
        public class AddCode : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {|#0:migrationBuilder.AddColumn<{{clrType}}>(
                    name: "Code",
                    table: "Blogs",
                    type: "{{type}}",
                    nullable: false)|}{{annotation}};
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropColumn(name: "Code", table: "Blogs");
            }
        }
        """;

    /// <summary>MySQL fills existing rows with the type's implicit default: MIG021 (Info) reports it, not "fails".</summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task MySqlRecognisedFromAnnotations_NoDiagnostic(EfVersion version)
    {
        await VerifyCS.VerifyAnalyzerAsync(new[] { MySqlHistory, MySqlAdd("varchar(20)", "string", "\n            .Annotation(\"MySql:CharSet\", \"utf8mb4\")") }, version, DbProvider.None, null);
        await VerifyCS.VerifyAnalyzerAsync(new[] { MySqlHistory, MySqlAdd("int", "int") }, version, DbProvider.None, null);
        await VerifyCS.VerifyAnalyzerAsync(new[] { MySqlHistory.Replace("MySql:CharSet", "Relational:Collation"), MySqlAdd("int", "int") }, version, DbProvider.None, TestSetup.Options(("provider", "mysql")));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task MySqlDateOrProviderNotTold_Reports(EfVersion version)
    {
        // A zero date is rejected by MySQL's default sql_mode: that ADD fails.
        await VerifyCS.VerifyAnalyzerAsync(new[] { MySqlHistory, MySqlAdd("datetime(6)", "System.DateTime") }, version, DbProvider.None, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule.Rule).WithLocation(0).WithArguments("Blogs", "Code"));

        // No MySql: annotation: the provider is unknown, and the ADD fails on SQL Server, PostgreSQL and SQLite.
        await VerifyCS.VerifyAnalyzerAsync(new[] { MySqlHistory.Replace("MySql:CharSet", "Relational:Collation"), MySqlAdd("int", "int") }, version, DbProvider.None, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule.Rule).WithLocation(0).WithArguments("Blogs", "Code"));

        // MySql: next to another provider's annotations (a history written for several databases): not inferred.
        var mixed = MySqlHistory.Replace("table.Column<int>(type: \"int\", nullable: false)", "table.Column<int>(type: \"int\", nullable: false).Annotation(\"SqlServer:Identity\", \"1, 1\")");
        await VerifyCS.VerifyAnalyzerAsync(new[] { mixed, MySqlAdd("int", "int") }, version, DbProvider.None, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule.Rule).WithLocation(0).WithArguments("Blogs", "Code"));
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
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule.Rule).WithLocation(0).WithArguments("Tags", "Label"));
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

    private static string SqlMigration(string up) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_AddRating")]
        public class AddRating : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{up}}
            }
        }
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult SqlAdd(int location, string statement, string column, string table) =>
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule.SqlRule).WithLocation(location).WithArguments(statement, column, table);

    /// <summary>ALTER TABLE … ADD … NOT NULL without DEFAULT in Sql is the same change as AddColumn (issue 13).</summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task NotNullColumnAddedInSql_Reports(EfVersion version)
    {
        var source = SqlMigration("""
                    {|#0:migrationBuilder.Sql("ALTER TABLE \"Blogs\" ADD COLUMN \"Rating\" integer NOT NULL;")|};
                    {|#1:migrationBuilder.Sql("ALTER TABLE blogs ADD score numeric(5,2) NOT NULL")|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null,
            SqlAdd(0, "ALTER TABLE \"Blogs\" ADD COLUMN \"Rating\" integer NOT NULL", "Rating", "Blogs"),
            SqlAdd(1, "ALTER TABLE blogs ADD score numeric(5,2) NOT NULL", "score", "blogs"));
    }

    [Fact]
    public async Task NotNullColumnAddedInSqlOnSqlServer_Reports()
    {
        var source = SqlMigration("""
                    {|#0:migrationBuilder.Sql("ALTER TABLE [dbo].[Blogs] ADD [Rating] int NOT NULL")|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.SqlServer, null,
            SqlAdd(0, "ALTER TABLE [dbo].[Blogs] ADD [Rating] int NOT NULL", "Rating", "Blogs"));
    }

    /// <summary>
    /// Not flagged: a DEFAULT, a nullable column, identity/serial/computed/rowversion columns, a table this Up created,
    /// MySQL (implicit defaults: MIG021's), SQL the reader cannot read.
    /// </summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task SafeOrUnknownSqlAdds_NoDiagnostic(EfVersion version)
    {
        var source = SqlMigration("""
                    migrationBuilder.Sql("ALTER TABLE blogs ADD COLUMN rating integer NOT NULL DEFAULT 0;");
                    migrationBuilder.Sql("ALTER TABLE blogs ADD COLUMN notes text NULL;");
                    migrationBuilder.Sql("ALTER TABLE blogs ADD COLUMN slug text;");
                    migrationBuilder.Sql("ALTER TABLE blogs ADD COLUMN seq bigserial NOT NULL;");
                    migrationBuilder.Sql("ALTER TABLE blogs ADD COLUMN num integer GENERATED ALWAYS AS IDENTITY NOT NULL;");
                    migrationBuilder.CreateTable(name: "Tags", columns: table => new { Id = table.Column<int>(nullable: false) });
                    migrationBuilder.Sql("ALTER TABLE \"Tags\" ADD COLUMN \"Name\" text NOT NULL;");
                    migrationBuilder.Sql("CREATE TABLE t (a int); ALTER TABLE t ADD COLUMN b int NOT NULL;");
                    migrationBuilder.Sql(System.IO.File.ReadAllText("add.sql"));
                    migrationBuilder.Sql("ALTER TABLE blogs ADD");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
        await VerifyCS.VerifyAnalyzerAsync(SqlMigration("""
                    migrationBuilder.Sql("ALTER TABLE Blogs ADD Rating int NOT NULL;");
            """), version, DbProvider.None, TestSetup.Options(("provider", "mysql")));
        await VerifyCS.VerifyAnalyzerAsync(SqlMigration("""
                    migrationBuilder.Sql("ALTER TABLE [Blogs] ADD [Version] rowversion NOT NULL, [Total] AS ([A] + [B])");
            """), EfVersion.Ef10, DbProvider.SqlServer, null);
    }
}
