using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.TableRewriteRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class TableRewriteRuleTests
{
    private const string PostgresRewrite = "PostgreSQL rewrites the table and all its indexes under an ACCESS EXCLUSIVE lock (the storage size changes)";
    private const string SqlServerRewrite = "SQL Server updates every row (a size-of-data operation) under a schema-modification lock";
    private const string SqliteRebuild = "SQLite cannot alter a column: EF rebuilds the table, copying every row";

    private static string Alter(string type, string newType, string oldType, string oldClr, string extra = "") => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240301000000_Widen")]
        public class Widen : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {|#0:migrationBuilder.AlterColumn<{{type}}>(
                    name: "Counter",
                    table: "Posts",
                    type: "{{newType}}",
                    nullable: false,{{extra}}
                    oldClrType: typeof({{oldClr}}),
                    oldType: "{{oldType}}")|};
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task PostgreSqlIntegerToBigint_Reports(EfVersion version)
    {
        await VerifyCS.VerifyAnalyzerAsync(Alter("long", "bigint", "integer", "int"), version, DbProvider.PostgreSql, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.TableRewriteRule.Rule).WithLocation(0).WithArguments("Posts", "Counter", "integer", "bigint", PostgresRewrite));
    }

    [Theory]
    [InlineData("string", "text", "character varying(100)", "string")]
    [InlineData("string", "character varying(200)", "character varying(100)", "string")]
    [InlineData("decimal", "numeric(20,2)", "numeric(18,2)", "decimal")]
    [InlineData("int", "integer", "bigint", "long")] // narrowing: MIG005's
    [InlineData("string", "character varying(50)", "text", "string")] // narrowing: MIG005's
    public async Task PostgreSqlMetadataOnlyOrNarrowing_NoDiagnostic(string type, string newType, string oldType, string oldClr)
    {
        var source = Alter(type, newType, oldType, oldClr).Replace("{|#0:", string.Empty).Replace(")|};", ");");
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.PostgreSql, null);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef8, DbProvider.PostgreSql, null);
    }

    [Theory]
    [InlineData("long", "bigint", "int", "int")]
    [InlineData("string", "nvarchar(100)", "varchar(100)", "string")]
    [InlineData("decimal", "decimal(10,2)", "decimal(9,2)", "decimal")]
    [InlineData("System.DateTime", "datetime2", "datetime", "System.DateTime")]
    public async Task SqlServerSizeOfDataWidening_Reports(string type, string newType, string oldType, string oldClr)
    {
        await VerifyCS.VerifyAnalyzerAsync(Alter(type, newType, oldType, oldClr), EfVersion.Ef10, DbProvider.SqlServer, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.TableRewriteRule.Rule).WithLocation(0).WithArguments("Posts", "Counter", oldType, newType, SqlServerRewrite));
    }

    [Theory]
    [InlineData("string", "nvarchar(200)", "nvarchar(100)", "string")]
    [InlineData("decimal", "decimal(18,2)", "decimal(12,2)", "decimal")]
    public async Task SqlServerMetadataOnlyWidening_NoDiagnostic(string type, string newType, string oldType, string oldClr)
    {
        var source = Alter(type, newType, oldType, oldClr).Replace("{|#0:", string.Empty).Replace(")|};", ");");
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.SqlServer, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task SqliteIntToLongWithSameStoreType_Reports(EfVersion version)
    {
        await VerifyCS.VerifyAnalyzerAsync(Alter("long", "INTEGER", "INTEGER", "int"), version, DbProvider.Sqlite, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.TableRewriteRule.Rule).WithLocation(0).WithArguments("Posts", "Counter", "INTEGER (int)", "INTEGER (long)", SqliteRebuild));
    }

    [Fact]
    public async Task SqliteLongerMaxLength_Reports()
    {
        var source = Alter("string", "TEXT", "TEXT", "string", "\n            maxLength: 200,\n            oldMaxLength: 100,");
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef8, DbProvider.Sqlite, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.TableRewriteRule.Rule).WithLocation(0).WithArguments("Posts", "Counter", "TEXT (maxLength 100)", "TEXT (maxLength 200)", SqliteRebuild));
    }

    [Fact]
    public async Task SqliteWithoutStoreTypes_Reports()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_Widen")]
            public class Widen : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.AlterColumn<string>(name: "Title", table: "Posts", maxLength: 200, nullable: true, oldMaxLength: 100, oldNullable: true)|};
                    {|#1:migrationBuilder.AlterColumn<long>(name: "Views", table: "Posts", nullable: false, oldClrType: typeof(int))|};
                    migrationBuilder.AlterColumn<int>(name: "Likes", table: "Posts", nullable: false, oldClrType: typeof(long));
                    migrationBuilder.AlterColumn<string>(name: "Body", table: "Posts", nullable: false, oldNullable: true);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.Sqlite, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.TableRewriteRule.Rule).WithLocation(0).WithArguments("Posts", "Title", "TEXT (maxLength 100)", "TEXT (maxLength 200)", SqliteRebuild),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.TableRewriteRule.Rule).WithLocation(1).WithArguments("Posts", "Views", "int", "bigint", SqliteRebuild));
    }

    [Fact]
    public async Task UnknownProvider_NoDiagnostic()
    {
        var source = Alter("long", "bigint", "integer", "int").Replace("{|#0:", string.Empty).Replace(")|};", ");");
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, null);
    }

    [Fact]
    public async Task MySqlFromConfig_Reports()
    {
        await VerifyCS.VerifyAnalyzerAsync(Alter("long", "bigint", "int", "int"), EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", "mysql")),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.TableRewriteRule.Rule).WithLocation(0).WithArguments("Posts", "Counter", "int", "bigint", "MySQL copies the table (ALGORITHM=COPY), blocking writes"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task TableOrColumnNewInThisUp_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_Widen")]
            public class Widen : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));
                    migrationBuilder.AlterColumn<long>(name: "Id", table: "Tags", type: "bigint", nullable: false, oldClrType: typeof(int), oldType: "integer");

                    migrationBuilder.AddColumn<int>(name: "Views", table: "Posts", type: "integer", nullable: false, defaultValue: 0);
                    migrationBuilder.AlterColumn<long>(name: "Views", table: "Posts", type: "bigint", nullable: false, oldClrType: typeof(int), oldType: "integer");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
    }

    [Fact]
    public async Task NonConstantTypeOrBrokenCode_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_Widen")]
            public class Widen : Migration
            {
                private static readonly string Type = System.Environment.GetEnvironmentVariable("T") ?? "bigint";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<long>(name: "A", table: "Posts", type: Type, oldClrType: typeof(int), oldType: "integer");
                    migrationBuilder.AlterColumn<long>(name: "B", table: "Posts", type: "bigint(", oldClrType: typeof(int), oldType: );
                }
            }
            """;
        var test = new VerifyCS.Test(EfVersion.Ef10, DbProvider.PostgreSql) { TestCode = source, CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None };
        await test.RunAsync();
    }
}
