using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrationAnalyzers.Sample.Migrations
{
    /// <inheritdoc />
    public partial class AddIndexOnPostPublishedOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Posts_PublishedOn",
                table: "Posts",
                column: "PublishedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_PublishedOn",
                table: "Posts");
        }
    }
}
