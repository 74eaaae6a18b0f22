using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.DownOrderRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class DownOrderRuleTests
{
    internal const string BlogsAndPosts = """
                migrationBuilder.CreateTable(
                    name: "Blogs",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false)
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Blogs", x => x.Id);
                    });

                migrationBuilder.CreateTable(
                    name: "Posts",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        BlogId = table.Column<int>(type: "INTEGER", nullable: false)
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Posts", x => x.Id);
                        table.ForeignKey(
                            name: "FK_Posts_Blogs_BlogId",
                            column: x => x.BlogId,
                            principalTable: "Blogs",
                            principalColumn: "Id",
                            onDelete: ReferentialAction.Cascade);
                    });
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task PrincipalDroppedBeforeDependent_Reports(EfVersion version)
    {
        var source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
            TABLES
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropTable(
                        name: "Blogs")|};

                    migrationBuilder.DropTable(
                        name: "Posts");
                }
            }
            """.Replace("TABLES", BlogsAndPosts);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG044").WithLocation(0).WithArguments("DropTable 'Blogs'", "DropTable 'Posts'", "table 'Posts' still has foreign key 'FK_Posts_Blogs_BlogId' to it"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task ColumnDroppedBeforeIndex_Reports(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddRating")]
            public class AddRating : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                    migrationBuilder.CreateIndex(name: "IX_Blogs_Rating", table: "Blogs", column: "Rating");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                    migrationBuilder.DropIndex(name: "IX_Blogs_Rating", table: "Blogs");
                }
            }
            """;
        var history = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20230101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Blogs",
                        columns: table => new { Id = table.Column<int>(nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));
                }

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Blogs");
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { history, source }, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG044").WithLocation("/0/Migration1.cs", 14, 9).WithArguments("DropColumn 'Rating' on 'Blogs'", "DropIndex 'IX_Blogs_Rating' on 'Blogs'", "'IX_Blogs_Rating' is still defined on column 'Rating'"));
    }

    [Fact]
    public async Task DependentCreatedBeforePrincipal_Reports()
    {
        var history = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20230101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
            TABLES
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Posts");
                    migrationBuilder.DropTable(name: "Blogs");
                }
            }
            """.Replace("TABLES", BlogsAndPosts);
        var source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_DropAll")]
            public class DropAll : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Posts");
                    migrationBuilder.DropTable(name: "Blogs");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Posts",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false),
                            BlogId = table.Column<int>(type: "INTEGER", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Posts", x => x.Id);
                            table.ForeignKey(
                                name: "FK_Posts_Blogs_BlogId",
                                column: x => x.BlogId,
                                principalTable: "Blogs",
                                principalColumn: "Id",
                                onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.CreateTable(
                        name: "Blogs",
                        columns: table => new { Id = table.Column<int>(type: "INTEGER", nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { history, source }, EfVersion.Ef10, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG044").WithLocation("/0/Migration1.cs", 14, 9).WithArguments("CreateTable 'Posts'", "CreateTable 'Blogs'", "its foreign key 'FK_Posts_Blogs_BlogId' references table 'Blogs'"));
    }

    [Fact]
    public async Task DependencyNotResolvedInDown_NoDiagnostic()
    {
        // Posts keeps its foreign key: no order of Down fixes that, so it is not an ordering problem.
        var source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
            TABLES
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Blogs");
                    migrationBuilder.DropTable(name: "Posts");
                }
            }
            """.Replace("TABLES", BlogsAndPosts).Replace("    migrationBuilder.DropTable(name: \"Posts\");\n", string.Empty);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task IndexCreatedBeforeItsColumnWithoutHistory_Reports()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_DropLegacy")]
            public class DropLegacy : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropIndex(name: "IX_Blogs_Legacy", table: "Blogs");
                    migrationBuilder.DropColumn(name: "Legacy", table: "Blogs");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.CreateIndex(name: "IX_Blogs_Legacy", table: "Blogs", column: "Legacy")|};
                    migrationBuilder.AddColumn<string>(name: "Legacy", table: "Blogs", nullable: true);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source,
            VerifyCS.Diagnostic("MIG044").WithLocation(0).WithArguments("CreateIndex 'IX_Blogs_Legacy' on 'Blogs'", "AddColumn 'Legacy' on 'Blogs'", "column 'Legacy' is added later"));
    }

    [Fact]
    public async Task PrincipalDroppedBeforeForeignKeyWithoutHistory_Reports()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Owners")]
            public class Owners : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Owners",
                        columns: table => new { Id = table.Column<int>(nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Owners", x => x.Id));
                    migrationBuilder.AddForeignKey(name: "FK_Blogs_Owners_OwnerId", table: "Blogs", column: "OwnerId", principalTable: "Owners", principalColumn: "Id");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropTable(name: "Owners")|};
                    migrationBuilder.DropForeignKey(name: "FK_Blogs_Owners_OwnerId", table: "Blogs");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source,
            VerifyCS.Diagnostic("MIG044").WithLocation(0).WithArguments("DropTable 'Owners'", "DropForeignKey 'FK_Blogs_Owners_OwnerId' on 'Blogs'", "foreign key 'FK_Blogs_Owners_OwnerId' of 'Blogs' still references it"));
    }
}
