using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrationAnalyzers.Sample.Migrations
{
    /// <inheritdoc />
    public partial class DropLegacySchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written into an empty EF-scaffolded migration (no model change).
            // MIG007: drops a schema (SQLite has no schemas: EF Core's SQLite provider ignores this operation).
            migrationBuilder.DropSchema(
                name: "legacy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "legacy");
        }
    }
}
