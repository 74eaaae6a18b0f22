using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Rules;
using MigrationAnalyzers.Rules;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// The MIG021 fix over every placeholder EF scaffolds, applied by the real fixer and executed on a
/// table with rows: each literal the fix writes is accepted by the provider and lands as the CLR
/// default EF would read back.
/// </summary>
public class PlaceholderBackfillExecutionTests
{
    private static readonly (string Name, string ClrType, string Sqlite, string Postgres, string Default, string Expected)[] Columns =
    {
        ("I", "int", "INTEGER", "integer", "0", "0"),
        ("M", "decimal", "TEXT", "numeric(18,2)", "0m", "0"),
        ("S", "string", "TEXT", "text", "\"\"", ""),
        ("B", "bool", "INTEGER", "boolean", "false", "False"),
        ("D", "double", "REAL", "double precision", "0.0", "0"),
        ("Dt", "DateTime", "TEXT", "timestamp without time zone", "new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified)", "0001-01-01"),
        ("G", "Guid", "TEXT", "uuid", "new Guid(\"00000000-0000-0000-0000-000000000000\")", "00000000-0000-0000-0000-000000000000"),
        ("Dto", "DateTimeOffset", "TEXT", "timestamp with time zone", "new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0))", "0001-01-01"),
        ("Ts", "TimeSpan", "TEXT", "interval", "new TimeSpan(0, 0, 0, 0, 0)", "00:00:00"),
        ("Do", "DateOnly", "TEXT", "date", "new DateOnly(1, 1, 1)", "0001-01-01"),
        ("To", "TimeOnly", "TEXT", "time without time zone", "new TimeOnly(0, 0, 0)", "00:00:00"),
        ("Bytes", "byte[]", "BLOB", "bytea", "new byte[0]", "(0 bytes)"),
    };

    private readonly ITestOutputHelper _output;

    public PlaceholderBackfillExecutionTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public Task Sqlite_EveryPlaceholderBackfills() => EveryPlaceholderBackfills(new SqliteExecutionDatabase(), "sqlite");

    [PostgresFact]
    public Task Postgres_EveryPlaceholderBackfills() => EveryPlaceholderBackfills(new PostgresExecutionDatabase(), "postgresql");

    private async Task EveryPlaceholderBackfills(ExecutionDatabase database, string provider)
    {
        using (database)
        {
            var baseline = FixedMigrationRun.CreateBlogs(("Title", "string"));
            var migration = Migration(provider);
            var fixedSource = await CodeFixRunner.FixAsync(migration, provider, new PlaceholderDefaultRule(), new NotNullColumnWithoutDefaultCodeFix(), baseline);
            _output.WriteLine(fixedSource);
            Assert.Equal(Columns.Length, fixedSource.Split("Existing rows get").Length - 1);

            var assembly = MigrationAssemblyCompiler.Compile(baseline, fixedSource);
            database.Migrate(assembly, "20240101000000_CreateBlogs");
            database.Execute($"INSERT INTO {database.Quote("Blogs")} ({database.Quote("Id")}, {database.Quote("Title")}) VALUES (1, 'first'), (2, NULL)");

            database.Migrate(assembly);

            var select = string.Join(", ", Columns.Select(c => database.Quote(c.Name)));
            var rows = database.Query($"SELECT {database.Quote("Title")}, {select} FROM {database.Quote("Blogs")} ORDER BY {database.Quote("Id")}");
            Assert.Equal(new object?[] { "first", null }, rows.Select(r => r[0]).ToArray());
            foreach (var row in rows)
            {
                for (var i = 0; i < Columns.Length; i++)
                {
                    // SQLite stores booleans as INTEGER 0/1 (EF reads 0 as false).
                    var expected = provider == "sqlite" && Columns[i].ClrType == "bool" ? "0" : Columns[i].Expected;
                    Assert.True(Normalize(row[i + 1]).StartsWith(expected, StringComparison.Ordinal), $"{Columns[i].Name}: {Normalize(row[i + 1])}");
                }
            }
        }
    }

    private static string Normalize(object? value) => value switch
    {
        null => "NULL",
        byte[] bytes => "(" + bytes.Length.ToString(CultureInfo.InvariantCulture) + " bytes)",
        bool b => b ? "True" : "False",
        long l when l is 0 or 1 => l == 0 ? "0" : "1",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        Guid g => g.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!.ToLowerInvariant(),
    };

    private static string Migration(string provider)
    {
        var sqlite = provider == "sqlite";
        var adds = string.Join("\n\n", Columns.Select(c => $$"""
                    migrationBuilder.AddColumn<{{c.ClrType}}>(
                        name: "{{c.Name}}",
                        table: "Blogs",
                        type: "{{(sqlite ? c.Sqlite : c.Postgres)}}",
                        nullable: false,
                        defaultValue: {{c.Default}});
            """));
        var properties = string.Join("\n", Columns.Select(c => $"                b.Property<{c.ClrType}>(\"{c.Name}\").HasColumnType(\"{(sqlite ? c.Sqlite : c.Postgres)}\");"));
        return $$"""
            using System;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_AddRequiredColumns")]
            public class AddRequiredColumns : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
            {{adds}}
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }

                protected override void BuildTargetModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Blog", b =>
                    {
                        b.Property<int>("Id");
                        b.Property<string>("Title");
            {{properties}}
                        b.HasKey("Id");
                        b.ToTable("Blogs");
                    });
                }
            }
            """;
    }
}
