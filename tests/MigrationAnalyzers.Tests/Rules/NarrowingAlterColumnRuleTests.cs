using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.NarrowingAlterColumnRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class NarrowingAlterColumnRuleTests
{
    private static string Migration(string up) => MigrationSources.WithUp(up);

    private static string Alter(string type, string arguments) => $$"""
                {|#0:migrationBuilder.AlterColumn<{{type}}>(
                    name: "Value",
                    table: "Items",
                    {{arguments}})|};
        """;

    [Theory]
    [InlineData(EfVersion.Ef10, "string", "type: \"nvarchar(50)\", maxLength: 50, nullable: false, oldClrType: typeof(string), oldType: \"nvarchar(200)\", oldMaxLength: 200", "nvarchar(200)", "nvarchar(50)", "max length 200 → 50", "SELECT * FROM [Items] WHERE LEN([Value]) > 50")]
    [InlineData(EfVersion.Ef8, "string", "type: \"character varying(50)\", maxLength: 50, nullable: false, oldClrType: typeof(string), oldType: \"character varying(200)\", oldMaxLength: 200", "character varying(200)", "character varying(50)", "max length 200 → 50", "SELECT * FROM \"Items\" WHERE LENGTH(\"Value\") > 50")]
    [InlineData(EfVersion.Ef10, "string", "type: \"nvarchar(100)\", maxLength: 100, nullable: false, oldClrType: typeof(string), oldType: \"nvarchar(max)\"", "nvarchar(max)", "nvarchar(100)", "max length unbounded → 100", "SELECT * FROM [Items] WHERE LEN([Value]) > 100")]
    [InlineData(EfVersion.Ef10, "string", "type: \"varchar(100)\", unicode: false, maxLength: 100, nullable: false, oldClrType: typeof(string), oldType: \"nvarchar(100)\", oldMaxLength: 100", "nvarchar(100)", "varchar(100)", "Unicode → non-Unicode")]
    [InlineData(EfVersion.Ef10, "decimal", "type: \"numeric(10,2)\", precision: 10, scale: 2, nullable: false, oldClrType: typeof(decimal), oldType: \"numeric(18,4)\", oldPrecision: 18, oldScale: 4", "numeric(18,4)", "numeric(10,2)", "precision (18,4) → (10,2): fewer integer digits")]
    [InlineData(EfVersion.Ef10, "decimal", "type: \"decimal(18,2)\", nullable: false, oldClrType: typeof(decimal), oldType: \"decimal(18,4)\"", "decimal(18,4)", "decimal(18,2)", "scale (18,4) → (18,2): fractional digits rounded")]
    [InlineData(EfVersion.Ef8, "int", "type: \"integer\", nullable: false, oldClrType: typeof(long), oldType: \"bigint\"", "bigint", "integer", "bigint → integer")]
    [InlineData(EfVersion.Ef10, "int", "type: \"int\", nullable: false, oldClrType: typeof(string), oldType: \"nvarchar(max)\"", "nvarchar(max)", "int", "type change text → integer")]
    [InlineData(EfVersion.Ef10, "DateOnly", "type: \"date\", nullable: false, oldClrType: typeof(DateTime), oldType: \"datetime2\"", "datetime2", "date", "type change date and time → date")]
    [InlineData(EfVersion.Ef10, "int", "type: \"int\", nullable: false, oldClrType: typeof(decimal), oldType: \"decimal(18,2)\"", "decimal(18,2)", "int", "type change decimal → integer")]
    [InlineData(EfVersion.Ef10, "DateTime", "type: \"timestamp without time zone\", nullable: false, oldClrType: typeof(DateTimeOffset), oldType: \"timestamp with time zone\"", "timestamp with time zone", "timestamp without time zone", "type change date and time with offset → date and time")]
    [InlineData(EfVersion.Ef10, "DateTime", "type: \"datetime2(3)\", precision: 3, nullable: false, oldClrType: typeof(DateTime), oldType: \"datetime2\"", "datetime2", "datetime2(3)", "fractional seconds precision 7 → 3")]
    [InlineData(EfVersion.Ef10, "float", "type: \"real\", nullable: false, oldClrType: typeof(double), oldType: \"float\"", "float", "real", "float → real")]
    [InlineData(EfVersion.Ef10, "int", "type: \"int\", nullable: false, oldClrType: typeof(Guid), oldType: \"uniqueidentifier\"", "uniqueidentifier", "int", "type change GUID → integer")]
    public async Task Narrowing_Reports(EfVersion version, string type, string arguments, string from, string to, string reason, string? lengthQuery = null)
    {
        await VerifyCS.VerifyAnalyzerAsync(Migration(Alter(type, arguments)), version, DbProvider.None, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NarrowingAlterColumnRule.Rule).WithLocation(0).WithArguments("Items", "Value", from, to, reason, Consequence(lengthQuery)));
    }

    /// <summary>A shorter text column fails to ALTER on longer values (the message gives the query); other narrowings lose or fail generically.</summary>
    private static string Consequence(string? lengthQuery) => lengthQuery is null
        ? "existing values are truncated, rounded or fail to convert"
        : "the ALTER fails on SQL Server, PostgreSQL and MySQL (strict mode) when any existing value is longer; find those rows with " + lengthQuery;

    [Theory]
    [InlineData(EfVersion.Ef10, "postgresql", "SELECT * FROM \"shop\".\"Items\" WHERE LENGTH(\"Value\") > 20")]
    [InlineData(EfVersion.Ef8, "mysql", "SELECT * FROM `shop`.`Items` WHERE CHAR_LENGTH(`Value`) > 20")]
    [InlineData(EfVersion.Ef10, "sqlserver", "SELECT * FROM [shop].[Items] WHERE LEN([Value]) > 20")]
    public async Task LengthNarrowing_GivesTheQueryInTheProvidersDialect(EfVersion version, string provider, string query)
    {
        var source = Migration("""
                    {|#0:migrationBuilder.AlterColumn<string>(name: "Value", table: "Items", schema: "shop", maxLength: 20, nullable: true, oldClrType: typeof(string), oldMaxLength: 80, oldNullable: true)|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, TestSetup.Options(("provider", provider)),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NarrowingAlterColumnRule.Rule).WithLocation(0).WithArguments("shop.Items", "Value", "string(80)", "string(20)", "max length 80 → 20", Consequence(query)));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task OldTypeContradictsHistory_NoDiagnostic(EfVersion version)
    {
        // Scaffolded under another provider's snapshot: oldType "TEXT" on a MySQL history where Value
        // has been varchar(100) all along. Code's old… agree with the history: a real narrowing.
        const string initial = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Items",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "int", nullable: false),
                            Value = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: true),
                            Code = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        });
                }
            }
            """;
        const string alter = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Required")]
            public class Required : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(
                        name: "Value",
                        table: "Items",
                        type: "varchar(100)",
                        maxLength: 100,
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "TEXT",
                        oldNullable: true);

                    {|#0:migrationBuilder.AlterColumn<string>(
                        name: "Code",
                        table: "Items",
                        type: "varchar(50)",
                        maxLength: 50,
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "varchar(200)",
                        oldMaxLength: 200)|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { initial, alter }, version, DbProvider.None, TestSetup.Options(("provider", "mysql")),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NarrowingAlterColumnRule.Rule).WithLocation(0).WithArguments("Items", "Code", "varchar(200)", "varchar(50)", "max length 200 → 50",
                "the ALTER fails on SQL Server, PostgreSQL and MySQL (strict mode) when any existing value is longer; find those rows with SELECT * FROM `Items` WHERE CHAR_LENGTH(`Code`) > 50"));
    }

    [Fact]
    public async Task OldTypeAgreesWithHistory_Reports()
    {
        const string initial = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) =>
                    migrationBuilder.CreateTable(name: "Items", columns: table => new { Value = table.Column<string>(type: "TEXT", nullable: true) });
            }
            """;
        const string alter = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Shorter")]
            public class Shorter : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) =>
                    {|#0:migrationBuilder.AlterColumn<string>(name: "Value", table: "Items", type: "varchar(100)", maxLength: 100, nullable: true, oldClrType: typeof(string), oldType: "TEXT", oldNullable: true)|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { initial, alter }, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", "mysql")),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NarrowingAlterColumnRule.Rule).WithLocation(0).WithArguments("Items", "Value", "TEXT", "varchar(100)", "max length unbounded → 100",
                "the ALTER fails on SQL Server, PostgreSQL and MySQL (strict mode) when any existing value is longer; find those rows with SELECT * FROM `Items` WHERE CHAR_LENGTH(`Value`) > 100"));
    }

    [Fact]
    public async Task ClrOnlyNarrowing_Reports()
    {
        // No store types (provider-neutral): CLR types and facets decide.
        await VerifyCS.VerifyAnalyzerAsync(
            Migration(Alter("string", "maxLength: 20, nullable: true, oldClrType: typeof(string), oldMaxLength: 80, oldNullable: true")),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NarrowingAlterColumnRule.Rule).WithLocation(0).WithArguments("Items", "Value", "string(80)", "string(20)", "max length 80 → 20", Consequence("SELECT * FROM \"Items\" WHERE LENGTH(\"Value\") > 20")));
    }

    [Fact]
    public async Task SqliteIntegerHidesClrNarrowing_Reports()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Migration(Alter("int", "type: \"INTEGER\", nullable: false, oldClrType: typeof(long), oldType: \"INTEGER\"")),
            EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", "sqlite")),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NarrowingAlterColumnRule.Rule).WithLocation(0).WithArguments("Items", "Value", "long", "int", "long → int", Consequence(null)));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, "string", "type: \"nvarchar(200)\", maxLength: 200, nullable: false, oldClrType: typeof(string), oldType: \"nvarchar(50)\", oldMaxLength: 50")]
    [InlineData(EfVersion.Ef8, "string", "type: \"text\", nullable: false, oldClrType: typeof(string), oldType: \"character varying(50)\", oldMaxLength: 50")]
    [InlineData(EfVersion.Ef10, "long", "type: \"bigint\", nullable: false, oldClrType: typeof(int), oldType: \"integer\"")]
    [InlineData(EfVersion.Ef10, "decimal", "type: \"numeric(20,4)\", precision: 20, scale: 4, nullable: false, oldClrType: typeof(decimal), oldType: \"numeric(18,2)\", oldPrecision: 18, oldScale: 2")]
    [InlineData(EfVersion.Ef10, "string", "type: \"nvarchar(50)\", maxLength: 50, nullable: true, oldClrType: typeof(string), oldType: \"nvarchar(50)\", oldMaxLength: 50")]
    [InlineData(EfVersion.Ef10, "string", "type: \"nvarchar(max)\", nullable: false, oldClrType: typeof(int), oldType: \"int\"")]
    [InlineData(EfVersion.Ef10, "DateTime", "type: \"datetime2\", nullable: false, oldClrType: typeof(DateOnly), oldType: \"date\"")]
    [InlineData(EfVersion.Ef10, "string", "maxLength: 50, nullable: false")]
    [InlineData(EfVersion.Ef10, "string", "type: \"varchar(100)\", unicode: false, maxLength: 100, nullable: false, oldClrType: typeof(string), oldType: \"varchar(200)\", oldUnicode: false, oldMaxLength: 200, oldNullable: true")]
    public async Task SafeOrUnknown_NoDiagnostic(EfVersion version, string type, string arguments)
    {
        // The last row narrows but sits on a table this Up creates: no rows to lose.
        var alter = Alter(type, arguments).Replace("{|#0:", string.Empty).Replace(")|};", ");");
        var source = arguments.Contains("varchar(200)")
            ? Migration("""
                        migrationBuilder.CreateTable(
                            name: "Items",
                            columns: table => new { Value = table.Column<string>(nullable: true) });
                """ + "\n" + alter)
            : Migration(alter);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Fact]
    public async Task UnicodeArgumentOnPostgres_NoDiagnostic()
    {
        // Npgsql ignores unicode: no data changes.
        await VerifyCS.VerifyAnalyzerAsync(
            Migration(Alter("string", "type: \"text\", unicode: false, nullable: false, oldClrType: typeof(string), oldType: \"text\", oldUnicode: true").Replace("{|#0:", string.Empty).Replace(")|};", ");")),
            EfVersion.Ef10, DbProvider.PostgreSql, null);
    }

    [Fact]
    public async Task NonConstantAndBrokenCode_NoDiagnostic()
    {
        var source = Migration("""
                    var length = Environment.TickCount;
                    migrationBuilder.AlterColumn<string>(name: "Title", table: "Blogs", maxLength: length, oldMaxLength: 200);
                    migrationBuilder.AlterColumn<string>(name: "Title", table: "Blogs", type: "nvarchar(", oldType: "nvarchar(200)");
                    migrationBuilder.AlterColumn<string>(name: "Title", maxLength: 10, oldMaxLength: 200)
            """);
        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        await test.RunAsync();
    }
}
