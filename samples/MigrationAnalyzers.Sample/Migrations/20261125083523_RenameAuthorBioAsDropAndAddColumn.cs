using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrationAnalyzers.Sample.Migrations
{
    /// <inheritdoc />
    public partial class RenameAuthorBioAsDropAndAddColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // EF scaffolded RenameColumn("Bio" -> "Biography"); edited by hand into drop + add.
            // MIG003: DropColumn + AddColumn of a compatible column on one table is really a rename; every Bio is lost.
            migrationBuilder.DropColumn(
                name: "Bio",
                table: "Authors");

            // MIG003: the added half of the drop + add pair above.
            migrationBuilder.AddColumn<string>(
                name: "Biography",
                table: "Authors",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Schema-correct inverse of the edited Up (the data is gone either way).
            migrationBuilder.DropColumn(
                name: "Biography",
                table: "Authors");

            migrationBuilder.AddColumn<string>(
                name: "Bio",
                table: "Authors",
                type: "TEXT",
                nullable: true);
        }
    }
}
