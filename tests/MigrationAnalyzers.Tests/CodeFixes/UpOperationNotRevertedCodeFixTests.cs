using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<MigrationAnalyzers.Rules.UpOperationNotRevertedRule, MigrationAnalyzers.CodeFixes.Rules.UpOperationNotRevertedCodeFix>;

namespace MigrationAnalyzers.Tests.CodeFixes;

public class UpOperationNotRevertedCodeFixTests
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

                    {|#0:migrationBuilder.CreateIndex(
                        name: "IX_Blogs_Title",
                        table: "Blogs",
                        column: "Title")|};

                    {|#1:migrationBuilder.RenameColumn(
                        name: "Title",
                        table: "Blogs",
                        newName: "Name")|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    // The column goes last.
                    migrationBuilder.DropColumn(
                        name: "Rating",
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
                        name: "IX_Blogs_Title",
                        table: "Blogs",
                        column: "Title");

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

                    migrationBuilder.DropIndex(
                        name: "IX_Blogs_Title",
                        table: "Blogs");

                    // The column goes last.
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
    public async Task MissingInverses_InsertedAtMirroredPositions(EfVersion version)
    {
        await VerifyCS.VerifyCodeFixAsync(Source, FixedSource, version, DbProvider.None, null,
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(0).WithArguments("CreateIndex 'IX_Blogs_Title' on 'Blogs'", "DropIndex"),
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(1).WithArguments("RenameColumn 'Title' to 'Name' on 'Blogs'", "RenameColumn"));
    }

    [Fact]
    public async Task MissingInverseBetweenExistingOnes_InsertedAfterLaterOnesInverse()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_Keys")]
            public partial class Keys : Migration
            {
                protected override void Up(MigrationBuilder b)
                {
                    b.AddColumn<int>(name: "A", table: "Blogs", nullable: true);
                    {|#0:b.AddForeignKey(name: "FK_Blogs_Owners_OwnerId", table: "Blogs", column: "OwnerId", principalTable: "Owners", principalColumn: "Id", onDelete: ReferentialAction.Restrict)|};
                    b.AddColumn<int>(name: "B", table: "Blogs", nullable: true);
                }

                protected override void Down(MigrationBuilder b)
                {
                    b.DropColumn(name: "B", table: "Blogs");
                    b.DropColumn(name: "A", table: "Blogs");
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_Keys")]
            public partial class Keys : Migration
            {
                protected override void Up(MigrationBuilder b)
                {
                    b.AddColumn<int>(name: "A", table: "Blogs", nullable: true);
                    b.AddForeignKey(name: "FK_Blogs_Owners_OwnerId", table: "Blogs", column: "OwnerId", principalTable: "Owners", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                    b.AddColumn<int>(name: "B", table: "Blogs", nullable: true);
                }

                protected override void Down(MigrationBuilder b)
                {
                    b.DropColumn(name: "B", table: "Blogs");
                    b.DropForeignKey(
                        name: "FK_Blogs_Owners_OwnerId",
                        table: "Blogs");
                    b.DropColumn(name: "A", table: "Blogs");
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource,
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(0).WithArguments("AddForeignKey 'FK_Blogs_Owners_OwnerId' on 'Blogs'", "DropForeignKey"));
    }

    [Fact]
    public async Task DroppedIndexWithKnownHistory_ReCreated()
    {
        const string history = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_CreateBlogs")]
            public partial class CreateBlogs : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Blogs",
                        columns: table => new { Id = table.Column<int>(nullable: false), Url = table.Column<string>(nullable: true) },
                        constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));
                    migrationBuilder.CreateIndex(name: "IX_Blogs_Url", table: "Blogs", column: "Url", unique: true, filter: "[Url] IS NOT NULL");
                }

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Blogs");
            }
            """;
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_DropUrlIndex")]
            public partial class DropUrlIndex : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropIndex(name: "IX_Blogs_Url", table: "Blogs")|};
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_DropUrlIndex")]
            public partial class DropUrlIndex : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropIndex(name: "IX_Blogs_Url", table: "Blogs");
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");

                    migrationBuilder.CreateIndex(
                        name: "IX_Blogs_Url",
                        table: "Blogs",
                        column: "Url",
                        unique: true,
                        filter: "[Url] IS NOT NULL");
                }
            }
            """;
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/0/History.cs", history));
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        test.FixedState.Sources.Add(("/0/History.cs", history));
        test.FixedState.Sources.Add(("/0/Test0.cs", fixedSource));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(0).WithArguments("DropIndex 'IX_Blogs_Url' on 'Blogs'", "CreateIndex"));
        await test.RunAsync();
    }

    [Fact]
    public async Task DropTable_NoFixWithoutFullDefinition()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_DropTags")]
            public partial class DropTags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropTable(name: "Tags")|};
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source, new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(0).WithArguments("DropTable 'Tags'", "CreateTable"));
    }

    [Fact]
    public async Task ProviderBranchUnderConfiguredProvider_InsertsInverse()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_AddIndex")]
            public partial class AddIndex : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    if (ActiveProvider == "Microsoft.EntityFrameworkCore.SqlServer")
                    {
                        migrationBuilder.Sql("UPDATE Blogs SET Url = '' WHERE Url IS NULL");
                    }

                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                    {|#0:migrationBuilder.CreateIndex(name: "IX_Blogs_Url", table: "Blogs", column: "Url")|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_AddIndex")]
            public partial class AddIndex : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    if (ActiveProvider == "Microsoft.EntityFrameworkCore.SqlServer")
                    {
                        migrationBuilder.Sql("UPDATE Blogs SET Url = '' WHERE Url IS NULL");
                    }

                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                    migrationBuilder.CreateIndex(name: "IX_Blogs_Url", table: "Blogs", column: "Url");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropIndex(
                        name: "IX_Blogs_Url",
                        table: "Blogs");

                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", "sqlserver")),
            new DiagnosticResult(UpOperationNotRevertedRule.Rule).WithLocation(0).WithArguments("CreateIndex 'IX_Blogs_Url' on 'Blogs'", "DropIndex"));
    }
}
