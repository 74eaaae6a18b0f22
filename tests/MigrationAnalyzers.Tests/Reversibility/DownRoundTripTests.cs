using MigrationAnalyzers.Tests.CodeFixes;

namespace MigrationAnalyzers.Tests.Reversibility;

/// <summary>
/// The Down that each Reversibility fix writes, run by EF Core's migrator on a real SQLite database:
/// the schema after Up then Down equals the schema before Up.
/// </summary>
public class DownRoundTripTests
{
    /// <summary>The history every round trip starts from: Blogs(Id, Title) with its target model, as scaffolded.</summary>
    public const string Baseline = """
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

    public const string Previous = "20240101000000_CreateBlogs";

    [Fact]
    public void Mig040_GeneratedDown_RestoresPreviousSchema()
    {
        const string designer = """
            using Microsoft.EntityFrameworkCore;

            namespace App.Migrations
            {
                public partial class AddRating
                {
                    protected override void BuildTargetModel(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity("Blog", b =>
                        {
                            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                            b.Property<string>("Name").IsRequired().HasMaxLength(100).HasColumnType("TEXT");
                            b.Property<int>("Rating").HasColumnType("INTEGER");
                            b.HasKey("Id");
                            b.HasIndex("Rating");
                            b.ToTable("Blogs");
                        });
                    }
                }
            }
            """;
        var (before, afterUp, afterDown) = SqliteSchema.RoundTrip(Previous, Baseline, DownMissingCodeFixTests.FixedSource, designer);
        Assert.NotEqual(before, afterUp);
        Assert.Contains("IX_Blogs_Rating", afterUp);
        Assert.Equal(before, afterDown);

        // Unfixed, EF's Migration.Down throws: the rollback fails.
        Assert.ThrowsAny<System.Exception>(() => SqliteSchema.RoundTrip(Previous, Baseline, Unmarked(DownMissingCodeFixTests.Source), designer));
    }

    /// <summary>A verifier source without its <c>{|#0:…|}</c> markup, for the compiler.</summary>
    public static string Unmarked(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, @"\{\|#\d+:|\|\}", string.Empty);
}
