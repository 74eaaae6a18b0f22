using System;
using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.CollationChangeRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class CollationChangeRuleTests
{
    private const string Effect = "indexes on the affected columns are rebuilt, and equality, sorting and uniqueness follow the new collation (values that were distinct may now collide)";

    private static string AlterEmail(string collations, bool expected = true) => MigrationSources.WithUp($$"""
                {{(expected ? "{|#0:" : string.Empty)}}migrationBuilder.AlterColumn<string>(
                    name: "Email",
                    table: "Users",
                    type: "nvarchar(256)",
                    nullable: false,
                    {{collations}}
                    oldClrType: typeof(string),
                    oldType: "nvarchar(256)"){{(expected ? "|}" : string.Empty)}};
        """);

    [Theory]
    [InlineData(EfVersion.Ef10, "collation: \"Latin1_General_CI_AS\", oldCollation: \"Latin1_General_CS_AS\",", "'Latin1_General_CS_AS'", "'Latin1_General_CI_AS'")]
    [InlineData(EfVersion.Ef8, "collation: \"C\",", "the default", "'C'")]
    [InlineData(EfVersion.Ef10, "oldCollation: \"und-x-icu\",", "'und-x-icu'", "the default")]
    public async Task ColumnCollationChanged_Reports(EfVersion version, string collations, string from, string to)
    {
        await VerifyCS.VerifyAnalyzerAsync(AlterEmail(collations), version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG069").WithLocation(0).WithArguments("AlterColumn", "column 'Email' of table 'Users'", from, to, Effect));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, "collation: \"C\", oldCollation: \"C\",")]
    [InlineData(EfVersion.Ef8, "")]
    [InlineData(EfVersion.Ef10, "collation: Environment.GetEnvironmentVariable(\"C\"), oldCollation: \"C\",")]
    public async Task SameOrUnknownCollation_NoDiagnostic(EfVersion version, string collations)
    {
        await VerifyCS.VerifyAnalyzerAsync(AlterEmail(collations, expected: false), version, DbProvider.None, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DatabaseCollation_ReportsOnlyOnceTablesExist(EfVersion version)
    {
        const string initial = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterDatabase(collation: "SQL_Latin1_General_CP1_CI_AS");

                    migrationBuilder.CreateTable(
                        name: "Users",
                        columns: table => new { Id = table.Column<int>(type: "int", nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
                }

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Users");
            }
            """;
        const string change = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_CaseSensitive")]
            public class CaseSensitive : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.AlterDatabase(
                        collation: "Latin1_General_CS_AS",
                        oldCollation: "SQL_Latin1_General_CP1_CI_AS")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { initial, change }, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG069").WithLocation("/0/Migration1.cs", 8, 9).WithArguments("AlterDatabase", "the database", "'SQL_Latin1_General_CP1_CI_AS'", "'Latin1_General_CS_AS'", Effect));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task NewTableColumn_NoDiagnostic(EfVersion version)
    {
        var source = MigrationSources.WithUp("""
                    migrationBuilder.CreateTable(
                        name: "Users",
                        columns: table => new { Email = table.Column<string>(type: "nvarchar(256)", nullable: false) });

                    migrationBuilder.AlterColumn<string>(
                        name: "Email",
                        table: "Users",
                        type: "nvarchar(256)",
                        nullable: false,
                        collation: "Latin1_General_CS_AS",
                        oldClrType: typeof(string),
                        oldType: "nvarchar(256)");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    /// <summary>What the providers emit for a collation change (EF Core 10, Npgsql 10).</summary>
    [Theory]
    [InlineData(DbProvider.SqlServer, "ALTER TABLE [Users] ALTER COLUMN [Email] nvarchar(256) COLLATE Latin1_General_CI_AS NOT NULL;")]
    [InlineData(DbProvider.PostgreSql, "ALTER TABLE \"Users\" ALTER COLUMN \"Email\" TYPE nvarchar(256) COLLATE \"Latin1_General_CI_AS\";")]
    public void Generators_EmitOneCollateStatement(DbProvider provider, string expected)
    {
        var source = AlterEmail("collation: \"Latin1_General_CI_AS\", oldCollation: \"Latin1_General_CS_AS\",", expected: false);
        var sql = string.Join("\n", ProviderSql.Generate(source, provider).Select(c => c.CommandText));
        Assert.Contains(expected, sql, StringComparison.Ordinal);
    }
}
