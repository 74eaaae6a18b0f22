using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Rules;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<MigrationAnalyzers.Rules.TableRenameRule, MigrationAnalyzers.CodeFixes.Rules.TableRenameCodeFix>;

namespace MigrationAnalyzers.Tests.CodeFixes;

public class TableRenameCodeFixTests
{
    /// <summary>TableRenameRuleTests.DropAndCreate fixed: what EF scaffolds for a table rename, Up and Down.</summary>
    internal const string Fixed = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        [Migration("20240201000000_RenamePosts")]
        public partial class RenamePosts : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropPrimaryKey(
                    name: "PK_Posts",
                    table: "Posts");

                migrationBuilder.RenameTable(
                    name: "Posts",
                    newName: "Articles");

                migrationBuilder.RenameIndex(
                    name: "IX_Posts_Title",
                    table: "Articles",
                    newName: "IX_Articles_Title");

                migrationBuilder.AddPrimaryKey(
                    name: "PK_Articles",
                    table: "Articles",
                    column: "Id");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropPrimaryKey(
                    name: "PK_Articles",
                    table: "Articles");

                migrationBuilder.RenameTable(
                    name: "Articles",
                    newName: "Posts");

                migrationBuilder.RenameIndex(
                    name: "IX_Articles_Title",
                    table: "Posts",
                    newName: "IX_Posts_Title");

                migrationBuilder.AddPrimaryKey(
                    name: "PK_Posts",
                    table: "Posts",
                    column: "Id");
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DropAndCreate_BecomesEfRenameTableSequenceInUpAndDown(EfVersion version)
    {
        await VerifyCS.VerifyCodeFixAsync(TableRenameRuleTests.DropAndCreate, Fixed, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG004").WithLocation(0).WithArguments("Posts", "Articles"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task TwoTablesWithForeignKeyAndComments_FixAllRenamesBoth(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Rename")]
            public class Rename : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    // Tags became Labels.
                    {|#0:migrationBuilder.DropTable(
                        name: "Tags")|};

                    {|#1:migrationBuilder.DropTable(
                        name: "Posts")|};

                    migrationBuilder.CreateTable(
                        name: "Articles",
                        columns: table => new
                        {
                            Id = table.Column<int>(nullable: false),
                            BlogId = table.Column<int>(nullable: false),
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Articles", x => x.Id);
                            table.ForeignKey(
                                name: "FK_Articles_Blogs_BlogId",
                                column: x => x.BlogId,
                                principalTable: "Blogs",
                                principalColumn: "Id",
                                onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.CreateTable(
                        name: "Labels",
                        columns: table => new
                        {
                            Id = table.Column<int>(nullable: false),
                            Text = table.Column<string>(nullable: true),
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Labels", x => x.Id);
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_Articles_BlogId",
                        table: "Articles",
                        column: "BlogId");

                    // Labels are unique.
                    migrationBuilder.CreateIndex(
                        name: "IX_Labels_Text",
                        table: "Labels",
                        column: "Text",
                        unique: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Rename")]
            public class Rename : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    // Tags became Labels.
                    migrationBuilder.DropPrimaryKey(
                        name: "PK_Tags",
                        table: "Tags");

                    migrationBuilder.RenameTable(
                        name: "Tags",
                        newName: "Labels");

                    migrationBuilder.RenameIndex(
                        name: "IX_Tags_Text",
                        table: "Labels",
                        newName: "IX_Labels_Text");

                    migrationBuilder.AddPrimaryKey(
                        name: "PK_Labels",
                        table: "Labels",
                        column: "Id");

                    migrationBuilder.DropForeignKey(
                        name: "FK_Posts_Blogs_BlogId",
                        table: "Posts");

                    migrationBuilder.DropPrimaryKey(
                        name: "PK_Posts",
                        table: "Posts");

                    migrationBuilder.RenameTable(
                        name: "Posts",
                        newName: "Articles");

                    migrationBuilder.RenameIndex(
                        name: "IX_Posts_BlogId",
                        table: "Articles",
                        newName: "IX_Articles_BlogId");

                    migrationBuilder.AddPrimaryKey(
                        name: "PK_Articles",
                        table: "Articles",
                        column: "Id");

                    migrationBuilder.AddForeignKey(
                        name: "FK_Articles_Blogs_BlogId",
                        table: "Articles",
                        column: "BlogId",
                        principalTable: "Blogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    // Labels are unique.
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropForeignKey(
                        name: "FK_Articles_Blogs_BlogId",
                        table: "Articles");

                    migrationBuilder.DropPrimaryKey(
                        name: "PK_Articles",
                        table: "Articles");

                    migrationBuilder.RenameTable(
                        name: "Articles",
                        newName: "Posts");

                    migrationBuilder.RenameIndex(
                        name: "IX_Articles_BlogId",
                        table: "Posts",
                        newName: "IX_Posts_BlogId");

                    migrationBuilder.AddPrimaryKey(
                        name: "PK_Posts",
                        table: "Posts",
                        column: "Id");

                    migrationBuilder.AddForeignKey(
                        name: "FK_Posts_Blogs_BlogId",
                        table: "Posts",
                        column: "BlogId",
                        principalTable: "Blogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);

                    migrationBuilder.DropPrimaryKey(
                        name: "PK_Labels",
                        table: "Labels");

                    migrationBuilder.RenameTable(
                        name: "Labels",
                        newName: "Tags");

                    migrationBuilder.RenameIndex(
                        name: "IX_Labels_Text",
                        table: "Tags",
                        newName: "IX_Tags_Text");

                    migrationBuilder.AddPrimaryKey(
                        name: "PK_Tags",
                        table: "Tags",
                        column: "Id");
                }
            }
            """;
        var test = new VerifyCS.Test(version);
        test.TestState.Sources.Add(("/0/History.cs", History));
        test.TestState.Sources.Add(("/0/Rename.cs", source));
        test.FixedState.Sources.Add(("/0/History.cs", History));
        test.FixedState.Sources.Add(("/0/Rename.cs", fixedSource));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG004").WithLocation(0).WithArguments("Tags", "Labels"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG004").WithLocation(1).WithArguments("Posts", "Articles"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ForeignKeyDroppedExplicitlyBeforeTheDrop_IsNotDroppedTwice()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Rename")]
            public class Rename : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropForeignKey(
                        name: "FK_Posts_Blogs_BlogId",
                        table: "Posts");

                    {|#0:migrationBuilder.DropTable(
                        name: "Posts")|};

                    migrationBuilder.CreateTable(
                        name: "Articles",
                        columns: table => new
                        {
                            Id = table.Column<int>(nullable: false),
                            BlogId = table.Column<int>(nullable: false),
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Articles", x => x.Id);
                        });
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Rename")]
            public class Rename : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropForeignKey(
                        name: "FK_Posts_Blogs_BlogId",
                        table: "Posts");

                    migrationBuilder.DropPrimaryKey(
                        name: "PK_Posts",
                        table: "Posts");

                    migrationBuilder.RenameTable(
                        name: "Posts",
                        newName: "Articles");

                    migrationBuilder.DropIndex(
                        name: "IX_Posts_BlogId",
                        table: "Articles");

                    migrationBuilder.AddPrimaryKey(
                        name: "PK_Articles",
                        table: "Articles",
                        column: "Id");
                }
            }
            """;
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/0/History.cs", History));
        test.TestState.Sources.Add(("/0/Rename.cs", source));
        test.FixedState.Sources.Add(("/0/History.cs", History));
        test.FixedState.Sources.Add(("/0/Rename.cs", fixedSource));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG004").WithLocation(0).WithArguments("Posts", "Articles"));
        await test.RunAsync();
    }

    /// <summary>Blogs, Posts (FK to Blogs, index on BlogId) and Tags (unique index on Text), as earlier migrations left them.</summary>
    private const string History = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_Initial")]
        public class Initial : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Blogs",
                    columns: table => new { Id = table.Column<int>(nullable: false) },
                    constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));
                migrationBuilder.CreateTable(
                    name: "Posts",
                    columns: table => new
                    {
                        Id = table.Column<int>(nullable: false),
                        BlogId = table.Column<int>(nullable: false),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Posts", x => x.Id);
                        table.ForeignKey("FK_Posts_Blogs_BlogId", x => x.BlogId, "Blogs", "Id", onDelete: ReferentialAction.Cascade);
                    });
                migrationBuilder.CreateIndex(name: "IX_Posts_BlogId", table: "Posts", column: "BlogId");
                migrationBuilder.CreateTable(
                    name: "Tags",
                    columns: table => new
                    {
                        Id = table.Column<int>(nullable: false),
                        Text = table.Column<string>(nullable: true),
                    },
                    constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));
                migrationBuilder.CreateIndex(name: "IX_Tags_Text", table: "Tags", column: "Text", unique: true);
            }
        }
        """;
}
