using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.AlterColumnToNotNullRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class AlterColumnToNotNullRuleTests
{
    private static string Migration(string up) => MigrationSources.WithUp(up);

    private const string Tighten = """
                {|#0:migrationBuilder.AlterColumn<string>(
                    name: "Title",
                    table: "Blogs",
                    type: "text",
                    nullable: false,
                    oldClrType: typeof(string),
                    oldType: "text",
                    oldNullable: true)|};
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task TightenWithoutBackfill_Reports(EfVersion version)
    {
        await VerifyCS.VerifyAnalyzerAsync(Migration(Tighten), version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG022").WithLocation(0).WithArguments("Blogs", "Title"));
    }

    [Theory]
    [InlineData("postgresql")]
    [InlineData("sqlserver")]
    [InlineData("sqlite")]
    public async Task TightenWithDefaultOnBackfillingProvider_NoDiagnostic(string provider)
    {
        // ProviderSqlFactsTests: SQL Server and PostgreSQL emit UPDATE … WHERE IS NULL, SQLite copies through IFNULL.
        var source = Migration("""
                    migrationBuilder.AlterColumn<string>(
                        name: "Title",
                        table: "Blogs",
                        type: "text",
                        nullable: false,
                        defaultValue: "untitled",
                        oldClrType: typeof(string),
                        oldType: "text",
                        oldNullable: true);
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", provider)));
    }

    [Theory]
    [InlineData("postgresql", false)]
    [InlineData("sqlserver", false)]
    [InlineData("sqlite", true)]
    [InlineData(null, true)]
    public async Task TightenWithDefaultValueSql_ReportsWhereTheProviderDoesNotBackfill(string? provider, bool reports)
    {
        var source = Migration("""
                    {|#0:migrationBuilder.AlterColumn<string>(
                        name: "Title",
                        table: "Blogs",
                        nullable: false,
                        defaultValueSql: "'untitled'",
                        oldClrType: typeof(string),
                        oldNullable: true)|};
            """);
        var expected = reports ? new[] { VerifyCS.Diagnostic("MIG022").WithLocation(0).WithArguments("Blogs", "Title") } : System.Array.Empty<DiagnosticResult>();
        if (!reports)
        {
            source = source.Replace("{|#0:", string.Empty).Replace(")|};", ");");
        }

        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, provider is null ? null : TestSetup.Options(("provider", provider)), expected);
    }

    [Fact]
    public async Task TightenWithDefaultOnMySql_Reports()
    {
        // Pomelo's generator is not verified to backfill from the default: the default does not count there.
        var source = Migration("""
                    {|#0:migrationBuilder.AlterColumn<string>(
                        name: "Title",
                        table: "Blogs",
                        nullable: false,
                        defaultValue: "untitled",
                        oldClrType: typeof(string),
                        oldNullable: true)|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", "mysql")),
            VerifyCS.Diagnostic("MIG022").WithLocation(0).WithArguments("Blogs", "Title"));
    }

    [Theory]
    [InlineData("""migrationBuilder.Sql("UPDATE \"Blogs\" SET \"Title\" = 'untitled' WHERE \"Title\" IS NULL");""")]
    [InlineData("""migrationBuilder.Sql("UPDATE [dbo].[Blogs] SET [Rating] = 1, [Title] = N'x' WHERE [Title] IS NULL");""")]
    [InlineData("""migrationBuilder.Sql(@"update blogs set title = coalesce(title, 'x')");""")]
    [InlineData("""migrationBuilder.UpdateData(table: "Blogs", keyColumn: "Title", keyValue: null, column: "Title", value: "");""")]
    [InlineData("""migrationBuilder.Sql(Environment.GetEnvironmentVariable("BACKFILL")!);""")]
    [InlineData("""migrationBuilder.Sql("DELETE FROM \"Blogs\" WHERE \"Title\" IS NULL;");""")]
    [InlineData("""migrationBuilder.Sql("DELETE FROM [dbo].[Blogs] WHERE [Rating] < 0 OR [Blogs].[Title] IS NULL");""")]
    public async Task TightenAfterBackfill_NoDiagnostic(string backfill)
    {
        var source = Migration("        " + backfill + "\n" + Tighten.Replace("{|#0:", string.Empty).Replace(")|};", ");"));
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("""migrationBuilder.Sql("UPDATE \"Posts\" SET \"Title\" = 'x' WHERE \"Title\" IS NULL");""")]
    [InlineData("""migrationBuilder.Sql("UPDATE \"Blogs\" SET \"Rating\" = 0 WHERE \"Title\" IS NULL");""")]
    [InlineData("""migrationBuilder.UpdateData(table: "Blogs", keyColumn: "Id", keyValue: 1, column: "Rating", value: 1);""")]
    [InlineData("""migrationBuilder.Sql("DELETE FROM \"Blogs\" WHERE \"Title\" IS NOT NULL");""")]
    [InlineData("""migrationBuilder.Sql("DELETE FROM \"Posts\" WHERE \"Title\" IS NULL");""")]
    public async Task BackfillOfAnotherTableOrColumn_Reports(string other)
    {
        var source = Migration("        " + other + "\n" + Tighten);
        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("MIG022").WithLocation(0).WithArguments("Blogs", "Title"));
    }

    [Fact]
    public async Task BackfillAfterTheAlter_Reports()
    {
        var source = Migration(Tighten + "\n        migrationBuilder.Sql(\"UPDATE \\\"Blogs\\\" SET \\\"Title\\\" = 'x' WHERE \\\"Title\\\" IS NULL\");");
        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("MIG022").WithLocation(0).WithArguments("Blogs", "Title"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EfScaffoldedSafeAlters_NoDiagnostic(EfVersion version)
    {
        // Relaxing to nullable, widening, a table created in this Up.
        var source = Migration("""
                    migrationBuilder.AlterColumn<string>(
                        name: "Title",
                        table: "Blogs",
                        type: "text",
                        nullable: true,
                        oldClrType: typeof(string),
                        oldType: "text");

                    migrationBuilder.AlterColumn<string>(
                        name: "Name",
                        table: "Blogs",
                        type: "character varying(200)",
                        maxLength: 200,
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "character varying(100)",
                        oldMaxLength: 100);

                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new { Id = table.Column<int>(nullable: false), Label = table.Column<string>(nullable: true) },
                        constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));

                    migrationBuilder.AlterColumn<string>(
                        name: "Label",
                        table: "Tags",
                        nullable: false,
                        oldClrType: typeof(string),
                        oldNullable: true);
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Fact]
    public async Task NonConstantAndBrokenCode_NoDiagnostic()
    {
        var source = Migration("""
                    var table = Environment.GetEnvironmentVariable("T") ?? "Blogs";
                    migrationBuilder.AlterColumn<string>(name: "Title", table: table, nullable: false, oldNullable: true);
                    migrationBuilder.AlterColumn<string>(name: "Title", nullable: false, oldNullable: true)
            """);
        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        await test.RunAsync();
    }
}
