namespace MigrationAnalyzers.Tests.CodeFixes;

/// <summary>A baseline migration shared by the fix tests and the round trips that run their fixes on SQLite.</summary>
public static class RoundTripBaseline
{
    /// <summary>The history the Reversibility fixes are tested on and DownRoundTripTests (MigrationAnalyzers.Execution.Tests) runs: Blogs(Id, Title) with its target model, as scaffolded.</summary>
    public const string Source = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace App.Migrations
        {
            [Migration("20240101000000_CreateBlogs")]
            public partial class CreateBlogs : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Blogs",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Blogs", x => x.Id);
                        });
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "Blogs");
                }

                protected override void BuildTargetModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Blog", b =>
                    {
                        b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                        b.Property<string>("Title").IsRequired().HasMaxLength(100).HasColumnType("TEXT");
                        b.HasKey("Id");
                        b.ToTable("Blogs");
                    });
                }
            }
        }
        """;
}
