using System;
using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Rules;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Tests.CodeFixes;
using MigrationAnalyzers.Tests.Rules;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// MIG003/MIG004 fixes proven on real databases with EF Core's migrator: a baseline migration
/// creates the table, rows go in (NULLs included), then the FIXED migration (the exact output the
/// code-fix tests verify) keeps every row and value under the new name and Down brings them back
/// under the old one, while the UNFIXED drop + add loses them on the same setup.
/// </summary>
public class RenameExecutionTests
{
    private const string CreatePeople = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_CreatePeople")]
        public class CreatePeople : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "People",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                        EmailAddress = table.Column<string>(type: "TEXT", nullable: false),
                        Age = table.Column<int>(type: "INTEGER", nullable: false),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_People", x => x.Id);
                    });
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(name: "People");
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Person", b =>
                {
                    b.Property<int>("Id").ValueGeneratedNever();
                    b.Property<string>("Name").HasMaxLength(100).HasColumnType("TEXT");
                    b.Property<string>("EmailAddress").IsRequired().HasColumnType("TEXT");
                    b.Property<int>("Age").HasColumnType("INTEGER");
                    b.HasKey("Id");
                    b.ToTable("People");
                });
            }
        }
        """;

    // The .Designer.cs half of the migrations under test: SQLite rebuilds tables from it.
    private const string RenameNameDesigner = """
        using Microsoft.EntityFrameworkCore;

        public partial class RenameName
        {
            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Person", b =>
                {
                    b.Property<int>("Id").ValueGeneratedNever();
                    b.Property<string>("FullName").HasColumnType("TEXT");
                    b.Property<string>("EmailAddress").IsRequired().HasColumnType("TEXT");
                    b.Property<int>("Age").HasColumnType("INTEGER");
                    b.HasKey("Id");
                    b.ToTable("People");
                });
            }
        }
        """;

    private const string RenameTwoDesigner = """
        using Microsoft.EntityFrameworkCore;

        public partial class RenameTwo
        {
            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Person", b =>
                {
                    b.Property<int>("Id").ValueGeneratedNever();
                    b.Property<string>("FullName").HasMaxLength(200).HasColumnType("TEXT");
                    b.Property<string>("Email").IsRequired().HasColumnType("TEXT");
                    b.Property<int>("Age").HasColumnType("INTEGER");
                    b.HasKey("Id");
                    b.ToTable("People");
                });
            }
        }
        """;

    private const string CreatePosts = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_CreatePosts")]
        public class CreatePosts : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Posts",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                        Views = table.Column<int>(type: "INTEGER", nullable: false)
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Posts", x => x.Id);
                    });

                migrationBuilder.CreateIndex(
                    name: "IX_Posts_Title",
                    table: "Posts",
                    column: "Title");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(name: "Posts");
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Post", b =>
                {
                    b.Property<int>("Id").ValueGeneratedNever();
                    b.Property<string>("Title").HasMaxLength(200).HasColumnType("TEXT");
                    b.Property<int>("Views").HasColumnType("INTEGER");
                    b.HasKey("Id");
                    b.HasIndex("Title");
                    b.ToTable("Posts");
                });
            }
        }
        """;

    private const string RenamePostsDesigner = """
        using Microsoft.EntityFrameworkCore;

        public partial class RenamePosts
        {
            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Article", b =>
                {
                    b.Property<int>("Id").ValueGeneratedNever();
                    b.Property<string>("Title").HasMaxLength(200).HasColumnType("TEXT");
                    b.Property<int>("Views").HasColumnType("INTEGER");
                    b.HasKey("Id");
                    b.HasIndex("Title");
                    b.ToTable("Articles");
                });
            }
        }
        """;

    private static readonly object?[][] People =
    {
        new object?[] { 1L, "Ada Lovelace", "ada@example.com", 36L },
        new object?[] { 2L, null, "nobody@example.com", 0L },
        new object?[] { 3L, "Grace Hopper", "grace@example.com", 85L },
    };

    private static readonly object?[][] Posts =
    {
        new object?[] { 1L, "Hello", 10L },
        new object?[] { 2L, null, 0L },
        new object?[] { 3L, "World", 7L },
    };

    [Fact]
    public void Sqlite_ColumnRename_FixedKeepsValuesUnfixedLosesThem() => ColumnRename(() => new SqliteExecutionDatabase());

    [PostgresFact]
    public void Postgres_ColumnRename_FixedKeepsValuesUnfixedLosesThem() => ColumnRename(() => new PostgresExecutionDatabase());

    [Fact]
    public void Sqlite_ColumnRenameWithAlterColumn_FixedKeepsValuesUnfixedLosesThem() => ColumnRenameWithAlter(() => new SqliteExecutionDatabase());

    [PostgresFact]
    public void Postgres_ColumnRenameWithAlterColumn_FixedKeepsValuesUnfixedLosesThem() => ColumnRenameWithAlter(() => new PostgresExecutionDatabase());

    [Fact]
    public void Sqlite_TableRename_FixedKeepsRowsUnfixedLosesThem() => TableRename(() => new SqliteExecutionDatabase());

    [PostgresFact]
    public void Postgres_TableRename_FixedKeepsRowsUnfixedLosesThem() => TableRename(() => new PostgresExecutionDatabase());

    private static void ColumnRename(Func<ExecutionDatabase> open)
    {
        const string target = "20240201000000_RenameName";
        using (var database = open())
        {
            var assembly = MigrationAssemblyCompiler.Compile(CreatePeople, ColumnRenameCodeFixTests.Fixed, RenameNameDesigner);
            SeedPeople(database, assembly);
            database.Migrate(assembly, target);
            Assert.Equal(People.Select(p => new[] { p[0], p[1] }), Normalize(database.Query(Select(database, "People", "Id", "FullName"))));
            Assert.ThrowsAny<Exception>(() => database.Query(Select(database, "People", "Name")));

            // Down renames back: the values return under the old name.
            database.Migrate(assembly, "20240101000000_CreatePeople");
            Assert.Equal(People.Select(p => new[] { p[0], p[1] }), Normalize(database.Query(Select(database, "People", "Id", "Name"))));
        }

        using (var database = open())
        {
            var assembly = MigrationAssemblyCompiler.Compile(CreatePeople, Unmarked(ColumnRenameCodeFixTests.Unfixed), RenameNameDesigner);
            SeedPeople(database, assembly);
            database.Migrate(assembly, target);
            Assert.All(database.Query(Select(database, "People", "FullName")), row => Assert.Null(row[0]));
        }
    }

    private static void ColumnRenameWithAlter(Func<ExecutionDatabase> open)
    {
        const string target = "20240201000000_RenameTwo";
        using (var database = open())
        {
            var assembly = MigrationAssemblyCompiler.Compile(CreatePeople, Partial(ColumnRenameCodeFixTests.RenameTwoFixed), RenameTwoDesigner);
            SeedPeople(database, assembly);
            database.Migrate(assembly, target);
            Assert.Equal(People, Normalize(database.Query(Select(database, "People", "Id", "FullName", "Email", "Age"))));

            database.Migrate(assembly, "20240101000000_CreatePeople");
            Assert.Equal(People, Normalize(database.Query(Select(database, "People", "Id", "Name", "EmailAddress", "Age"))));
        }

        using (var database = open())
        {
            var assembly = MigrationAssemblyCompiler.Compile(CreatePeople, Partial(Unmarked(ColumnRenameCodeFixTests.RenameTwoUnfixed)), RenameTwoDesigner);
            SeedPeople(database, assembly);
            database.Migrate(assembly, target);
            var rows = database.Query(Select(database, "People", "FullName", "Email"));
            Assert.Equal(3, rows.Count);
            Assert.All(rows, row => Assert.Null(row[0]));
            Assert.All(rows, row => Assert.Equal(string.Empty, row[1]));
        }
    }

    private static void TableRename(Func<ExecutionDatabase> open)
    {
        const string target = "20240201000000_RenamePosts";
        using (var database = open())
        {
            var assembly = MigrationAssemblyCompiler.Compile(CreatePosts, TableRenameCodeFixTests.Fixed, RenamePostsDesigner);
            SeedPosts(database, assembly);
            database.Migrate(assembly, target);
            Assert.Equal(Posts, Normalize(database.Query(Select(database, "Articles", "Id", "Title", "Views"))));
            Assert.ThrowsAny<Exception>(() => database.Query(Select(database, "Posts", "Id")));

            database.Migrate(assembly, "20240101000000_CreatePosts");
            Assert.Equal(Posts, Normalize(database.Query(Select(database, "Posts", "Id", "Title", "Views"))));
        }

        using (var database = open())
        {
            var assembly = MigrationAssemblyCompiler.Compile(CreatePosts, Unmarked(TableRenameRuleTests.DropAndCreate), RenamePostsDesigner);
            SeedPosts(database, assembly);
            database.Migrate(assembly, target);
            Assert.Empty(database.Query(Select(database, "Articles", "Id")));
        }
    }

    private const string CreateBlogsAndPosts = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_Initial")]
        public class Initial : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Blogs",
                    columns: table => new { Id = table.Column<int>(type: "INTEGER", nullable: false) },
                    constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));

                migrationBuilder.CreateTable(
                    name: "Posts",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        BlogId = table.Column<int>(type: "INTEGER", nullable: false),
                        Body = table.Column<string>(type: "TEXT", nullable: true),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Posts", x => x.Id);
                        table.ForeignKey("FK_Posts_Blogs_BlogId", x => x.BlogId, "Blogs", "Id", onDelete: ReferentialAction.Cascade);
                    });

                migrationBuilder.CreateIndex(name: "IX_Posts_BlogId", table: "Posts", column: "BlogId");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(name: "Posts");
                migrationBuilder.DropTable(name: "Blogs");
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Blog", b =>
                {
                    b.Property<int>("Id").ValueGeneratedNever().HasColumnType("INTEGER");
                    b.HasKey("Id");
                    b.ToTable("Blogs");
                });
                modelBuilder.Entity("Post", b =>
                {
                    b.Property<int>("Id").ValueGeneratedNever().HasColumnType("INTEGER");
                    b.Property<int>("BlogId").HasColumnType("INTEGER");
                    b.Property<string>("Body").HasColumnType("TEXT");
                    b.HasKey("Id");
                    b.HasIndex("BlogId");
                    b.ToTable("Posts");
                    b.HasOne("Blog", null).WithMany().HasForeignKey("BlogId").OnDelete(DeleteBehavior.Cascade).IsRequired();
                });
            }
        }
        """;

    /// <summary>EF's drop + create for Post mapped to "Articles" (no Down re-create: the fix reads the history), with a target model.</summary>
    private const string RenamePostsWithForeignKey = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_Articles")]
        public class Articles : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(
                    name: "Posts");

                migrationBuilder.CreateTable(
                    name: "Articles",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        BlogId = table.Column<int>(type: "INTEGER", nullable: false),
                        Body = table.Column<string>(type: "TEXT", nullable: true)
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Articles", x => x.Id);
                        table.ForeignKey(
                            name: "FK_Articles_Blogs_BlogId",
                            column: x => x.BlogId,
                            principalTable: "Blogs",
                            principalColumn: "Id",
                            onDelete: ReferentialAction.Cascade);
                    });

                migrationBuilder.CreateIndex(
                    name: "IX_Articles_BlogId",
                    table: "Articles",
                    column: "BlogId");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(
                    name: "Articles");

                migrationBuilder.CreateTable(
                    name: "Posts",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        BlogId = table.Column<int>(type: "INTEGER", nullable: false),
                        Body = table.Column<string>(type: "TEXT", nullable: true)
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Posts", x => x.Id);
                        table.ForeignKey(
                            name: "FK_Posts_Blogs_BlogId",
                            column: x => x.BlogId,
                            principalTable: "Blogs",
                            principalColumn: "Id",
                            onDelete: ReferentialAction.Cascade);
                    });

                migrationBuilder.CreateIndex(
                    name: "IX_Posts_BlogId",
                    table: "Posts",
                    column: "BlogId");
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Blog", b =>
                {
                    b.Property<int>("Id").ValueGeneratedNever().HasColumnType("INTEGER");
                    b.HasKey("Id");
                    b.ToTable("Blogs");
                });
                modelBuilder.Entity("Post", b =>
                {
                    b.Property<int>("Id").ValueGeneratedNever().HasColumnType("INTEGER");
                    b.Property<int>("BlogId").HasColumnType("INTEGER");
                    b.Property<string>("Body").HasColumnType("TEXT");
                    b.HasKey("Id");
                    b.HasIndex("BlogId");
                    b.ToTable("Articles");
                    b.HasOne("Blog", null).WithMany().HasForeignKey("BlogId").OnDelete(DeleteBehavior.Cascade).IsRequired();
                });
            }
        }
        """;

    private static readonly object?[][] BlogPosts =
    {
        new object?[] { 1L, 1L, "first" },
        new object?[] { 2L, 1L, null },
        new object?[] { 3L, 2L, "third" },
    };

    [Fact]
    public Task Sqlite_TableRenameWithForeignKeyAppliedByTheFix_KeepsRowsAndForeignKey() => TableRenameWithForeignKey(() => new SqliteExecutionDatabase());

    [PostgresFact]
    public Task Postgres_TableRenameWithForeignKeyAppliedByTheFix_KeepsRowsAndForeignKey() => TableRenameWithForeignKey(() => new PostgresExecutionDatabase());

    private static async Task TableRenameWithForeignKey(Func<ExecutionDatabase> open)
    {
        var fixedSources = await CodeFixApplier.ApplyAsync(new TableRenameRule(), new TableRenameCodeFix(), CreateBlogsAndPosts, RenamePostsWithForeignKey);
        Assert.Contains("RenameTable(", fixedSources[1]);
        Assert.DoesNotContain("DropTable(", fixedSources[1]);
        using (var database = open())
        {
            var assembly = MigrationAssemblyCompiler.Compile(fixedSources);
            database.Migrate(assembly, "20240101000000_Initial");
            database.Execute($"INSERT INTO {database.Quote("Blogs")} ({database.Quote("Id")}) VALUES (1), (2)");
            foreach (var post in BlogPosts)
            {
                var body = post[2] is string text ? "'" + text + "'" : "NULL";
                database.Execute($"INSERT INTO {database.Quote("Posts")} ({database.Quote("Id")}, {database.Quote("BlogId")}, {database.Quote("Body")}) VALUES ({post[0]}, {post[1]}, {body})");
            }

            database.Migrate(assembly);
            Assert.Equal(BlogPosts, Normalize(database.Query(Select(database, "Articles", "Id", "BlogId", "Body"))));

            // The foreign key survived the rename: a row pointing at no blog is refused.
            if (database is SqliteExecutionDatabase)
            {
                database.Execute("PRAGMA foreign_keys = ON");
            }

            Assert.ThrowsAny<Exception>(() => database.Execute($"INSERT INTO {database.Quote("Articles")} ({database.Quote("Id")}, {database.Quote("BlogId")}) VALUES (9, 99)"));

            database.Migrate(assembly, "20240101000000_Initial");
            Assert.Equal(BlogPosts, Normalize(database.Query(Select(database, "Posts", "Id", "BlogId", "Body"))));
        }
    }

    /// <summary>Positional arguments, a widening int → long, Down as EF writes it: a shape no code-fix test spells out.</summary>
    private const string AgeInYears = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_AgeInYears")]
        public class AgeInYears : Migration
        {
            protected override void Up(MigrationBuilder mb)
            {
                mb.DropColumn("Age", "People");
                mb.AddColumn<long>("AgeInYears", "People", "INTEGER", nullable: false, defaultValue: 0L);
            }

            protected override void Down(MigrationBuilder mb)
            {
                mb.DropColumn("AgeInYears", "People");
                mb.AddColumn<int>("Age", "People", "INTEGER", nullable: false, defaultValue: 0);
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Person", b =>
                {
                    b.Property<int>("Id").ValueGeneratedNever();
                    b.Property<string>("Name").HasMaxLength(100).HasColumnType("TEXT");
                    b.Property<string>("EmailAddress").IsRequired().HasColumnType("TEXT");
                    b.Property<long>("AgeInYears").HasColumnType("INTEGER");
                    b.HasKey("Id");
                    b.ToTable("People");
                });
            }
        }
        """;

    [Fact]
    public Task Sqlite_WideningColumnRenameAppliedByTheFix_KeepsValues() => WideningColumnRename(() => new SqliteExecutionDatabase());

    [PostgresFact]
    public Task Postgres_WideningColumnRenameAppliedByTheFix_KeepsValues() => WideningColumnRename(() => new PostgresExecutionDatabase());

    private static async Task WideningColumnRename(Func<ExecutionDatabase> open)
    {
        var fixedSources = await CodeFixApplier.ApplyAsync(new ColumnRenameRule(), new ColumnRenameCodeFix(), CreatePeople, AgeInYears);
        Assert.Contains("AlterColumn<long>(", fixedSources[1]);
        Assert.DoesNotContain("DropColumn(", fixedSources[1]);
        using var database = open();
        var assembly = MigrationAssemblyCompiler.Compile(fixedSources);
        SeedPeople(database, assembly);
        database.Migrate(assembly);
        Assert.Equal(People, Normalize(database.Query(Select(database, "People", "Id", "Name", "EmailAddress", "AgeInYears"))));

        database.Migrate(assembly, "20240101000000_CreatePeople");
        Assert.Equal(People, Normalize(database.Query(Select(database, "People", "Id", "Name", "EmailAddress", "Age"))));
    }

    private static void SeedPeople(ExecutionDatabase database, System.Reflection.Assembly assembly)
    {
        database.Migrate(assembly, "20240101000000_CreatePeople");
        foreach (var person in People)
        {
            var name = person[1] is string text ? "'" + text + "'" : "NULL";
            database.Execute($"INSERT INTO {database.Quote("People")} ({database.Quote("Id")}, {database.Quote("Name")}, {database.Quote("EmailAddress")}, {database.Quote("Age")}) VALUES ({person[0]}, {name}, '{person[2]}', {person[3]})");
        }
    }

    private static void SeedPosts(ExecutionDatabase database, System.Reflection.Assembly assembly)
    {
        database.Migrate(assembly, "20240101000000_CreatePosts");
        foreach (var post in Posts)
        {
            var title = post[1] is string text ? "'" + text + "'" : "NULL";
            database.Execute($"INSERT INTO {database.Quote("Posts")} ({database.Quote("Id")}, {database.Quote("Title")}, {database.Quote("Views")}) VALUES ({post[0]}, {title}, {post[2]})");
        }
    }

    private static string Select(ExecutionDatabase database, string table, params string[] columns) =>
        $"SELECT {string.Join(", ", columns.Select(database.Quote))} FROM {database.Quote(table)} ORDER BY 1";

    /// <summary>Integers as long whatever the provider returns (SQLite: long, PostgreSQL: int).</summary>
    private static object?[][] Normalize(System.Collections.Generic.List<object?[]> rows) =>
        rows.Select(row => row.Select(v => v is int i ? (long)i : v).ToArray()).ToArray();

    /// <summary>The analyzer-test source without its diagnostic markup.</summary>
    private static string Unmarked(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, @"\{\|#\d+:|\|\}", string.Empty);

    private static string Partial(string source) => source.Replace("public class ", "public partial class ");
}
