using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrationAnalyzers.Sample.Migrations
{
    /// <inheritdoc />
    public partial class MakeBlogUrlRequiredWithoutBackfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // EF scaffolded defaultValue: "" here; removed by hand.
            // MIG022: nullable -> NOT NULL with no backfill of existing NULL Urls: fails on the first NULL row.
            migrationBuilder.AlterColumn<string>(
                name: "Url",
                table: "Blogs",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Url",
                table: "Blogs",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");
        }
    }
}
