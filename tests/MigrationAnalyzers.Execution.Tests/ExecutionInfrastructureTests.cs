using System;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>The execution harness itself: a compiled migration really runs and really rolls back.</summary>
public class ExecutionInfrastructureTests
{
    private const string Migrations = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        // SQLite rebuilds a table for DropColumn/AlterColumn from the target model (the .Designer.cs
        // BuildTargetModel), exactly as in a scaffolded project: so the test migrations carry one.
        [Migration("20240101000000_CreateBlogs")]
        public class CreateBlogs : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Blogs",
                    columns: table => new
                    {
                        Id = table.Column<int>(nullable: false),
                        Title = table.Column<string>(nullable: true),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Blogs", x => x.Id);
                    });
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(name: "Blogs");
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Blog", b =>
                {
                    b.Property<int>("Id");
                    b.Property<string>("Title");
                    b.HasKey("Id");
                    b.ToTable("Blogs");
                });
            }
        }

        [Migration("20240102000000_AddRating")]
        public class AddRating : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Blog", b =>
                {
                    b.Property<int>("Id");
                    b.Property<string>("Title");
                    b.Property<int?>("Rating");
                    b.HasKey("Id");
                    b.ToTable("Blogs");
                });
            }
        }
        """;

    [Fact]
    public void Sqlite_MigratesWithRowsAndRollsBack() => MigratesWithRowsAndRollsBack(new SqliteExecutionDatabase());

    [PostgresFact]
    public void Postgres_MigratesWithRowsAndRollsBack() => MigratesWithRowsAndRollsBack(new PostgresExecutionDatabase());

    private static void MigratesWithRowsAndRollsBack(ExecutionDatabase database)
    {
        using (database)
        {
            var assembly = MigrationAssemblyCompiler.Compile(Migrations);
            database.Migrate(assembly, "20240101000000_CreateBlogs");
            database.Execute($"INSERT INTO {database.Quote("Blogs")} ({database.Quote("Id")}, {database.Quote("Title")}) VALUES (1, 'first')");

            database.Migrate(assembly);
            Assert.Equal(new[] { "20240101000000_CreateBlogs", "20240102000000_AddRating" }, database.AppliedMigrations(assembly));
            var row = Assert.Single(database.Query($"SELECT {database.Quote("Title")}, {database.Quote("Rating")} FROM {database.Quote("Blogs")}"));
            Assert.Equal("first", row[0]);
            Assert.Null(row[1]);

            database.Migrate(assembly, "0");
            Assert.Empty(database.AppliedMigrations(assembly));
            Assert.ThrowsAny<Exception>(() => database.Query($"SELECT 1 FROM {database.Quote("Blogs")}"));
        }
    }
}
