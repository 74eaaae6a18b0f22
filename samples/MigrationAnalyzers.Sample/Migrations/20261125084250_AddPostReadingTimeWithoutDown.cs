using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrationAnalyzers.Sample.Migrations
{
    /// <inheritdoc />
    // MIG040: this migration does not override Down.
    public partial class AddPostReadingTimeWithoutDown : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReadingTimeMinutes",
                table: "Posts",
                type: "INTEGER",
                nullable: true);
        }

        // MIG040: Down removed by hand (EF scaffolded DropColumn "ReadingTimeMinutes"). WRONG on purpose:
        // rolling back this migration throws, because Migration.Down is not overridden.
    }
}
