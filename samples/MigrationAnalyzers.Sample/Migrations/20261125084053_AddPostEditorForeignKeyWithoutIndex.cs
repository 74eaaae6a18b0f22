using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrationAnalyzers.Sample.Migrations
{
    /// <inheritdoc />
    public partial class AddPostEditorForeignKeyWithoutIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EditorId",
                table: "Posts",
                type: "INTEGER",
                nullable: true);

            // MIG060: foreign key Posts.EditorId with no index on EditorId (the model has none: see UnindexedForeignKeyConvention).
            // MIG024: foreign key added to an existing table.
            migrationBuilder.AddForeignKey(
                name: "FK_Posts_Authors_EditorId",
                table: "Posts",
                column: "EditorId",
                principalTable: "Authors",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Posts_Authors_EditorId",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "EditorId",
                table: "Posts");
        }
    }
}
