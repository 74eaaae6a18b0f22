using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrationAnalyzers.Sample.Migrations
{
    /// <inheritdoc />
    public partial class DropLegacyNotesColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // MIG002: drops a column with data (EF scaffolds this when a property is removed).
            migrationBuilder.DropColumn(
                name: "LegacyNotes",
                table: "Blogs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LegacyNotes",
                table: "Blogs",
                type: "TEXT",
                nullable: true);
        }
    }
}
