using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.SecretInMigrationRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class SecretInMigrationRuleTests
{
    private const string Secret = "S3cret!";

    private static string Sql(string sql, bool expected = true) => MigrationSources.WithUp(
        "        " + (expected ? "{|#0:" : string.Empty) + "migrationBuilder.Sql(@\"" + sql.Replace("\"", "\"\"") + "\")" + (expected ? "|}" : string.Empty) + ";");

    [Theory]
    [InlineData(EfVersion.Ef10, "CREATE LOGIN [reporting] WITH PASSWORD = 'S3cret!', CHECK_POLICY = OFF;", "Sql (CREATE LOGIN … PASSWORD)")]
    [InlineData(EfVersion.Ef8, "CREATE ROLE reporting LOGIN ENCRYPTED PASSWORD 'S3cret!';", "Sql (CREATE ROLE … PASSWORD)")]
    [InlineData(EfVersion.Ef10, "ALTER USER app WITH PASSWORD 'S3cret!'", "Sql (ALTER USER … PASSWORD)")]
    [InlineData(EfVersion.Ef8, "CREATE USER 'app'@'%' IDENTIFIED BY 'S3cret!';", "Sql (CREATE USER … IDENTIFIED BY)")]
    [InlineData(EfVersion.Ef10, "GRANT SELECT ON \"Posts\" TO reporting; CREATE USER MAPPING FOR app SERVER remote OPTIONS (user 'app', password 'S3cret!');", "Sql (CREATE USER … PASSWORD)")]
    public async Task PasswordInSql_ReportsWithoutTheSecret(EfVersion version, string sql, string where)
    {
        await VerifyCS.VerifyAnalyzerAsync(Sql(sql), version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG085").WithLocation(0).WithArguments(where));
        Assert.DoesNotContain(Secret, where, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task ConnectionStringWithPassword_Reports(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_LinkArchive")]
            public class LinkArchive : Migration
            {
                private const string Archive = {|#0:"Server=archive.internal;Database=Archive;User Id=sa;Password=S3cret!;"|};

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("EXEC sp_addlinkedserver @server = N'archive', @srvproduct = N'', @provider = N'MSOLEDBSQL', @provstr = N'" + Archive + "';");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("EXEC sp_dropserver 'archive';");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG085").WithLocation(0).WithArguments("This connection string"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, "CREATE ROLE reporting NOLOGIN;")]
    [InlineData(EfVersion.Ef8, "ALTER ROLE app PASSWORD NULL;")]
    [InlineData(EfVersion.Ef10, "CREATE LOGIN [svc] FROM WINDOWS;")]
    [InlineData(EfVersion.Ef10, "UPDATE \"Users\" SET \"Password\" = '' WHERE \"Password\" IS NULL;")]
    [InlineData(EfVersion.Ef8, "-- CREATE LOGIN x WITH PASSWORD = 'S3cret!'\nSELECT 1;")]
    [InlineData(EfVersion.Ef10, "INSERT INTO \"Settings\" VALUES ('Server=db;Integrated Security=true');")]
    public async Task NoLiteralPassword_NoDiagnostic(EfVersion version, string sql)
    {
        await VerifyCS.VerifyAnalyzerAsync(Sql(sql, expected: false), version, DbProvider.None, null);
    }

    [Fact]
    public async Task PasswordFromVariable_NoDiagnostic()
    {
        var source = MigrationSources.WithUp("""
                    var password = Environment.GetEnvironmentVariable("REPORTING_PASSWORD");
                    migrationBuilder.Sql($"CREATE LOGIN [reporting] WITH PASSWORD = '{password}';");
                    migrationBuilder.Sql($"CREATE USER app IDENTIFIED BY '{password}';");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, null);
    }
}
