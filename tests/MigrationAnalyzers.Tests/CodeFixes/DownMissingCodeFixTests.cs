using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<MigrationAnalyzers.Rules.DownMissingRule, MigrationAnalyzers.CodeFixes.Rules.DownMissingCodeFix>;

namespace MigrationAnalyzers.Tests.CodeFixes;

public class DownMissingCodeFixTests
{
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
        await VerifyCS.VerifyCodeFixAsync(Source, FixedSource, version, DbProvider.None, null, VerifyCS.Diagnostic("MIG040").WithLocation(0).WithArguments("AddRating"));
    }
}
