using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.SqlWithoutDownSqlRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class SqlWithoutDownSqlRuleTests
{
    [Theory]
    [InlineData(EfVersion.Ef10, "CREATE VIEW BlogNames AS SELECT Url FROM Blogs", "changes the schema")]
    [InlineData(EfVersion.Ef8, "/* seed */ INSERT INTO Blogs (Url) VALUES ('a;b')", "inserts or deletes rows")]
    [InlineData(EfVersion.Ef10, "UPDATE Blogs SET Rating = 0; DELETE FROM Blogs WHERE Url IS NULL", "inserts or deletes rows")]
    [InlineData(EfVersion.Ef10, "EXEC sp_rename 'Blogs.Url', 'Address', 'COLUMN'", "changes the schema")]
    [InlineData(EfVersion.Ef8, "DO $body$ BEGIN UPDATE Blogs SET Rating = 1; INSERT INTO Audit VALUES (1); END $body$;", "inserts or deletes rows")]
    public async Task SchemaOrRowSqlWithoutDownSql_Reports(EfVersion version, string sql, string effect)
    {
        var source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Script")]
            public class Script : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                    {|#0:migrationBuilder.Sql(SQL)|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                }
            }
            """.Replace("SQL", "\"" + sql.Replace("'", "'") + "\"");
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null, VerifyCS.Diagnostic("MIG046").WithLocation(0).WithArguments(effect));
    }

    [Theory]
    [InlineData("UPDATE Blogs SET Rating = 0 WHERE Rating IS NULL")]
    [InlineData("-- DROP TABLE Blogs\nUPDATE Blogs SET Url = 'DROP TABLE x'")]
    [InlineData("SELECT 1")]
    [InlineData("DO $body$ BEGIN UPDATE Blogs SET Rating = 1; END $body$;")]
    [InlineData("EXEC dbo.RecalculateRatings")]
    [InlineData("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20200101000000_Old', '8.0.0')")]
    [InlineData("DELETE FROM [__EFMigrationsHistory] WHERE [MigrationId] = '20200101000000_Old'")]
    [InlineData("CREATE TABLE #ids (Id int); INSERT INTO #ids SELECT Id FROM Blogs; DROP TABLE #ids")]
    public async Task BackfillOrUnreadableSql_NoDiagnostic(string sql)
    {
        var source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Script")]
            public class Script : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                    migrationBuilder.Sql(@"SQL");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                }
            }
            """.Replace("SQL", sql.Replace("\"", "\"\""));
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DownHasSql_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_View")]
            public class View : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("CREATE VIEW BlogNames AS SELECT Url FROM Blogs");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("DROP VIEW BlogNames");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("")]
    [InlineData("throw new System.NotSupportedException();")]
    public async Task EmptyOrIrreversibleDown_LeftToMig041(string down)
    {
        var source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_View")]
            public class View : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("CREATE VIEW BlogNames AS SELECT Url FROM Blogs");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    DOWN
                }
            }
            """.Replace("DOWN", down);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NonConstantSql_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Script")]
            public class Script : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                    migrationBuilder.Sql(System.IO.File.ReadAllText("up.sql"));
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }
}
