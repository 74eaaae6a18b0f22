using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<MigrationAnalyzers.Rules.DownOrderRule, MigrationAnalyzers.CodeFixes.Rules.DownOrderCodeFix>;

namespace MigrationAnalyzers.Tests.CodeFixes;

public class DownOrderCodeFixTests
{
    public const string Source = """
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace App.Migrations
        {
            [Migration("20240102000000_AddRating")]
            public partial class AddRating : Migration
            {
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
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "Name",
                        table: "Blogs",
                        newName: "Title");

                    {|#0:migrationBuilder.DropColumn(
                        name: "Rating",
                        table: "Blogs")|};

                    // Index first, says the reviewer.
                    migrationBuilder.DropIndex(
                        name: "IX_Blogs_Rating",
                        table: "Blogs");
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
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "Name",
                        table: "Blogs",
                        newName: "Title");

                    // Index first, says the reviewer.
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
    public async Task ColumnBeforeIndex_Reordered(EfVersion version)
    {
        await VerifyCS.VerifyCodeFixAsync(Source, FixedSource, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG044").WithLocation(0).WithArguments("DropColumn 'Rating' on 'Blogs'", "DropIndex 'IX_Blogs_Rating' on 'Blogs'", "'IX_Blogs_Rating' is still defined on column 'Rating'"));
    }

    [Fact]
    public async Task TwoViolations_OneReorderFixesBoth()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_AddTwo")]
            public partial class AddTwo : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: "A", table: "Blogs", nullable: true);
                    migrationBuilder.CreateIndex(name: "IX_Blogs_A", table: "Blogs", column: "A");
                    migrationBuilder.AddColumn<int>(name: "B", table: "Blogs", nullable: true);
                    migrationBuilder.CreateIndex(name: "IX_Blogs_B", table: "Blogs", column: "B");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropColumn(name: "A", table: "Blogs")|};
                    {|#1:migrationBuilder.DropColumn(name: "B", table: "Blogs")|};
                    migrationBuilder.DropIndex(name: "IX_Blogs_A", table: "Blogs");
                    migrationBuilder.DropIndex(name: "IX_Blogs_B", table: "Blogs");
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_AddTwo")]
            public partial class AddTwo : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: "A", table: "Blogs", nullable: true);
                    migrationBuilder.CreateIndex(name: "IX_Blogs_A", table: "Blogs", column: "A");
                    migrationBuilder.AddColumn<int>(name: "B", table: "Blogs", nullable: true);
                    migrationBuilder.CreateIndex(name: "IX_Blogs_B", table: "Blogs", column: "B");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropIndex(name: "IX_Blogs_A", table: "Blogs");
                    migrationBuilder.DropColumn(name: "A", table: "Blogs");
                    migrationBuilder.DropIndex(name: "IX_Blogs_B", table: "Blogs");
                    migrationBuilder.DropColumn(name: "B", table: "Blogs");
                }
            }
            """;
        var reason = "'IX_Blogs_{0}' is still defined on column '{0}'";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource,
            VerifyCS.Diagnostic("MIG044").WithLocation(0).WithArguments("DropColumn 'A' on 'Blogs'", "DropIndex 'IX_Blogs_A' on 'Blogs'", string.Format(reason, "A")),
            VerifyCS.Diagnostic("MIG044").WithLocation(1).WithArguments("DropColumn 'B' on 'Blogs'", "DropIndex 'IX_Blogs_B' on 'Blogs'", string.Format(reason, "B")));
    }
}
