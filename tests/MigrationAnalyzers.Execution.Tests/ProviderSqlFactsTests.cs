using System;
using System.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// What each REAL provider's SQL generator emits (EF Core 10, Npgsql 10): the facts MIG020–MIG022
/// rest on. No server is needed: the migrator only scripts.
/// </summary>
public class ProviderSqlFactsTests
{
    private const string Migrations = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

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
                        Rating = table.Column<int>(nullable: true),
                    },
                    constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Blog", b =>
                {
                    b.Property<int>("Id");
                    b.Property<int?>("Rating");
                    b.HasKey("Id");
                    b.ToTable("Blogs");
                });
            }
        }

        [Migration("20240102000000_RatingRequired")]
        public class RatingRequired : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AlterColumn<int>(
                    name: "Rating",
                    table: "Blogs",
                    nullable: false,
                    DEFAULT
                    oldClrType: typeof(int),
                    oldNullable: true);
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Blog", b =>
                {
                    b.Property<int>("Id");
                    b.Property<int>("Rating");
                    b.HasKey("Id");
                    b.ToTable("Blogs");
                });
            }
        }

        [Migration("20240103000000_AddScore")]
        public class AddScore : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<int>(
                    name: "Score",
                    table: "Blogs",
                    nullable: false);
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Blog", b =>
                {
                    b.Property<int>("Id");
                    b.Property<int>("Rating");
                    b.Property<int>("Score");
                    b.HasKey("Id");
                    b.ToTable("Blogs");
                });
            }
        }
        """;

    private readonly ITestOutputHelper _output;

    public ProviderSqlFactsTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public enum Provider
    {
        SqlServer,
        PostgreSql,
        Sqlite,
    }

    /// <summary>
    /// AlterColumn nullable → NOT NULL with a defaultValue: every provider turns existing NULLs into
    /// the default itself. SQL Server and PostgreSQL emit <c>UPDATE … SET c = 42 WHERE c IS NULL</c>;
    /// SQLite rebuilds the table and copies the column through <c>IFNULL("Rating", 42)</c>.
    /// </summary>
    [Theory]
    [InlineData(Provider.SqlServer, "UPDATE [Blogs] SET [Rating] = 42 WHERE [Rating] IS NULL")]
    [InlineData(Provider.PostgreSql, "UPDATE \"Blogs\" SET \"Rating\" = 42 WHERE \"Rating\" IS NULL")]
    [InlineData(Provider.Sqlite, "IFNULL(\"Rating\", 42)")]
    public void AlterColumnToNotNullWithDefault_ProviderBackfillsNulls(Provider provider, string expected)
    {
        var sql = Script(provider, "defaultValue: 42,", "20240101000000_CreateBlogs", "20240102000000_RatingRequired");
        Assert.Contains(expected, sql, StringComparison.Ordinal);
    }

    /// <summary>
    /// defaultValueSql: SQL Server and PostgreSQL backfill from it too (<c>UPDATE … SET c = 42 WHERE c IS NULL</c>,
    /// the SQL pasted in), SQLite's rebuild does not (plain copy, which fails on NULLs).
    /// </summary>
    [Theory]
    [InlineData(Provider.SqlServer, true)]
    [InlineData(Provider.PostgreSql, true)]
    [InlineData(Provider.Sqlite, false)]
    public void AlterColumnToNotNullWithDefaultSql_BackfillsOnlyOnServerProviders(Provider provider, bool backfills)
    {
        var sql = Script(provider, "defaultValueSql: \"42\",", "20240101000000_CreateBlogs", "20240102000000_RatingRequired");
        Assert.Equal(backfills, sql.Contains("SET " + Quote(provider, "Rating") + " = 42 WHERE " + Quote(provider, "Rating") + " IS NULL", StringComparison.Ordinal));
        Assert.DoesNotContain("IFNULL", sql, StringComparison.OrdinalIgnoreCase);
    }

    private static string Quote(Provider provider, string name) => provider == Provider.SqlServer ? "[" + name + "]" : "\"" + name + "\"";

    /// <summary>Without a defaultValue no provider backfills: the ALTER (or SQLite's copy) fails on existing NULLs.</summary>
    [Theory]
    [InlineData(Provider.SqlServer)]
    [InlineData(Provider.PostgreSql)]
    [InlineData(Provider.Sqlite)]
    public void AlterColumnToNotNullWithoutDefault_NoBackfill(Provider provider)
    {
        var sql = Script(provider, string.Empty, "20240101000000_CreateBlogs", "20240102000000_RatingRequired");
        Assert.DoesNotContain("UPDATE", sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("IFNULL", sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("COALESCE", sql, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// AddColumn NOT NULL without any default: no provider adds a DEFAULT of its own. SQL Server and
    /// PostgreSQL fail on a table with rows; SQLite rejects the statement even on an empty table
    /// ("Cannot add a NOT NULL column with default value NULL", asserted by the execution tests).
    /// </summary>
    [Theory]
    [InlineData(Provider.SqlServer, "ALTER TABLE [Blogs] ADD [Score] int NOT NULL;")]
    [InlineData(Provider.PostgreSql, "ALTER TABLE \"Blogs\" ADD \"Score\" integer NOT NULL;")]
    [InlineData(Provider.Sqlite, "ALTER TABLE \"Blogs\" ADD \"Score\" INTEGER NOT NULL;")]
    public void AddColumnNotNullWithoutDefault_GeneratedSql(Provider provider, string expected)
    {
        var sql = Script(provider, string.Empty, "20240102000000_RatingRequired", "20240103000000_AddScore");
        Assert.Contains(expected, sql, StringComparison.Ordinal);
    }

    private string Script(Provider provider, string defaultArgument, string from, string to)
    {
        var assembly = MigrationAssemblyCompiler.Compile(Migrations.Replace("DEFAULT", defaultArgument, StringComparison.Ordinal));
        var builder = new DbContextOptionsBuilder();
        _ = provider switch
        {
            Provider.SqlServer => builder.UseSqlServer("Server=."),
            Provider.PostgreSql => builder.UseNpgsql("Host=localhost"),
            _ => builder.UseSqlite("Data Source=:memory:"),
        };
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        var type = assembly.GetType(MigrationAssemblyCompiler.ContextTypeName, throwOnError: true)!;
        using var context = (DbContext)Activator.CreateInstance(type, builder.Options)!;
        var script = context.GetService<IMigrator>().GenerateScript(from, to);
        _output.WriteLine(script);
        return script;
    }
}
