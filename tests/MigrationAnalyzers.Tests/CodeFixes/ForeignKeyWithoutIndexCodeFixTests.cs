using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Rules;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<MigrationAnalyzers.Rules.ForeignKeyWithoutIndexRule, MigrationAnalyzers.CodeFixes.Rules.ForeignKeyWithoutIndexCodeFix>;

namespace MigrationAnalyzers.Tests.CodeFixes;

public class ForeignKeyWithoutIndexCodeFixTests
{
    private const string AddForeignKeyBefore = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_PostAuthor")]
        public class PostAuthor : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<int>(
                    name: "AuthorId",
                    table: "Posts",
                    type: "integer",
                    nullable: true);

                // Authors own posts.
                {|#0:migrationBuilder.AddForeignKey(
                    name: "FK_Posts_Authors_AuthorId",
                    table: "Posts",
                    column: "AuthorId",
                    principalTable: "Authors",
                    principalColumn: "Id")|};
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropForeignKey(
                    name: "FK_Posts_Authors_AuthorId",
                    table: "Posts");

                migrationBuilder.DropColumn(
                    name: "AuthorId",
                    table: "Posts");
            }
        }
        """;

    private const string AddForeignKeyAfter = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_PostAuthor")]
        public class PostAuthor : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<int>(
                    name: "AuthorId",
                    table: "Posts",
                    type: "integer",
                    nullable: true);

                // Authors own posts.
                migrationBuilder.AddForeignKey(
                    name: "FK_Posts_Authors_AuthorId",
                    table: "Posts",
                    column: "AuthorId",
                    principalTable: "Authors",
                    principalColumn: "Id");

                migrationBuilder.CreateIndex(
                    name: "IX_Posts_AuthorId",
                    table: "Posts",
                    column: "AuthorId");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropForeignKey(
                    name: "FK_Posts_Authors_AuthorId",
                    table: "Posts");

                migrationBuilder.DropIndex(
                    name: "IX_Posts_AuthorId",
                    table: "Posts");

                migrationBuilder.DropColumn(
                    name: "AuthorId",
                    table: "Posts");
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.PostgreSql)]
    [InlineData(EfVersion.Ef8, DbProvider.PostgreSql)]
    [InlineData(EfVersion.Ef10, DbProvider.SqlServer)]
    public async Task AddForeignKey_CreateIndexAfterAndDropIndexAfterDropForeignKey(EfVersion version, DbProvider provider)
    {
        await VerifyCS.VerifyCodeFixAsync(AddForeignKeyBefore, AddForeignKeyAfter, version, provider, null,
            VerifyCS.Diagnostic("MIG060").WithLocation(0).WithArguments("FK_Posts_Authors_AuthorId", "Posts", "AuthorId", "Authors", "IX_Posts_AuthorId"));
    }

    [Fact]
    public async Task DownWithoutDropForeignKey_DropIndexFirstInDown()
    {
        const string before = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_PostAuthor")]
            public class PostAuthor : Migration
            {
                protected override void Up(MigrationBuilder b)
                {
                    {|#0:b.AddForeignKey(
                        name: "FK_Posts_Authors_AuthorId",
                        table: "Posts",
                        column: "AuthorId",
                        principalTable: "Authors",
                        principalColumn: "Id")|};
                }

                protected override void Down(MigrationBuilder b)
                {
                    b.Sql("-- keys are dropped by a later script");
                }
            }
            """;
        const string after = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_PostAuthor")]
            public class PostAuthor : Migration
            {
                protected override void Up(MigrationBuilder b)
                {
                    b.AddForeignKey(
                        name: "FK_Posts_Authors_AuthorId",
                        table: "Posts",
                        column: "AuthorId",
                        principalTable: "Authors",
                        principalColumn: "Id");

                    b.CreateIndex(
                        name: "IX_Posts_AuthorId",
                        table: "Posts",
                        column: "AuthorId");
                }

                protected override void Down(MigrationBuilder b)
                {
                    b.DropIndex(
                        name: "IX_Posts_AuthorId",
                        table: "Posts");

                    b.Sql("-- keys are dropped by a later script");
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(before, after, EfVersion.Ef8, DbProvider.Sqlite, null,
            VerifyCS.Diagnostic("MIG060").WithLocation(0).WithArguments("FK_Posts_Authors_AuthorId", "Posts", "AuthorId", "Authors", "IX_Posts_AuthorId"));
    }

    [Fact]
    public async Task CreateTableConstraints_FixAllIndexesAfterTableAndNoDropIndexWhenDownDropsTable()
    {
        const string before = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Comments",
                        schema: "blog",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            PostId = table.Column<int>(type: "integer", nullable: false),
                            AuthorId = table.Column<int>(type: "integer", nullable: false),
                            AuthorKind = table.Column<int>(type: "integer", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Comments", x => x.Id);
                            {|#0:table.ForeignKey(
                                name: "FK_Comments_Posts_PostId",
                                column: x => x.PostId,
                                principalSchema: "blog",
                                principalTable: "Posts",
                                principalColumn: "Id")|};
                            {|#1:table.ForeignKey(
                                name: "FK_Comments_Authors_AuthorId_AuthorKind",
                                columns: x => new { x.AuthorId, x.AuthorKind },
                                principalSchema: "blog",
                                principalTable: "Authors",
                                principalColumns: new[] { "Id", "Kind" })|};
                        });
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "Comments",
                        schema: "blog");
                }
            }
            """;
        const string after = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Comments",
                        schema: "blog",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            PostId = table.Column<int>(type: "integer", nullable: false),
                            AuthorId = table.Column<int>(type: "integer", nullable: false),
                            AuthorKind = table.Column<int>(type: "integer", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Comments", x => x.Id);
                            table.ForeignKey(
                                name: "FK_Comments_Posts_PostId",
                                column: x => x.PostId,
                                principalSchema: "blog",
                                principalTable: "Posts",
                                principalColumn: "Id");
                            table.ForeignKey(
                                name: "FK_Comments_Authors_AuthorId_AuthorKind",
                                columns: x => new { x.AuthorId, x.AuthorKind },
                                principalSchema: "blog",
                                principalTable: "Authors",
                                principalColumns: new[] { "Id", "Kind" });
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_Comments_PostId",
                        schema: "blog",
                        table: "Comments",
                        column: "PostId");

                    migrationBuilder.CreateIndex(
                        name: "IX_Comments_AuthorId_AuthorKind",
                        schema: "blog",
                        table: "Comments",
                        columns: new[] { "AuthorId", "AuthorKind" });
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "Comments",
                        schema: "blog");
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(before, after, EfVersion.Ef10, DbProvider.PostgreSql, null,
            VerifyCS.Diagnostic("MIG060").WithLocation(0).WithArguments("FK_Comments_Posts_PostId", "blog.Comments", "PostId", "blog.Posts", "IX_Comments_PostId"),
            VerifyCS.Diagnostic("MIG060").WithLocation(1).WithArguments("FK_Comments_Authors_AuthorId_AuthorKind", "blog.Comments", "AuthorId, AuthorKind", "blog.Authors", "IX_Comments_AuthorId_AuthorKind"));
    }

    [Fact]
    public async Task FixedMigration_RealProvidersCreateTheIndex()
    {
        var postgres = ProviderSql.Generate(AddForeignKeyAfter, DbProvider.PostgreSql);
        Assert.Contains(postgres, c => c.CommandText.Contains("CREATE INDEX \"IX_Posts_AuthorId\" ON \"Posts\" (\"AuthorId\");"));
        var sqlServer = ProviderSql.Generate(AddForeignKeyAfter, DbProvider.SqlServer);
        Assert.Contains(sqlServer, c => c.CommandText.Contains("CREATE INDEX [IX_Posts_AuthorId] ON [Posts] ([AuthorId]);"));

        var down = ProviderSql.Generate(AddForeignKeyAfter, DbProvider.PostgreSql, down: true).Select(c => c.CommandText).ToList();
        var dropKey = down.FindIndex(c => c.Contains("DROP CONSTRAINT \"FK_Posts_Authors_AuthorId\""));
        var dropIndex = down.FindIndex(c => c.Contains("DROP INDEX \"IX_Posts_AuthorId\""));
        Assert.True(dropKey >= 0 && dropIndex > dropKey, string.Join("\n", down));
    }
}
