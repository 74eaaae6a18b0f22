namespace MigrationAnalyzers.Tests.Reversibility;

/// <summary>
/// Migrations exactly as <c>dotnet ef migrations add</c> scaffolds them (SQLite provider, EF Core 8/10
/// write the same shapes): Up and Down for a history of model changes. The Reversibility rules must
/// stay silent on all of them.
/// </summary>
public static class ScaffoldedMigrations
{
    public const string History = """
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace App.Migrations
        {
            /// <inheritdoc />
            [Migration("20240101000000_Initial")]
            public partial class Initial : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Blogs",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            Url = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Blogs", x => x.Id);
                        });

                    migrationBuilder.CreateTable(
                        name: "Posts",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            Title = table.Column<string>(type: "TEXT", nullable: false),
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

                    migrationBuilder.CreateIndex(
                        name: "IX_Blogs_Url",
                        table: "Blogs",
                        column: "Url",
                        unique: true);

                    migrationBuilder.CreateIndex(
                        name: "IX_Posts_BlogId",
                        table: "Posts",
                        column: "BlogId");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "Posts");

                    migrationBuilder.DropTable(
                        name: "Blogs");
                }
            }

            /// <inheritdoc />
            [Migration("20240102000000_AddRating")]
            public partial class AddRating : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(
                        name: "Rating",
                        table: "Blogs",
                        type: "INTEGER",
                        nullable: false,
                        defaultValue: 0);
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Rating",
                        table: "Blogs");
                }
            }

            /// <inheritdoc />
            [Migration("20240103000000_LongerUrl")]
            public partial class LongerUrl : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(
                        name: "Url",
                        table: "Blogs",
                        type: "TEXT",
                        maxLength: 500,
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "TEXT",
                        oldMaxLength: 200);
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(
                        name: "Url",
                        table: "Blogs",
                        type: "TEXT",
                        maxLength: 200,
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "TEXT",
                        oldMaxLength: 500);
                }
            }

            /// <inheritdoc />
            [Migration("20240104000000_RenameTitle")]
            public partial class RenameTitle : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "Title",
                        table: "Posts",
                        newName: "Heading");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "Heading",
                        table: "Posts",
                        newName: "Title");
                }
            }

            /// <inheritdoc />
            [Migration("20240105000000_AddPublished")]
            public partial class AddPublished : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<DateTime>(
                        name: "Published",
                        table: "Posts",
                        type: "TEXT",
                        nullable: true);

                    migrationBuilder.CreateIndex(
                        name: "IX_Posts_Published",
                        table: "Posts",
                        column: "Published");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropIndex(
                        name: "IX_Posts_Published",
                        table: "Posts");

                    migrationBuilder.DropColumn(
                        name: "Published",
                        table: "Posts");
                }
            }

            /// <inheritdoc />
            [Migration("20240106000000_RenamePostsToArticles")]
            public partial class RenamePostsToArticles : Migration
            {
                /// <inheritdoc />
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

                    migrationBuilder.RenameIndex(
                        name: "IX_Posts_Published",
                        table: "Articles",
                        newName: "IX_Articles_Published");

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
                }

                /// <inheritdoc />
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
                        name: "IX_Articles_Published",
                        table: "Posts",
                        newName: "IX_Posts_Published");

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
                }
            }

            /// <inheritdoc />
            [Migration("20240107000000_SeedBlogs")]
            public partial class SeedBlogs : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.InsertData(
                        table: "Blogs",
                        columns: new[] { "Id", "Rating", "Url" },
                        values: new object[,]
                        {
                            { 1, 5, "https://a.example" },
                            { 2, 3, "https://b.example" }
                        });
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DeleteData(
                        table: "Blogs",
                        keyColumn: "Id",
                        keyValue: 1);

                    migrationBuilder.DeleteData(
                        table: "Blogs",
                        keyColumn: "Id",
                        keyValue: 2);
                }
            }

            /// <inheritdoc />
            [Migration("20240108000000_ChangeSeed")]
            public partial class ChangeSeed : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DeleteData(
                        table: "Blogs",
                        keyColumn: "Id",
                        keyValue: 2);

                    migrationBuilder.UpdateData(
                        table: "Blogs",
                        keyColumn: "Id",
                        keyValue: 1,
                        column: "Url",
                        value: "https://c.example");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.UpdateData(
                        table: "Blogs",
                        keyColumn: "Id",
                        keyValue: 1,
                        column: "Url",
                        value: "https://a.example");

                    migrationBuilder.InsertData(
                        table: "Blogs",
                        columns: new[] { "Id", "Rating", "Url" },
                        values: new object[] { 2, 3, "https://b.example" });
                }
            }

            /// <inheritdoc />
            [Migration("20240109000000_HeadingOptional")]
            public partial class HeadingOptional : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(
                        name: "Heading",
                        table: "Articles",
                        type: "TEXT",
                        nullable: true,
                        oldClrType: typeof(string),
                        oldType: "TEXT");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(
                        name: "Heading",
                        table: "Articles",
                        type: "TEXT",
                        nullable: false,
                        defaultValue: "",
                        oldClrType: typeof(string),
                        oldType: "TEXT",
                        oldNullable: true);
                }
            }

            /// <inheritdoc />
            [Migration("20240110000000_DropRating")]
            public partial class DropRating : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Rating",
                        table: "Blogs");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(
                        name: "Rating",
                        table: "Blogs",
                        type: "INTEGER",
                        nullable: false,
                        defaultValue: 0);
                }
            }

            /// <inheritdoc />
            [Migration("20240111000000_AuditSchema")]
            public partial class AuditSchema : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(
                        name: "audit");

                    migrationBuilder.CreateSequence<int>(
                        name: "EventNumbers",
                        schema: "audit",
                        startValue: 1000L);

                    migrationBuilder.CreateTable(
                        name: "Events",
                        schema: "audit",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            Message = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                            BlogId = table.Column<int>(type: "INTEGER", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Events", x => x.Id);
                            table.ForeignKey(
                                name: "FK_Events_Blogs_BlogId",
                                column: x => x.BlogId,
                                principalTable: "Blogs",
                                principalColumn: "Id",
                                onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_Events_BlogId",
                        schema: "audit",
                        table: "Events",
                        column: "BlogId");

                    migrationBuilder.InsertData(
                        schema: "audit",
                        table: "Events",
                        columns: new[] { "Id", "BlogId", "Message" },
                        values: new object[] { 1, 1, "created" });
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "Events",
                        schema: "audit");

                    migrationBuilder.DropSequence(
                        name: "EventNumbers",
                        schema: "audit");
                }
            }

            /// <inheritdoc />
            [Migration("20240112000000_DropEvents")]
            public partial class DropEvents : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "Events",
                        schema: "audit");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(
                        name: "audit");

                    migrationBuilder.CreateTable(
                        name: "Events",
                        schema: "audit",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            Message = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                            BlogId = table.Column<int>(type: "INTEGER", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Events", x => x.Id);
                            table.ForeignKey(
                                name: "FK_Events_Blogs_BlogId",
                                column: x => x.BlogId,
                                principalTable: "Blogs",
                                principalColumn: "Id",
                                onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_Events_BlogId",
                        schema: "audit",
                        table: "Events",
                        column: "BlogId");
                }
            }

            /// <inheritdoc />
            [Migration("20240113000000_BlogTags")]
            public partial class BlogTags : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new
                        {
                            Name = table.Column<string>(type: "TEXT", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Tags", x => x.Name);
                        });

                    migrationBuilder.CreateTable(
                        name: "BlogTag",
                        columns: table => new
                        {
                            BlogsId = table.Column<int>(type: "INTEGER", nullable: false),
                            TagsName = table.Column<string>(type: "TEXT", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_BlogTag", x => new { x.BlogsId, x.TagsName });
                            table.ForeignKey(
                                name: "FK_BlogTag_Blogs_BlogsId",
                                column: x => x.BlogsId,
                                principalTable: "Blogs",
                                principalColumn: "Id",
                                onDelete: ReferentialAction.Cascade);
                            table.ForeignKey(
                                name: "FK_BlogTag_Tags_TagsName",
                                column: x => x.TagsName,
                                principalTable: "Tags",
                                principalColumn: "Name",
                                onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_BlogTag_TagsName",
                        table: "BlogTag",
                        column: "TagsName");

                    migrationBuilder.AddColumn<int>(
                        name: "TagCount",
                        table: "Blogs",
                        type: "INTEGER",
                        nullable: true);

                    migrationBuilder.CreateIndex(
                        name: "IX_Blogs_TagCount",
                        table: "Blogs",
                        column: "TagCount");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "BlogTag");

                    migrationBuilder.DropTable(
                        name: "Tags");

                    migrationBuilder.DropIndex(
                        name: "IX_Blogs_TagCount",
                        table: "Blogs");

                    migrationBuilder.DropColumn(
                        name: "TagCount",
                        table: "Blogs");
                }
            }
        }
        """;
}
