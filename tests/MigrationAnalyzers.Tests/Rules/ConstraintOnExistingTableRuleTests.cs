using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.ConstraintOnExistingTableRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class ConstraintOnExistingTableRuleTests
{
    private const string CreateBlogsAndPosts = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_Initial")]
        public class Initial : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Blogs",
                    columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) },
                    constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));

                migrationBuilder.CreateTable(
                    name: "Authors",
                    columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) },
                    constraints: table => table.PrimaryKey("PK_Authors", x => x.Id));

                migrationBuilder.CreateTable(
                    name: "Posts",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "integer", nullable: false),
                        BlogId = table.Column<int>(type: "integer", nullable: false)
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

                migrationBuilder.CreateIndex(
                    name: "IX_Posts_BlogId",
                    table: "Posts",
                    column: "BlogId");
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task ForeignKeyAndCheckConstraintOnExistingTable_ReportInfo(EfVersion version)
    {
        // EF's scaffolding of a new required relationship on an existing table.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            [Migration("20240201000000_PostAuthor")]
            public partial class PostAuthor : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(
                        name: "AuthorId",
                        table: "Posts",
                        type: "integer",
                        nullable: false,
                        defaultValue: 0);

                    migrationBuilder.CreateIndex(
                        name: "IX_Posts_AuthorId",
                        table: "Posts",
                        column: "AuthorId");

                    {|#1:migrationBuilder.AddCheckConstraint(
                        name: "CK_Posts_Rating",
                        schema: "blog",
                        table: "Ratings",
                        sql: "\"Value\" BETWEEN 1 AND 5")|};

                    {|#0:migrationBuilder.AddForeignKey(
                        name: "FK_Posts_Authors_AuthorId",
                        table: "Posts",
                        column: "AuthorId",
                        principalTable: "Authors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade)|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG024").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("Check constraint", "CK_Posts_Rating", "blog.Ratings"),
            VerifyCS.Diagnostic("MIG024").WithLocation(0).WithArguments("Foreign key", "FK_Posts_Authors_AuthorId", "Posts"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EfScaffoldingOfNewTablesWithConstraints_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            [Migration("20240201000000_AddComments")]
            public partial class AddComments : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Comments",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            PostId = table.Column<int>(type: "INTEGER", nullable: false),
                            ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                            Score = table.Column<int>(type: "INTEGER", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Comments", x => x.Id);
                            table.CheckConstraint("CK_Comments_Score", "\"Score\" >= 0");
                            table.ForeignKey(
                                name: "FK_Comments_Posts_PostId",
                                column: x => x.PostId,
                                principalTable: "Posts",
                                principalColumn: "Id",
                                onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.AddForeignKey(
                        name: "FK_Comments_Comments_ParentId",
                        table: "Comments",
                        column: "ParentId",
                        principalTable: "Comments",
                        principalColumn: "Id");

                    migrationBuilder.AddCheckConstraint(
                        name: "CK_Comments_Parent",
                        table: "Comments",
                        sql: "\"ParentId\" <> \"Id\"");

                    migrationBuilder.CreateIndex(
                        name: "IX_Comments_PostId",
                        table: "Comments",
                        column: "PostId");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "Comments");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EfScaffoldingOfRenamedTables_NoDiagnostic(EfVersion version)
    {
        // What `dotnet ef migrations add` writes when Blogs becomes Weblogs and Posts becomes Articles.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            [Migration("20240201000000_Rename")]
            public partial class Rename : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropForeignKey(
                        name: "FK_Posts_Blogs_BlogId",
                        table: "Posts");

                    migrationBuilder.DropPrimaryKey(
                        name: "PK_Posts",
                        table: "Posts");

                    migrationBuilder.DropPrimaryKey(
                        name: "PK_Blogs",
                        table: "Blogs");

                    migrationBuilder.RenameTable(
                        name: "Posts",
                        newName: "Articles");

                    migrationBuilder.RenameTable(
                        name: "Blogs",
                        newName: "Weblogs");

                    migrationBuilder.RenameIndex(
                        name: "IX_Posts_BlogId",
                        table: "Articles",
                        newName: "IX_Articles_BlogId");

                    migrationBuilder.AddPrimaryKey(
                        name: "PK_Articles",
                        table: "Articles",
                        column: "Id");

                    migrationBuilder.AddPrimaryKey(
                        name: "PK_Weblogs",
                        table: "Weblogs",
                        column: "Id");

                    migrationBuilder.AddForeignKey(
                        name: "FK_Articles_Weblogs_BlogId",
                        table: "Articles",
                        column: "BlogId",
                        principalTable: "Weblogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreateBlogsAndPosts, source }, version, DbProvider.None, null);
    }

    [Fact]
    public async Task ForeignKeyRecreatedForRenamedColumnOrNewOnDelete_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_WeblogId")]
            public class WeblogId : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropForeignKey(name: "FK_Posts_Blogs_BlogId", table: "Posts");
                    migrationBuilder.RenameColumn(name: "BlogId", table: "Posts", newName: "WeblogId");
                    migrationBuilder.RenameIndex(name: "IX_Posts_BlogId", table: "Posts", newName: "IX_Posts_WeblogId");
                    migrationBuilder.AddForeignKey(
                        name: "FK_Posts_Blogs_WeblogId",
                        table: "Posts",
                        column: "WeblogId",
                        principalTable: "Blogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreateBlogsAndPosts, source }, EfVersion.Ef10, DbProvider.None, null);
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RestrictDelete")]
            public class RestrictDelete : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropForeignKey(name: "FK_Posts_Blogs_BlogId", table: "Posts");
                    migrationBuilder.AddForeignKey(name: "FK_Posts_Blogs_BlogId", table: "Posts", column: "BlogId", principalTable: "Blogs", onDelete: ReferentialAction.Restrict);
                }
            }
            """);
    }

    [Fact]
    public async Task ForeignKeyRepointedToAnotherPrincipal_Reports()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_PostsToAuthors")]
            public class PostsToAuthors : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropForeignKey(name: "FK_Posts_Blogs_BlogId", table: "Posts");
                    {|#0:migrationBuilder.AddForeignKey(name: "FK_Posts_Authors_BlogId", table: "Posts", column: "BlogId", principalTable: "Authors", principalColumn: "Id")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreateBlogsAndPosts, source }, EfVersion.Ef10, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG024").WithLocation(0).WithArguments("Foreign key", "FK_Posts_Authors_BlogId", "Posts"));
    }

    [Fact]
    public async Task CheckConstraintRedefined_Reports()
    {
        // EF scaffolds drop + add when a check constraint's SQL changes: the new condition is checked against every row.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_StricterRating")]
            public class StricterRating : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropCheckConstraint(name: "CK_Posts_Rating", table: "Posts");
                    {|#0:migrationBuilder.AddCheckConstraint(name: "CK_Posts_Rating", table: "Posts", sql: "\"Rating\" BETWEEN 1 AND 5")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("MIG024").WithLocation(0).WithArguments("Check constraint", "CK_Posts_Rating", "Posts"));
    }

    [Fact]
    public async Task Baseline_TableCreatedAfterItIsNotExisting()
    {
        const string createAfterBaseline = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_CreateTags")]
            public class CreateTags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) =>
                    migrationBuilder.CreateTable(name: "Tags", columns: table => new { Id = table.Column<int>(nullable: false), PostId = table.Column<int>(nullable: false) });
            }
            """;
        const string constrain = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240401000000_ConstrainTags")]
            public class ConstrainTags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.AddForeignKey(name: "FK_Tags_Posts_PostId", table: "Tags", column: "PostId", principalTable: "Posts")|};
                    {|#1:migrationBuilder.AddCheckConstraint(name: "CK_Posts_Id", table: "Posts", sql: "\"Id\" > 0")|};
                }
            }
            """;
        var sources = new[] { CreateBlogsAndPosts, createAfterBaseline, constrain };
        await VerifyCS.VerifyAnalyzerAsync(sources, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("baseline", "20240101000000_Initial")),
            VerifyCS.Diagnostic("MIG024").WithLocation(1).WithArguments("Check constraint", "CK_Posts_Id", "Posts"));
        await VerifyCS.VerifyAnalyzerAsync(sources, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("baseline", "20240401000000_ConstrainTags")));
        await VerifyCS.VerifyAnalyzerAsync(sources, EfVersion.Ef10, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG024").WithLocation(0).WithArguments("Foreign key", "FK_Tags_Posts_PostId", "Tags"),
            VerifyCS.Diagnostic("MIG024").WithLocation(1).WithArguments("Check constraint", "CK_Posts_Id", "Posts"));
    }

    [Theory]
    [InlineData("postgresql", false)]
    [InlineData("sqlserver", true)]
    public async Task ConstraintInProviderBranch_ReportsOnlyForThatProvider(string provider, bool reported)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_CheckRating")]
            public class CheckRating : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    if (ActiveProvider == "Microsoft.EntityFrameworkCore.SqlServer")
                    {
                        {|#0:migrationBuilder.AddCheckConstraint(name: "CK_Posts_Rating", table: "Posts", sql: "[Rating] BETWEEN 1 AND 5")|};
                    }
                }
            }
            """;
        var expected = reported
            ? new[] { VerifyCS.Diagnostic("MIG024").WithLocation(0).WithArguments("Check constraint", "CK_Posts_Rating", "Posts") }
            : new DiagnosticResult[0];
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", provider)), expected);
    }

    [Fact]
    public async Task NonConstantArguments_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Dynamic")]
            public class Dynamic : Migration
            {
                private readonly string _table = System.Environment.GetEnvironmentVariable("T") ?? "x";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddForeignKey(name: "FK", table: _table, column: "BlogId", principalTable: "Blogs");
                    migrationBuilder.AddForeignKey(name: "FK", table: "Posts", column: _table, principalTable: "Blogs");
                    migrationBuilder.AddCheckConstraint(name: "CK", table: _table, sql: "1 = 1");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("migrationBuilder.AddForeignKey(name: \"FK\", table: \"Posts\");")]
    [InlineData("migrationBuilder.AddForeignKey(name: \"FK\", table: \"Posts\", columns: new string[0], principalTable: \"Blogs\");")]
    [InlineData("migrationBuilder.AddCheckConstraint(name: \"CK\", table: \"Posts\", sql: );")]
    [InlineData("migrationBuilder.DropForeignKey(name: null, table: \"Posts\"); migrationBuilder.AddForeignKey(name: null, table: \"Posts\", column: \"A\", principalTable: null);")]
    [InlineData("migrationBuilder.AddForeignKey(")]
    public Task MalformedCode_NoCrash(string body) =>
        BrokenCode.VerifyNoCrashAsync<MigrationAnalyzers.Rules.ConstraintOnExistingTableRule>(BrokenCode.InUp(body));
}
