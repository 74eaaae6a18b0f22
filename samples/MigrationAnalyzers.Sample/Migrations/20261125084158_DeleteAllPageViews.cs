using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrationAnalyzers.Sample.Migrations
{
    /// <inheritdoc />
    public partial class DeleteAllPageViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written into an empty EF-scaffolded migration (no model change).
            // MIG080: DELETE without WHERE wipes the whole table. (MIG046 too: deletes rows, no Sql in Down.)
            migrationBuilder.Sql("DELETE FROM \"PageViews\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo in the schema; the deleted rows cannot be restored.
        }
    }
}
