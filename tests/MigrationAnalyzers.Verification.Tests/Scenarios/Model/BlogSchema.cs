using Microsoft.EntityFrameworkCore.Migrations;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.Model;

/// <summary>
/// Migration operations the scenarios' hand-written migrations are made of. No store types are
/// given, so each provider maps the CLR types itself and one history runs on SQLite and PostgreSQL.
/// </summary>
public static class BlogSchema
{
    public static void CreateBlogsAndPosts(MigrationBuilder migrationBuilder, bool withSummary)
    {
        migrationBuilder.CreateTable(
            name: "Blogs",
            columns: table => new
            {
                Id = GeneratedKeys.Column(table),
                Name = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Posts",
            columns: table => new
            {
                Id = GeneratedKeys.Column(table),
                BlogId = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Posts", x => x.Id);
                table.ForeignKey("FK_Posts_Blogs_BlogId", x => x.BlogId, "Blogs", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_Posts_BlogId", table: "Posts", column: "BlogId");
        if (withSummary)
        {
            AddSummary(migrationBuilder);
        }
    }

    public static void DropBlogsAndPosts(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Posts");
        migrationBuilder.DropTable(name: "Blogs");
    }

    public static void AddSummary(MigrationBuilder migrationBuilder)
        => migrationBuilder.AddColumn<string>(name: "Summary", table: "Posts", nullable: true);

    public static void DropSummary(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropColumn(name: "Summary", table: "Posts");

    public static void AddRating(MigrationBuilder migrationBuilder)
        => migrationBuilder.AddColumn<int>(name: "Rating", table: "Posts", nullable: true);

    public static void DropRating(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropColumn(name: "Rating", table: "Posts");

    public static void CreateTitleIndex(MigrationBuilder migrationBuilder)
        => migrationBuilder.CreateIndex(name: "IX_Posts_Title", table: "Posts", column: "Title", unique: true);

    public static void DropTitleIndex(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropIndex(name: "IX_Posts_Title", table: "Posts");

    public static void DropBlogIdIndex(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropIndex(name: "IX_Posts_BlogId", table: "Posts");

    public static void CreateTags(MigrationBuilder migrationBuilder)
        => migrationBuilder.CreateTable(
            name: "Tags",
            columns: table => new
            {
                Id = GeneratedKeys.Column(table),
                Label = table.Column<string>(maxLength: 50, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));

    public static void DropTags(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropTable(name: "Tags");
}
