using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.UpOperationNotRevertedRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class UpOperationNotRevertedRuleTests
{
    /// <summary>A DropColumn without its AddColumn in Down: the message says the column stays missing, not "left in place".</summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DropColumnNotReAdded_SaysTheColumnStaysMissing(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RemoveLegacy")]
            public class RemoveLegacy : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropColumn(
                        name: "Legacy",
                        table: "Blogs")|};

                    {|#1:migrationBuilder.CreateIndex(
                        name: "IX_Blogs_Url",
                        table: "Blogs",
                        column: "Url")|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Unrelated");
                }
            }
            """;
        var test = new VerifyCS.Test(version) { TestCode = source };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(UpOperationNotRevertedRule.DropColumnRule).WithLocation(0).WithArguments("DropColumn 'Legacy' on 'Blogs'", "AddColumn")
            .WithMessage("DropColumn 'Legacy' on 'Blogs' in Up has no inverse in Down: after a rollback the column stays missing while the code of the previous migration still uses it; add AddColumn to Down at its mirrored position"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(1).WithArguments("CreateIndex 'IX_Blogs_Url' on 'Blogs'", "DropIndex")
            .WithMessage("CreateIndex 'IX_Blogs_Url' on 'Blogs' in Up has no inverse in Down: rolling back leaves it in place and re-applying the migration fails or drifts; add DropIndex to Down at its mirrored position"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task IndexNotDropped_Reports(EfVersion version)
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

                    {|#0:migrationBuilder.CreateIndex(
                        name: "IX_Blogs_Url",
                        table: "Blogs",
                        column: "Url")|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Rating",
                        table: "Blogs");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(0).WithArguments("CreateIndex 'IX_Blogs_Url' on 'Blogs'", "DropIndex"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task RenameNotSwapped_Reports(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RenameTitle")]
            public class RenameTitle : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.RenameColumn(name: "Title", table: "Posts", newName: "Heading")|};
                    {|#1:migrationBuilder.AlterColumn<string>(name: "Url", table: "Blogs", maxLength: 500, nullable: true, oldClrType: typeof(string), oldMaxLength: 200, oldNullable: true)|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(name: "Title", table: "Posts", newName: "Heading");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(0).WithArguments("RenameColumn 'Title' to 'Heading' on 'Posts'", "RenameColumn"),
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(1).WithArguments("AlterColumn 'Url' on 'Blogs'", "AlterColumn"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DownUndoesThroughSql_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddRating")]
            public class AddRating : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                    migrationBuilder.CreateIndex(name: "IX_Blogs_Rating", table: "Blogs", column: "Rating", unique: true);
                    migrationBuilder.AddForeignKey(name: "FK_Blogs_Users_OwnerId", table: "Blogs", column: "OwnerId", principalTable: "Users", principalColumn: "Id");
                    migrationBuilder.RenameColumn(name: "Title", table: "Posts", newName: "Heading");
                    migrationBuilder.RenameTable(name: "Tags", newName: "Labels");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql(@"
                        ALTER TABLE labels RENAME TO tags;
                        ALTER TABLE ""Posts"" RENAME COLUMN ""Heading"" TO ""Title"";
                        ALTER TABLE public.""Blogs"" DROP CONSTRAINT IF EXISTS ""FK_Blogs_Users_OwnerId"";
                        DROP INDEX IF EXISTS ""IX_Blogs_Rating"";
                        ALTER TABLE ""Blogs"" DROP COLUMN ""Rating"";");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task SqlUndoesPartOfUp_RestStillReported(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddRating")]
            public class AddRating : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                    {|#0:migrationBuilder.CreateIndex(name: "IX_Blogs_Url", table: "Blogs", column: "Url")|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("ALTER TABLE [dbo].[Blogs] DROP COLUMN [Rating]");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, TestSetup.Options(("provider", "sqlserver")),
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(0).WithArguments("CreateIndex 'IX_Blogs_Url' on 'Blogs'", "DropIndex"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task SqlThatCannotBePaired_MakesItsTableUnknown(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddRating")]
            public class AddRating : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                    {|#0:migrationBuilder.CreateIndex(name: "IX_Posts_Url", table: "Posts", column: "Url")|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("ALTER TABLE \"Blogs\" SET UNLOGGED; ALTER TABLE \"Blogs\" DROP COLUMN \"Rating\", SET LOGGED;");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null,
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(0).WithArguments("CreateIndex 'IX_Posts_Url' on 'Posts'", "DropIndex"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task PrimaryKeyReAddedAroundAlterColumn_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Blogs",
                        columns: table => new { Id = table.Column<int>(type: "int", nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Blogs");
                }
            }

            [Migration("20240102000000_WidenId")]
            public class WidenId : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropPrimaryKey(name: "PK_Blogs", table: "Blogs");
                    migrationBuilder.AlterColumn<long>(name: "Id", table: "Blogs", type: "bigint", nullable: false, oldClrType: typeof(int), oldType: "int");
                    migrationBuilder.AddPrimaryKey(name: "PK_Blogs", table: "Blogs", column: "Id");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<int>(name: "Id", table: "Blogs", type: "int", nullable: false, oldClrType: typeof(long), oldType: "bigint");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, TestSetup.Options(("provider", "sqlserver")));
    }

    [Fact]
    public async Task PrimaryKeyReAddedOnOtherColumns_Reports()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Blogs",
                        columns: table => new { Id = table.Column<int>(nullable: false), TenantId = table.Column<int>(nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Blogs");
                }
            }

            [Migration("20240102000000_TenantKey")]
            public class TenantKey : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropPrimaryKey(name: "PK_Blogs", table: "Blogs")|};
                    {|#1:migrationBuilder.AddPrimaryKey(name: "PK_Blogs", table: "Blogs", columns: new[] { "TenantId", "Id" })|};
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.SqlServer, null,
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(0).WithArguments("DropPrimaryKey 'PK_Blogs' on 'Blogs'", "AddPrimaryKey"),
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(1).WithArguments("AddPrimaryKey 'PK_Blogs' on 'Blogs'", "DropPrimaryKey"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DataChanges_NeedNoInverse(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RequireUrl")]
            public class RequireUrl : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.UpdateData(table: "Blogs", keyColumn: "Url", keyValue: null, column: "Url", value: "");
                    migrationBuilder.AlterColumn<string>(name: "Url", table: "Blogs", nullable: false, oldClrType: typeof(string), oldNullable: true);
                    migrationBuilder.Sql("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20231231000000_Baseline', '8.0.0')");
                    {|#0:migrationBuilder.InsertData(table: "Tags", columns: new[] { "Id", "Name" }, values: new object[] { 1, "ef" })|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(name: "Url", table: "Blogs", nullable: true, oldClrType: typeof(string));
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(0).WithArguments("InsertData on 'Tags'", "DeleteData"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task InsertDataUndoneBySqlDelete_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_SeedTags")]
            public class SeedTags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.InsertData(table: "Tags", columns: new[] { "Id", "Name" }, values: new object[] { 1, "ef" });
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("DELETE FROM Tags WHERE Id = 1");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task OperationsAfterCreateTable_UndoneByDropTable(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Tags")]
            public class Tags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new { Id = table.Column<int>(nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));
                    migrationBuilder.AddColumn<string>(name: "Color", table: "Tags", nullable: true);
                    migrationBuilder.CreateIndex(name: "IX_Tags_Color", table: "Tags", column: "Color");
                    {|#0:migrationBuilder.AddColumn<string>(name: "Color", table: "Posts", nullable: true)|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Tags");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(0).WithArguments("AddColumn 'Color' on 'Posts'", "DropColumn"));
    }

    [Fact]
    public async Task TableCreatedInUpWithoutDropTable_EveryOperationReported()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Tags")]
            public class Tags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new { Id = table.Column<int>(nullable: false) })|};
                    {|#1:migrationBuilder.AddColumn<string>(name: "Color", table: "Tags", nullable: true)|};
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, null,
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(0).WithArguments("CreateTable 'Tags'", "DropTable"),
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(1).WithArguments("AddColumn 'Color' on 'Tags'", "DropColumn"));
    }

    [Fact]
    public async Task OperationsOnCreatedTableAndColumn_UndoneByDrop_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Tags")]
            public class Tags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new { Id = table.Column<int>(nullable: false), Name = table.Column<string>(nullable: true) },
                        constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));
                    migrationBuilder.CreateIndex(name: "IX_Tags_Name", table: "Tags", column: "Name");
                    migrationBuilder.InsertData(table: "Tags", columns: new[] { "Id", "Name" }, values: new object[] { 1, "ef" });
                    migrationBuilder.AddColumn<int>(name: "TagId", table: "Blogs", nullable: true);
                    migrationBuilder.AddForeignKey(name: "FK_Blogs_Tags_TagId", table: "Blogs", column: "TagId", principalTable: "Tags", principalColumn: "Id");
                    migrationBuilder.EnsureSchema(name: "tagging");
                    migrationBuilder.Sql("UPDATE Blogs SET TagId = 1");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "TagId", table: "Blogs");
                    migrationBuilder.DropTable(name: "Tags");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("")]
    [InlineData("throw new System.NotSupportedException();")]
    [InlineData("Helpers.Revert(migrationBuilder);")]
    [InlineData("foreach (var t in new[] { \"A\" }) migrationBuilder.DropIndex(name: \"IX_\" + t, table: t);")]
    public async Task EmptyThrowingOrUnreadableDown_NoDiagnostic(string downBody)
    {
        var source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            public static class Helpers
            {
                public static void Revert(MigrationBuilder builder) => System.Console.WriteLine(builder);
            }

            [Migration("20240101000000_AddIndex")]
            public class AddIndex : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_Blogs_Url", table: "Blogs", column: "Url");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    DOWN
                }
            }
            """.Replace("DOWN", downBody);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NonConstantName_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddIndex")]
            public class AddIndex : Migration
            {
                private readonly string _table = System.Environment.GetEnvironmentVariable("T") ?? "Blogs";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_Url", table: _table, column: "Url");
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ProviderBranches_PairedPerProvider()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddIndex")]
            public class AddIndex : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
                    {
                        {|#0:migrationBuilder.CreateIndex(name: "IX_Blogs_Url", table: "Blogs", column: "Url")|};
                    }

                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", "postgresql")),
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(0).WithArguments("CreateIndex 'IX_Blogs_Url' on 'Blogs'", "DropIndex"));
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", "sqlserver")));
    }

    [Fact]
    public async Task BrokenCode_NoCrash()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Broken")]
            public class Broken : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX", table: );
                    migrationBuilder.AddColumn<int>("Rating" "Blogs");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                }
            }
            """;
        await new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None }.RunAsync();
    }

    /// <summary>
    /// EF scaffolded a rename, a hand edit made Up add-copy-drop and kept the scaffolded Down rename (ErsatzTV's
    /// LibraryRework): Down's RenameColumn/RenameIndex undo the AddColumn+DropColumn and CreateIndex+DropIndex pairs.
    /// A rename on another table undoes nothing of them.
    /// </summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task ReplacementUndoneByScaffoldedRename_NoDiagnostic(EfVersion version)
    {
        await VerifyCS.VerifyAnalyzerAsync(LibraryRework.Replace("{{TABLE}}", "MediaItems").Replace("{|#0:", "").Replace("{|#1:", "").Replace("{|#2:", "").Replace(")|};", ");"), version, DbProvider.None, null);
        await VerifyCS.VerifyAnalyzerAsync(LibraryRework.Replace("{{TABLE}}", "Other").Replace("{|#2:", "").Replace("\"MediaSourceId\")|};", "\"MediaSourceId\");"), version, DbProvider.None, null,
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(0).WithArguments("AddColumn 'LibraryPathId' on 'MediaItems'", "DropColumn"),
            new DiagnosticResult(UpOperationNotRevertedRule.DropColumnRule).WithLocation(1).WithArguments("DropColumn 'MediaSourceId' on 'MediaItems'", "AddColumn"));
    }

    internal const string LibraryRework = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20210225145537_LibraryRework")]
            public class LibraryRework : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.AddColumn<int>("LibraryPathId", "MediaItems", "INTEGER", nullable: false, defaultValue: 0)|};
                    migrationBuilder.Sql("UPDATE MediaItems SET LibraryPathId = (SELECT l.Id FROM LibraryPath l WHERE l.SourceId = MediaItems.MediaSourceId)");
                    {|#1:migrationBuilder.DropColumn("MediaSourceId", "MediaItems")|};
                    migrationBuilder.DropIndex("IX_MediaItems_MediaSourceId", "MediaItems");
                    migrationBuilder.CreateIndex("IX_MediaItems_LibraryPathId", "MediaItems", "LibraryPathId");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    {|#2:migrationBuilder.RenameColumn("LibraryPathId", "{{TABLE}}", "MediaSourceId")|};
                    migrationBuilder.RenameIndex("IX_MediaItems_LibraryPathId", table: "MediaItems", newName: "IX_MediaItems_MediaSourceId");
                }
            }
            """;
}
