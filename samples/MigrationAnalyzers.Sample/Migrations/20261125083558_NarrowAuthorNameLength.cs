using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrationAnalyzers.Sample.Migrations
{
    /// <inheritdoc />
    public partial class NarrowAuthorNameLength : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // EF Core's SQLite differ scaffolded an empty Up for HasMaxLength(200) -> HasMaxLength(50) (SQLite
            // stores TEXT either way); this AlterColumn is what EF scaffolds on SQL Server / PostgreSQL.
            // MIG005: narrows Authors.Name from maxLength 200 to 50: longer names are truncated or the ALTER fails
            // on SQL Server and PostgreSQL. SQLite does not enforce lengths, so with this SQLite sample MIG005 is
            // (rightly) silent here; build with migration_analyzers.provider = postgresql to see it.
            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Authors",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Authors",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 50);
        }
    }
}
