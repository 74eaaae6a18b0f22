using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.DownOperationWithoutUpRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class DownOperationWithoutUpRuleTests
{
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DownDropsColumnUpNeverAdded_Reports(EfVersion version)
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

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Rating",
                        table: "Blogs");

                    {|#0:migrationBuilder.DropColumn(
                        name: "Title",
                        table: "Blogs")|};

                    {|#1:migrationBuilder.DropTable(
                        name: "Posts")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG043").WithLocation(0).WithArguments("DropColumn 'Title' on 'Blogs'"),
            VerifyCS.Diagnostic("MIG043").WithLocation(1).WithArguments("DropTable 'Posts'"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DownUndoesWhatUpDidThroughSql_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddRating")]
            public class AddRating : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("ALTER TABLE dbo.blogs ADD rating int NULL; CREATE INDEX IX_Blogs_Rating ON dbo.blogs (rating);");
                    migrationBuilder.Sql("EXEC sp_rename N'dbo.Posts.Title', N'Heading', N'COLUMN'");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(name: "Heading", table: "Posts", newName: "Title");
                    migrationBuilder.DropIndex(name: "IX_Blogs_Rating", table: "Blogs");
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                    {|#0:migrationBuilder.DropColumn(name: "Url", table: "Blogs")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, TestSetup.Options(("provider", "sqlserver")),
            VerifyCS.Diagnostic("MIG043").WithLocation(0).WithArguments("DropColumn 'Url' on 'Blogs'"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task SqliteRebuildThroughSql_TableUnknown(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RequireTitle")]
            public class RequireTitle : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql(@"
                        CREATE TABLE ""Posts_New"" (""Id"" INTEGER NOT NULL PRIMARY KEY, ""Title"" TEXT NOT NULL);
                        INSERT INTO ""Posts_New"" (""Id"", ""Title"") SELECT ""Id"", COALESCE(""Title"", '') FROM ""Posts"";
                        DROP TABLE ""Posts"";
                        ALTER TABLE ""Posts_New"" RENAME TO ""Posts"";");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(name: "Title", table: "Posts", type: "TEXT", nullable: true, oldClrType: typeof(string), oldType: "TEXT");
                    {|#0:migrationBuilder.DropIndex(name: "IX_Tags_Name", table: "Tags")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.Sqlite, null,
            VerifyCS.Diagnostic("MIG043").WithLocation(0).WithArguments("DropIndex 'IX_Tags_Name' on 'Tags'"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task KeyDroppedAndReAddedInDown_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_WidenId")]
            public class WidenId : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<long>(name: "Id", table: "Blogs", nullable: false, oldClrType: typeof(int));
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropPrimaryKey(name: "PK_Blogs", table: "Blogs");
                    migrationBuilder.AlterColumn<int>(name: "Id", table: "Blogs", nullable: false, oldClrType: typeof(long));
                    migrationBuilder.AddPrimaryKey(name: "PK_Blogs", table: "Blogs", column: "Id");
                    migrationBuilder.UpdateData(table: "Blogs", keyColumn: "Id", keyValue: 1, column: "Url", value: "x");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Fact]
    public async Task WrongIndexName_Reports()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddIndex")]
            public class AddIndex : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_Blogs_Url", table: "Blogs", column: "Url");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropIndex(name: "IX_Blogs_Name", table: "Blogs")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("MIG043").WithLocation(0).WithArguments("DropIndex 'IX_Blogs_Name' on 'Blogs'"));
    }

    [Fact]
    public async Task OperationsBelongingToReCreation_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_DropStuff")]
            public class DropStuff : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Tags");
                    migrationBuilder.DropColumn(name: "Legacy", table: "Blogs");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(name: "dbo");
                    migrationBuilder.AddColumn<string>(name: "Legacy", table: "Blogs", nullable: true);
                    migrationBuilder.CreateIndex(name: "IX_Blogs_Legacy", table: "Blogs", column: "Legacy");
                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new { Id = table.Column<int>(nullable: false), Name = table.Column<string>(nullable: true) },
                        constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));
                    migrationBuilder.CreateIndex(name: "IX_Tags_Name", table: "Tags", column: "Name");
                    migrationBuilder.InsertData(table: "Tags", columns: new[] { "Id", "Name" }, values: new object[] { 1, "ef" });
                    migrationBuilder.Sql("UPDATE Blogs SET Legacy = ''");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UnknownUp_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public static class Helpers
            {
                public static void AddStuff(MigrationBuilder builder) => System.Console.WriteLine(builder);
            }

            [Migration("20240101000000_AddStuff")]
            public class AddStuff : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => Helpers.AddStuff(migrationBuilder);

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Title", table: "Blogs");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    /// <summary>The scaffolded Down rename kept after Up became add-copy-drop undoes Up's pair: not an orphan (ErsatzTV's LibraryRework).</summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task RenameUndoingUpReplacement_NoDiagnostic(EfVersion version)
    {
        var source = UpOperationNotRevertedRuleTests.LibraryRework.Replace("{{TABLE}}", "MediaItems").Replace("{|#0:", "").Replace("{|#1:", "").Replace("{|#2:", "").Replace(")|};", ");");
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }
}
