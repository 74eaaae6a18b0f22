using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.ForeignKeyWithoutIndexRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class ForeignKeyWithoutIndexRuleTests
{
    internal const string CreateBlogs = """
            migrationBuilder.CreateTable(
                name: "Blogs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Blogs", x => x.Id);
                });
    """;

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.PostgreSql)]
    [InlineData(EfVersion.Ef8, DbProvider.PostgreSql)]
    [InlineData(EfVersion.Ef10, DbProvider.SqlServer)]
    [InlineData(EfVersion.Ef8, DbProvider.Sqlite)]
    public async Task EfScaffoldedTablesWithForeignKeyIndexes_NoDiagnostic(EfVersion version, DbProvider provider)
    {
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
            {{CreateBlogs}}

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

                    migrationBuilder.CreateTable(
                        name: "PostTag",
                        columns: table => new
                        {
                            PostsId = table.Column<int>(type: "integer", nullable: false),
                            TagsId = table.Column<int>(type: "integer", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_PostTag", x => new { x.PostsId, x.TagsId });
                            table.ForeignKey(
                                name: "FK_PostTag_Posts_PostsId",
                                column: x => x.PostsId,
                                principalTable: "Posts",
                                principalColumn: "Id",
                                onDelete: ReferentialAction.Cascade);
                            table.ForeignKey(
                                name: "FK_PostTag_Blogs_TagsId",
                                column: x => x.TagsId,
                                principalTable: "Blogs",
                                principalColumn: "Id",
                                onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_Posts_BlogId",
                        table: "Posts",
                        column: "BlogId");

                    migrationBuilder.CreateIndex(
                        name: "IX_PostTag_TagsId",
                        table: "PostTag",
                        column: "TagsId");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "PostTag");
                    migrationBuilder.DropTable(name: "Posts");
                    migrationBuilder.DropTable(name: "Blogs");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, provider, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.PostgreSql)]
    [InlineData(EfVersion.Ef8, DbProvider.PostgreSql)]
    [InlineData(EfVersion.Ef10, DbProvider.None)]
    [InlineData(EfVersion.Ef8, DbProvider.Sqlite)]
    public async Task CreateTableForeignKeyWithoutIndex_Reports(EfVersion version, DbProvider provider)
    {
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
            {{CreateBlogs}}

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
                            {|#0:table.ForeignKey(
                                name: "FK_Posts_Blogs_BlogId",
                                column: x => x.BlogId,
                                principalTable: "Blogs",
                                principalColumn: "Id")|};
                        });
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, provider, null,
            VerifyCS.Diagnostic("MIG060").WithLocation(0).WithArguments("FK_Posts_Blogs_BlogId", "Posts", "BlogId", "Blogs", "IX_Posts_BlogId"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task JoinTableSecondKeyColumnNotLeading_ReportsOnlyThatKey(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Tags")]
            public class Tags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "PostTag",
                        columns: table => new
                        {
                            PostsId = table.Column<int>(nullable: false),
                            TagsId = table.Column<int>(nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_PostTag", x => new { x.PostsId, x.TagsId });
                            table.ForeignKey("FK_PostTag_Posts_PostsId", x => x.PostsId, "Posts", "Id");
                            {|#0:table.ForeignKey("FK_PostTag_Tags_TagsId", x => x.TagsId, "Tags", "Id")|};
                        });
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG060").WithLocation(0).WithArguments("FK_PostTag_Tags_TagsId", "PostTag", "TagsId", "Tags", "IX_PostTag_TagsId"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.PostgreSql)]
    [InlineData(EfVersion.Ef8, DbProvider.PostgreSql)]
    [InlineData(EfVersion.Ef10, DbProvider.SqlServer)]
    public async Task AddForeignKeyWithoutIndex_Reports(EfVersion version, DbProvider provider)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_PostAuthor")]
            public class PostAuthor : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(
                        name: "AuthorId",
                        schema: "blog",
                        table: "Posts",
                        type: "integer",
                        nullable: true);

                    {|#0:migrationBuilder.AddForeignKey(
                        name: "FK_Posts_Authors_AuthorId",
                        schema: "blog",
                        table: "Posts",
                        column: "AuthorId",
                        principalSchema: "blog",
                        principalTable: "Authors",
                        principalColumn: "Id")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, provider, null,
            VerifyCS.Diagnostic("MIG060").WithLocation(0).WithArguments("FK_Posts_Authors_AuthorId", "blog.Posts", "AuthorId", "blog.Authors", "IX_Posts_AuthorId"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task KeyOnTableCreatedByUnboundCreateTable_NoDiagnostic(EfVersion version)
    {
        // Orders' CreateTable did not bind (an unknown column type): its primary key (CustomerId, Id)
        // may well lead with the key's column. Lines is known and has no index: still reported.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Orders")]
            public class Orders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Orders",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            CustomerId = table.Column<int>(type: "integer", nullable: false),
                            Total = table.Column<Money>(type: "money", nullable: false)
                        },
                        constraints: table => table.PrimaryKey("PK_Orders", x => new { x.CustomerId, x.Id }));

                    migrationBuilder.CreateTable(
                        name: "Lines",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            ProductId = table.Column<int>(type: "integer", nullable: false)
                        },
                        constraints: table => table.PrimaryKey("PK_Lines", x => x.Id));

                    migrationBuilder.AddForeignKey(name: "FK_Orders_Customers_CustomerId", table: "Orders", column: "CustomerId", principalTable: "Customers", principalColumn: "Id");
                    {|#0:migrationBuilder.AddForeignKey(name: "FK_Lines_Products_ProductId", table: "Lines", column: "ProductId", principalTable: "Products", principalColumn: "Id")|};
                }
            }
            """;
        var test = new VerifyCS.Test(version, DbProvider.PostgreSql) { TestCode = source, CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG060").WithLocation(0).WithArguments("FK_Lines_Products_ProductId", "Lines", "ProductId", "Products", "IX_Lines_ProductId"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task IndexMaybeCreatedByHelperLater_NoDiagnostic(EfVersion version)
    {
        // A helper the model cannot follow, given the table's name after the key: it may create the index.
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_PostAuthor")]
            public class PostAuthor : Migration
            {
                private static readonly Action<MigrationBuilder, string, string> IndexColumn = (b, table, column) => { };

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddForeignKey(name: "FK_Posts_Authors_AuthorId", table: "Posts", column: "AuthorId", principalTable: "Authors", principalColumn: "Id");
                    IndexColumn(migrationBuilder, "Posts", "AuthorId");
                    {|#0:migrationBuilder.AddForeignKey(name: "FK_Comments_Authors_AuthorId", table: "Comments", column: "AuthorId", principalTable: "Authors", principalColumn: "Id")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null,
            VerifyCS.Diagnostic("MIG060").WithLocation(0).WithArguments("FK_Comments_Authors_AuthorId", "Comments", "AuthorId", "Authors", "IX_Comments_AuthorId"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task IndexCreatedAfterTheKeyInSameUp_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_PostAuthor")]
            public class PostAuthor : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddForeignKey(
                        name: "FK_Posts_Authors_AuthorId_Kind",
                        table: "Posts",
                        columns: new[] { "AuthorId", "Kind" },
                        principalTable: "Authors",
                        principalColumns: new[] { "Id", "Kind" });

                    migrationBuilder.CreateIndex(
                        name: "IX_Posts_Kind_AuthorId_Date",
                        table: "Posts",
                        columns: new[] { "Kind", "AuthorId", "Date" });
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Fact]
    public async Task IndexOnOtherLeadingColumn_Reports()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_PostAuthor")]
            public class PostAuthor : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(
                        name: "IX_Posts_Date_AuthorId",
                        table: "Posts",
                        columns: new[] { "Date", "AuthorId" });

                    {|#0:migrationBuilder.AddForeignKey(
                        name: "FK_Posts_Authors_AuthorId",
                        table: "Posts",
                        column: "AuthorId",
                        principalTable: "Authors",
                        principalColumn: "Id")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("MIG060").WithLocation(0).WithArguments("FK_Posts_Authors_AuthorId", "Posts", "AuthorId", "Authors", "IX_Posts_AuthorId"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task RecreatedForeignKeyWhoseIndexExists_NoDiagnostic(EfVersion version)
    {
        var initial = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
            {{CreateBlogs}}

                    migrationBuilder.CreateTable(
                        name: "Posts",
                        columns: table => new
                        {
                            Id = table.Column<int>(nullable: false),
                            BlogId = table.Column<int>(nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Posts", x => x.Id);
                            table.ForeignKey("FK_Posts_Blogs_BlogId", x => x.BlogId, "Blogs", "Id");
                        });

                    migrationBuilder.CreateIndex(name: "IX_Posts_BlogId", table: "Posts", column: "BlogId");
                }
            }
            """;
        const string cascade = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_CascadePosts")]
            public class CascadePosts : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropForeignKey(
                        name: "FK_Posts_Blogs_BlogId",
                        table: "Posts");

                    migrationBuilder.AddForeignKey(
                        name: "FK_Posts_Blogs_BlogId",
                        table: "Posts",
                        column: "BlogId",
                        principalTable: "Blogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { initial, cascade }, version, DbProvider.None, null);
    }

    [Fact]
    public async Task IndexRenamedColumnAndDroppedIndex_FollowsTheHistory()
    {
        const string initial = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Posts",
                        columns: table => new
                        {
                            Id = table.Column<int>(nullable: false),
                            Blog = table.Column<int>(nullable: false),
                            Owner = table.Column<int>(nullable: false)
                        },
                        constraints: table => table.PrimaryKey("PK_Posts", x => x.Id));

                    migrationBuilder.CreateIndex(name: "IX_Posts_Blog", table: "Posts", column: "Blog");
                    migrationBuilder.CreateIndex(name: "IX_Posts_Owner", table: "Posts", column: "Owner");
                }
            }
            """;
        const string later = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_Keys")]
            public class Keys : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(name: "Blog", table: "Posts", newName: "BlogId");
                    migrationBuilder.DropIndex(name: "IX_Posts_Owner", table: "Posts");

                    migrationBuilder.AddForeignKey(name: "FK_Posts_Blogs_BlogId", table: "Posts", column: "BlogId", principalTable: "Blogs", principalColumn: "Id");
                    {|#0:migrationBuilder.AddForeignKey(name: "FK_Posts_Users_Owner", table: "Posts", column: "Owner", principalTable: "Users", principalColumn: "Id")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { initial, later }, EfVersion.Ef10, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG060").WithLocation(0).WithArguments("FK_Posts_Users_Owner", "Posts", "Owner", "Users", "IX_Posts_Owner"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task UnknownTableEfScaffoldedKeyChanges_NoDiagnostic(EfVersion version)
    {
        // Nothing describes "Posts": EF's scaffolding of a cascade change (drop + add of the same
        // key) and of a renamed navigation (RenameIndex to the new key's EF name) keep the index.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_ReshapeKeys")]
            public class ReshapeKeys : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropForeignKey(
                        name: "FK_Posts_Blogs_BlogId",
                        table: "Posts");

                    migrationBuilder.DropForeignKey(
                        name: "FK_Posts_Users_AuthorId",
                        table: "Posts");

                    migrationBuilder.RenameColumn(
                        name: "AuthorId",
                        table: "Posts",
                        newName: "WriterId");

                    migrationBuilder.RenameIndex(
                        name: "IX_Posts_AuthorId",
                        table: "Posts",
                        newName: "IX_Posts_WriterId");

                    migrationBuilder.AddForeignKey(
                        name: "FK_Posts_Blogs_BlogId",
                        table: "Posts",
                        column: "BlogId",
                        principalTable: "Blogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);

                    migrationBuilder.AddForeignKey(
                        name: "FK_Posts_Users_WriterId",
                        table: "Posts",
                        column: "WriterId",
                        principalTable: "Users",
                        principalColumn: "Id");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
    }

    [Fact]
    public async Task KnownTableRenamedNavigation_FollowsRenamedIndex()
    {
        const string initial = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Posts",
                        columns: table => new { Id = table.Column<int>(nullable: false), AuthorId = table.Column<int>(nullable: false) },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Posts", x => x.Id);
                            table.ForeignKey("FK_Posts_Users_AuthorId", x => x.AuthorId, "Users", "Id");
                        });

                    migrationBuilder.CreateIndex(name: "IX_Posts_AuthorId", table: "Posts", column: "AuthorId");
                }
            }
            """;
        const string rename = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_Writer")]
            public class Writer : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropForeignKey(name: "FK_Posts_Users_AuthorId", table: "Posts");
                    migrationBuilder.RenameColumn(name: "AuthorId", table: "Posts", newName: "WriterId");
                    migrationBuilder.RenameIndex(name: "IX_Posts_AuthorId", table: "Posts", newName: "IX_Posts_WriterId");
                    migrationBuilder.AddForeignKey(name: "FK_Posts_Users_WriterId", table: "Posts", column: "WriterId", principalTable: "Users", principalColumn: "Id");
                    {|#0:migrationBuilder.AddForeignKey(name: "FK_Posts_Users_EditorId", table: "Posts", column: "EditorId", principalTable: "Users", principalColumn: "Id")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { initial, rename }, EfVersion.Ef10, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG060").WithLocation(0).WithArguments("FK_Posts_Users_EditorId", "Posts", "EditorId", "Users", "IX_Posts_EditorId"));
    }

    [Fact]
    public async Task IndexCreatedInRawSqlOfSameUp_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_PostAuthor")]
            public class PostAuthor : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_posts_author ON \"Posts\" (\"AuthorId\") WHERE \"AuthorId\" IS NOT NULL;", suppressTransaction: true);
                    migrationBuilder.AddForeignKey(name: "FK_Posts_Authors_AuthorId", table: "Posts", column: "AuthorId", principalTable: "Authors", principalColumn: "Id");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.PostgreSql, null);
    }

    [Fact]
    public async Task MySqlProvider_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_PostAuthor")]
            public class PostAuthor : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddForeignKey(
                        name: "FK_Posts_Authors_AuthorId",
                        table: "Posts",
                        column: "AuthorId",
                        principalTable: "Authors",
                        principalColumn: "Id");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", "mysql")));
    }

    [Fact]
    public async Task ForeignKeyInOtherProvidersBranch_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_PostAuthor")]
            public class PostAuthor : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    if (ActiveProvider == "Pomelo.EntityFrameworkCore.MySql")
                    {
                        migrationBuilder.AddForeignKey(
                            name: "FK_Posts_Authors_AuthorId",
                            table: "Posts",
                            column: "AuthorId",
                            principalTable: "Authors",
                            principalColumn: "Id");
                    }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.PostgreSql, null);
    }

    [Fact]
    public async Task TableUnknownToHistoryIndexInPreviousTargetModel_NoDiagnostic()
    {
        // The table was created before the first migration of the compilation (squashed history):
        // only the previous migration's .Designer.cs knows its index (on a snake_case column).
        const string previous = """
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            [DbContext(typeof(DbContext))]
            [Migration("20240101000000_Squashed")]
            public partial class Squashed : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                }

                protected override void BuildTargetModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Blogging.Post", b =>
                        {
                            b.Property<int>("Id")
                                .HasColumnType("integer")
                                .HasColumnName("id");

                            b.Property<int>("BlogId")
                                .HasColumnType("integer")
                                .HasColumnName("blog_id");

                            b.HasKey("Id")
                                .HasName("pk_posts");

                            b.HasIndex("BlogId")
                                .HasDatabaseName("ix_posts_blog_id");

                            b.ToTable("posts", "blog");
                        });
                }
            }
            """;
        const string current = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_BlogKey")]
            public class BlogKey : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddForeignKey(
                        name: "fk_posts_blogs_blog_id",
                        schema: "blog",
                        table: "posts",
                        column: "blog_id",
                        principalSchema: "blog",
                        principalTable: "blogs",
                        principalColumn: "id");

                    {|#0:migrationBuilder.AddForeignKey(
                        name: "fk_posts_users_id",
                        schema: "blog",
                        table: "posts",
                        column: "owner_id",
                        principalSchema: "blog",
                        principalTable: "users",
                        principalColumn: "id")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { previous, current }, EfVersion.Ef10, DbProvider.PostgreSql, null,
            VerifyCS.Diagnostic("MIG060").WithLocation(0).WithArguments("fk_posts_users_id", "blog.posts", "owner_id", "blog.users", "IX_posts_owner_id"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task TablePerTypeSubtypeKeyToBase_NoDiagnostic(EfVersion version)
    {
        // Table-per-type: OnlineOrders' primary key is the base type's key (Id), declared only on
        // Order in the target model; the key from OnlineOrders.Id to Orders.Id is indexed by it.
        const string previous = """
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            [DbContext(typeof(DbContext))]
            [Migration("20240101000000_Squashed")]
            public partial class Squashed : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                }

                protected override void BuildTargetModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Shop.Order", b =>
                        {
                            b.Property<int>("Id")
                                .ValueGeneratedOnAdd()
                                .HasColumnType("integer");

                            b.HasKey("Id");

                            b.ToTable("Orders");

                            b.UseTptMappingStrategy();
                        });

                    modelBuilder.Entity("Shop.OnlineOrder", b =>
                        {
                            b.HasBaseType("Shop.Order");

                            b.Property<int>("ShopId")
                                .HasColumnType("integer");

                            b.ToTable("OnlineOrders");
                        });
                }
            }
            """;
        const string current = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_OrderKeys")]
            public class OrderKeys : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddForeignKey(
                        name: "FK_OnlineOrders_Orders_Id",
                        table: "OnlineOrders",
                        column: "Id",
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);

                    {|#0:migrationBuilder.AddForeignKey(
                        name: "FK_OnlineOrders_Shops_ShopId",
                        table: "OnlineOrders",
                        column: "ShopId",
                        principalTable: "Shops",
                        principalColumn: "Id")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { previous, current }, version, DbProvider.PostgreSql, null,
            VerifyCS.Diagnostic("MIG060").WithLocation(0).WithArguments("FK_OnlineOrders_Shops_ShopId", "OnlineOrders", "ShopId", "Shops", "IX_OnlineOrders_ShopId"));
    }


    [Fact]
    public async Task TableKnownOnlyToModelSnapshot_NoDiagnostic()
    {
        const string snapshot = """
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;

            [DbContext(typeof(DbContext))]
            partial class BloggingContextModelSnapshot : ModelSnapshot
            {
                protected override void BuildModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Blogging.Post", b =>
                        {
                            b.Property<int>("Id");
                            b.Property<int>("BlogId");
                            b.HasKey("Id");
                            b.HasIndex("BlogId");
                            b.ToTable("Posts");
                        });
                }
            }
            """;
        const string current = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_BlogKey")]
            public class BlogKey : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddForeignKey(name: "FK_Posts_Blogs_BlogId", table: "Posts", column: "BlogId", principalTable: "Blogs", principalColumn: "Id");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { snapshot, current }, EfVersion.Ef8, DbProvider.None, null);
    }

    [Fact]
    public async Task NonConstantColumn_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_PostAuthor")]
            public class PostAuthor : Migration
            {
                private static readonly string Column = System.Environment.GetEnvironmentVariable("C") ?? "AuthorId";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddForeignKey(name: "FK", table: "Posts", column: Column, principalTable: "Authors", principalColumn: "Id");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task BrokenCode_NoCrash()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_PostAuthor")]
            public class PostAuthor : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.AddForeignKey(name: "FK", table: "Posts", column: "AuthorId", principalTable: "Authors", principalColumn: "Id")|}
                    migrationBuilder.CreateTable("X", columns: t => new { Id = t.Column<int>() }, constraints: t => t.ForeignKey("FK2", x => x.Nope, "Y", "Id"));
                }
            }
            """;
        // The readable statement is still judged; the unreadable table body yields nothing (and no AD0001).
        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG060").WithLocation(0).WithArguments("FK", "Posts", "AuthorId", "Authors", "IX_Posts_AuthorId"));
        await test.RunAsync();
    }

    /// <summary>A history of 24 migrations in which every foreign key's index comes from an earlier migration.</summary>
    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.PostgreSql)]
    [InlineData(EfVersion.Ef8, DbProvider.Sqlite)]
    public async Task LongHistoryIndexesCreatedByEarlierMigrations_NoDiagnostic(EfVersion version, DbProvider provider)
    {
        await VerifyCS.VerifyAnalyzerAsync(History(24, dropOneIndex: false), version, provider, null);
    }

    [Fact]
    public async Task LongHistoryOneIndexDroppedEarlier_ReportsOnlyThatKey()
    {
        var sources = History(24, dropOneIndex: true);
        await VerifyCS.VerifyAnalyzerAsync(sources, EfVersion.Ef10, DbProvider.PostgreSql, null,
            VerifyCS.Diagnostic("MIG060").WithSpan("/0/Migration23.cs", 8, 9, 13, 35).WithArguments("FK_Child11_Parent_ParentId", "Child11", "ParentId", "Parent", "IX_Child11_ParentId"));
    }

    /// <summary>
    /// Migration 0 creates Parent; migrations 1..n/2 each create a child table with its index on
    /// ParentId (no key yet); migrations n/2+1.. add the foreign keys one by one (EF's shape after
    /// "make the navigation required"), some dropping and re-creating the key with cascade.
    /// </summary>
    private static string[] History(int count, bool dropOneIndex)
    {
        var half = count / 2;
        var sources = new string[count];
        sources[0] = Migration(0, "Initial", """
                    migrationBuilder.CreateTable(
                        name: "Parent",
                        columns: table => new { Id = table.Column<int>(nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Parent", x => x.Id));
            """);
        for (var i = 1; i < half; i++)
        {
            sources[i] = Migration(i, "AddChild" + i, $$"""
                    migrationBuilder.CreateTable(
                        name: "Child{{i}}",
                        columns: table => new
                        {
                            Id = table.Column<int>(nullable: false),
                            ParentId = table.Column<int>(nullable: false)
                        },
                        constraints: table => table.PrimaryKey("PK_Child{{i}}", x => x.Id));

                    migrationBuilder.CreateIndex(name: "IX_Child{{i}}_ParentId", table: "Child{{i}}", column: "ParentId");
            """);
        }

        for (var i = half; i < count; i++)
        {
            var child = i - half + 1;
            var body = new StringBuilder();
            if (dropOneIndex && i == count - 1)
            {
                child = 11;
            }

            if (child < half)
            {
                body.Append($$"""
                    migrationBuilder.AddForeignKey(
                        name: "FK_Child{{child}}_Parent_ParentId",
                        table: "Child{{child}}",
                        column: "ParentId",
                        principalTable: "Parent",
                        principalColumn: "Id");
            """);
            }

            if (dropOneIndex && i == count - 2)
            {
                body.Clear().Append("""
                    migrationBuilder.DropIndex(name: "IX_Child11_ParentId", table: "Child11");
            """);
            }

            sources[i] = Migration(i, "Keys" + i, body.ToString());
        }

        return sources;
    }

    private static string Migration(int index, string name, string up) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("2024010100{{index:D4}}_{{name}}")]
        public class {{name}} : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{up}}
            }
        }
        """;
}
