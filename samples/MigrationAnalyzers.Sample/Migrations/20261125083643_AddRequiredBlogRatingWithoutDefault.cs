using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrationAnalyzers.Sample.Migrations
{
    /// <inheritdoc />
    public partial class AddRequiredBlogRatingWithoutDefault : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // EF scaffolded defaultValue: 0 here; removed by hand.
            // MIG020: NOT NULL column added to an existing table with no default: fails as soon as Blogs has a row.
            migrationBuilder.AddColumn<int>(
                name: "Rating",
                table: "Blogs",
                type: "INTEGER",
                nullable: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Rating",
                table: "Blogs");
        }
    }
}
