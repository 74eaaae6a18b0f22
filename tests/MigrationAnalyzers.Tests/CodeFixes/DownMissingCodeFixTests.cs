using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<MigrationAnalyzers.Rules.DownMissingRule, MigrationAnalyzers.CodeFixes.Rules.DownMissingCodeFix>;

namespace MigrationAnalyzers.Tests.CodeFixes;

public class DownMissingCodeFixTests
{
    private const string SchemaAdvice =
        "and leaves the schema of Up in place; override Down with the inverse of every Up operation in reverse order, or throw NotSupportedException in it to state that the migration is irreversible";

    public const string Source = """
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace App.Migrations
        {
            [Migration("20240102000000_AddRating")]
            public partial class {|#0:AddRating|} : Migration
            {
                // Ratings shown on the blog list.
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(
                        name: "Rating",
                        table: "Blogs",
                        type: "INTEGER",
                        nullable: false,
                        defaultValue: 0);

                    migrationBuilder.CreateIndex(
                        name: "IX_Blogs_Rating",
                        table: "Blogs",
                        column: "Rating");

                    migrationBuilder.RenameColumn(
                        name: "Title",
                        table: "Blogs",
                        newName: "Name");

                    migrationBuilder.Sql("UPDATE Blogs SET Rating = 3");
                }
            }
        }
        """;

    public const string FixedSource = """
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace App.Migrations
        {
            [Migration("20240102000000_AddRating")]
            public partial class AddRating : Migration
            {
                // Ratings shown on the blog list.
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(
                        name: "Rating",
                        table: "Blogs",
                        type: "INTEGER",
                        nullable: false,
                        defaultValue: 0);

                    migrationBuilder.CreateIndex(
                        name: "IX_Blogs_Rating",
                        table: "Blogs",
                        column: "Rating");

                    migrationBuilder.RenameColumn(
                        name: "Title",
                        table: "Blogs",
                        newName: "Name");

                    migrationBuilder.Sql("UPDATE Blogs SET Rating = 3");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "Name",
                        table: "Blogs",
                        newName: "Title");

                    migrationBuilder.DropIndex(
                        name: "IX_Blogs_Rating",
                        table: "Blogs");

                    migrationBuilder.DropColumn(
                        name: "Rating",
                        table: "Blogs");
                }
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task MissingDown_GeneratesInverseInReverseOrder(EfVersion version)
    {
        await VerifyCS.VerifyCodeFixAsync(Source, FixedSource, version, DbProvider.None, null, VerifyCS.Diagnostic("MIG040").WithLocation(0).WithArguments("AddRating", SchemaAdvice));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DataOnlyUp_GeneratesEmptyDown(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_BackfillRatings")]
            public partial class {|#0:BackfillRatings|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.UpdateData(
                        table: "Blogs",
                        keyColumn: "Rating",
                        keyValue: null,
                        column: "Rating",
                        value: 0);

                    migrationBuilder.Sql("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '20200101000000_Old'");
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_BackfillRatings")]
            public partial class BackfillRatings : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.UpdateData(
                        table: "Blogs",
                        keyColumn: "Rating",
                        keyValue: null,
                        column: "Rating",
                        value: 0);

                    migrationBuilder.Sql("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '20200101000000_Old'");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG040").WithLocation(0).WithArguments("BackfillRatings", "although Up only changes data, which needs no inverse; override Down with an empty body"));
    }

    [Fact]
    public async Task EveryInvertibleKind_GeneratedDownInvertsEach_FixAll()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_Many")]
            public partial class {|#0:Many|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(name: "sales");
                    migrationBuilder.CreateSequence<int>(name: "Numbers", schema: "sales", startValue: 10L);
                    migrationBuilder.AlterSequence(name: "Orders", incrementBy: 2, oldIncrementBy: 1);
                    migrationBuilder.RenameSequence(name: "Old", newName: "New", newSchema: "sales");
                    migrationBuilder.RenameTable(name: "Posts", newName: "Articles", newSchema: "sales");
                    migrationBuilder.RenameIndex(name: "IX_Posts_Url", table: "Articles", schema: "sales", newName: "IX_Articles_Url");
                    migrationBuilder.AddPrimaryKey(name: "PK_Articles", table: "Articles", schema: "sales", column: "Id");
                    migrationBuilder.AddUniqueConstraint(name: "AK_Articles_Url", table: "Articles", schema: "sales", columns: new[] { "Url", "Id" });
                    migrationBuilder.AddCheckConstraint(name: "CK_Articles_Url", table: "Articles", schema: "sales", sql: "Url <> ''");
                    migrationBuilder.AlterTable(name: "Articles", schema: "sales", comment: "Blog articles", oldComment: "Posts");
                    migrationBuilder.InsertData(table: "Lookups", columns: new[] { "Id", "Name" }, values: new object[,] { { 1, "a" }, { 2, "b" } });
                }
            }

            [Migration("20240101000000_Lookups")]
            public partial class {|#1:Lookups|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Lookups",
                        columns: table => new { Id = table.Column<int>(nullable: false), Name = table.Column<string>(nullable: true) },
                        constraints: table => table.PrimaryKey("PK_Lookups", x => x.Id));
                    migrationBuilder.InsertData(table: "Lookups", columns: new[] { "Id", "Name" }, values: new object[] { 0, "none" });
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_Many")]
            public partial class Many : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(name: "sales");
                    migrationBuilder.CreateSequence<int>(name: "Numbers", schema: "sales", startValue: 10L);
                    migrationBuilder.AlterSequence(name: "Orders", incrementBy: 2, oldIncrementBy: 1);
                    migrationBuilder.RenameSequence(name: "Old", newName: "New", newSchema: "sales");
                    migrationBuilder.RenameTable(name: "Posts", newName: "Articles", newSchema: "sales");
                    migrationBuilder.RenameIndex(name: "IX_Posts_Url", table: "Articles", schema: "sales", newName: "IX_Articles_Url");
                    migrationBuilder.AddPrimaryKey(name: "PK_Articles", table: "Articles", schema: "sales", column: "Id");
                    migrationBuilder.AddUniqueConstraint(name: "AK_Articles_Url", table: "Articles", schema: "sales", columns: new[] { "Url", "Id" });
                    migrationBuilder.AddCheckConstraint(name: "CK_Articles_Url", table: "Articles", schema: "sales", sql: "Url <> ''");
                    migrationBuilder.AlterTable(name: "Articles", schema: "sales", comment: "Blog articles", oldComment: "Posts");
                    migrationBuilder.InsertData(table: "Lookups", columns: new[] { "Id", "Name" }, values: new object[,] { { 1, "a" }, { 2, "b" } });
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DeleteData(
                        table: "Lookups",
                        keyColumn: "Id",
                        keyValues: new object[] { 1, 2 });

                    migrationBuilder.AlterTable(
                        name: "Articles",
                        schema: "sales",
                        comment: "Posts",
                        oldComment: "Blog articles");

                    migrationBuilder.DropCheckConstraint(
                        name: "CK_Articles_Url",
                        schema: "sales",
                        table: "Articles");

                    migrationBuilder.DropUniqueConstraint(
                        name: "AK_Articles_Url",
                        schema: "sales",
                        table: "Articles");

                    migrationBuilder.DropPrimaryKey(
                        name: "PK_Articles",
                        schema: "sales",
                        table: "Articles");

                    migrationBuilder.RenameIndex(
                        name: "IX_Articles_Url",
                        schema: "sales",
                        table: "Articles",
                        newName: "IX_Posts_Url");

                    migrationBuilder.RenameTable(
                        name: "Articles",
                        schema: "sales",
                        newName: "Posts");

                    migrationBuilder.RenameSequence(
                        name: "New",
                        schema: "sales",
                        newName: "Old");

                    migrationBuilder.AlterSequence(
                        name: "Orders",
                        incrementBy: 1,
                        oldIncrementBy: 2);

                    migrationBuilder.DropSequence(
                        name: "Numbers",
                        schema: "sales");
                }
            }

            [Migration("20240101000000_Lookups")]
            public partial class Lookups : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Lookups",
                        columns: table => new { Id = table.Column<int>(nullable: false), Name = table.Column<string>(nullable: true) },
                        constraints: table => table.PrimaryKey("PK_Lookups", x => x.Id));
                    migrationBuilder.InsertData(table: "Lookups", columns: new[] { "Id", "Name" }, values: new object[] { 0, "none" });
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "Lookups");
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource,
            VerifyCS.Diagnostic("MIG040").WithLocation(0).WithArguments("Many", SchemaAdvice),
            VerifyCS.Diagnostic("MIG040").WithLocation(1).WithArguments("Lookups", SchemaAdvice));
    }
}
