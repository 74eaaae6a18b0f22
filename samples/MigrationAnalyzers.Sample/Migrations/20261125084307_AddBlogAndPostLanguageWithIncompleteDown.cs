using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrationAnalyzers.Sample.Migrations
{
    /// <inheritdoc />
    public partial class AddBlogAndPostLanguageWithIncompleteDown : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // MIG042: Down does not drop Posts.Language (its DropColumn was removed by hand).
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Blogs",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // WRONG on purpose (MIG042): the inverse of AddColumn Posts.Language was removed, so rolling
            // back leaves Posts.Language in place.
            migrationBuilder.DropColumn(
                name: "Language",
                table: "Blogs");
        }
    }
}
