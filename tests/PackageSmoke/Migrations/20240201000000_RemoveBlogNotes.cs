using Microsoft.EntityFrameworkCore.Migrations;

namespace PackageSmoke.Migrations
{
    [Migration("20240201000000_RemoveBlogNotes")]
    public partial class RemoveBlogNotes : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Blogs");

            migrationBuilder.DeleteData(
                table: "Blogs",
                keyColumn: "Id",
                keyValue: 1);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                table: "Blogs",
                columns: new[] { "Id", "Title" },
                values: new object[] { 1, "Seed" });

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Blogs",
                type: "text",
                nullable: true);
        }
    }
}
