using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.DownEmptyRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class DownEmptyRuleTests
{
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EmptyDownAfterSchemaChange_ReportsOnDownIdentifier(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddRating")]
            public class AddRating : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(
                        name: "Rating",
                        table: "Blogs",
                        nullable: true);
                }

                protected override void {|#0:Down|}(MigrationBuilder migrationBuilder)
                {
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null, VerifyCS.Diagnostic("MIG041").WithLocation(0).WithArguments("AddRating"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EmptyDownAfterDdlSql_Reports(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddView")]
            public class AddView : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("CREATE VIEW BlogNames AS SELECT Url FROM Blogs");
                }

                protected override void {|#0:Down|}(MigrationBuilder migrationBuilder)
                {
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null, VerifyCS.Diagnostic("MIG041").WithLocation(0).WithArguments("AddView"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DataOnlyUp_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Backfill")]
            public class Backfill : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("UPDATE Blogs SET Rating = 0 WHERE Rating IS NULL; -- DROP TABLE x in a comment");
                    migrationBuilder.Sql("INSERT INTO Tags (Name) SELECT DISTINCT Category FROM Blogs; DELETE FROM Tags WHERE Name IS NULL;");
                    migrationBuilder.Sql("DELETE FROM [__EFMigrationsHistory] WHERE [MigrationId] = N'20200101000000_Old'");
                    migrationBuilder.InsertData(
                        table: "Blogs",
                        columns: new[] { "Id", "Url" },
                        values: new object[] { 1, "https://a.example" });
                    migrationBuilder.UpdateData(
                        table: "Blogs",
                        keyColumn: "Id",
                        keyValue: 1,
                        column: "Url",
                        value: "https://b.example");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    /// <summary>
    /// A temporary index created for a backfill and dropped after it (a real shape: ErsatzTV's
    /// Populate_PlayoutHistory_Finish) leaves the schema as it was: nothing for Down to undo.
    /// </summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task TemporaryIndexDroppedInSameUp_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_PopulateFinish")]
            public class PopulateFinish : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_Items_PlayoutId_Start", table: "Items", columns: new[] { "PlayoutId", "Start" });
                    migrationBuilder.Sql("UPDATE History SET Finish = Items.Finish FROM Items WHERE History.PlayoutId = Items.PlayoutId");
                    migrationBuilder.DropIndex(name: "IX_Items_PlayoutId_Start", table: "Items");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    /// <summary>
    /// Only a pair that cancels is left out: an index dropped on another table, or a second index
    /// that stays, is still a change Down must undo.
    /// </summary>
    [Theory]
    [InlineData("""migrationBuilder.DropIndex(name: "IX_Items_PlayoutId_Start", table: "Other");""")]
    [InlineData("""migrationBuilder.DropIndex(name: "IX_Items_PlayoutId_Start", table: "Items"); migrationBuilder.CreateIndex(name: "IX_Items_Start", table: "Items", column: "Start");""")]
    [InlineData("""migrationBuilder.AlterColumn<int>(name: "Start", table: "Items", nullable: false); migrationBuilder.AlterColumn<int>(name: "Start", table: "Items", nullable: true); migrationBuilder.DropIndex(name: "IX_Items_PlayoutId_Start", table: "Items");""")]
    public async Task ChangeLeftAfterTemporaryIndex_Reports(string rest)
    {
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_PopulateFinish")]
            public class PopulateFinish : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_Items_PlayoutId_Start", table: "Items", columns: new[] { "PlayoutId", "Start" });
                    {{rest}}
                }

                protected override void {|#0:Down|}(MigrationBuilder migrationBuilder)
                {
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, null, VerifyCS.Diagnostic("MIG041").WithLocation(0).WithArguments("PopulateFinish"));
    }

    [Fact]
    public async Task DownOnlyThrowsNotSupported_NoDiagnostic()
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Purge")]
            public class Purge : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Legacy", table: "Blogs");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    throw new NotSupportedException("Legacy data is gone for good.");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DownWithOperations_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddRating")]
            public class AddRating : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) =>
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);

                protected override void Down(MigrationBuilder b) => b.DropColumn(name: "Rating", table: "Blogs");
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UnreadableSqlOnly_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Script")]
            public class Script : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql(System.IO.File.ReadAllText("script.sql"));
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task BrokenDown_NoCrash()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Broken")]
            public class Broken : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table:
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        await test.RunAsync();
    }
}
