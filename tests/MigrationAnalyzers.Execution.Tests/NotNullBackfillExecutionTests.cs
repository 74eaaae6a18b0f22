using System;
using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Tests.CodeFixes;
using MigrationAnalyzers.Tests.Verifiers;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// The MIG020/MIG021 and MIG022 fixes on real databases holding rows: the fixed migration (the exact
/// "after" text of the code-fix tests) applies and every row keeps its values, with the documented
/// backfill in the new or tightened columns; the unfixed migration fails on the same data.
/// </summary>
public class NotNullBackfillExecutionTests
{
    private const string Baseline = "20240101000000_CreateBlogs";

    [Fact]
    public void Sqlite_AddNotNullFixed_KeepsRowsAndBackfills() =>
        AddNotNullFixed_KeepsRowsAndBackfills(new SqliteExecutionDatabase(), NotNullColumnWithoutDefaultCodeFixTests.AfterSqlite, 0L);

    [PostgresFact]
    public void Postgres_AddNotNullFixed_KeepsRowsAndBackfills() =>
        AddNotNullFixed_KeepsRowsAndBackfills(new PostgresExecutionDatabase(), NotNullColumnWithoutDefaultCodeFixTests.AfterPostgres, false);

    /// <summary>
    /// Unfixed, SQLite rejects the statement itself ("Cannot add a NOT NULL column with default value NULL");
    /// PostgreSQL fails on the existing rows ("contains null values"). Either way the rows stay as they were.
    /// </summary>
    [Fact]
    public void Sqlite_AddNotNullUnfixed_Fails() =>
        AddNotNullUnfixed_Fails(new SqliteExecutionDatabase(), NotNullColumnWithoutDefaultCodeFixTests.Before, "Cannot add a NOT NULL column with default value NULL");

    [PostgresFact]
    public void Postgres_AddNotNullUnfixed_Fails() =>
        AddNotNullUnfixed_Fails(new PostgresExecutionDatabase(), NotNullColumnWithoutDefaultCodeFixTests.BeforePostgres, "contains null values");

    [Fact]
    public void Sqlite_AlterToNotNullFixed_KeepsRowsAndBackfills() => AlterToNotNullFixed_KeepsRowsAndBackfills(new SqliteExecutionDatabase());

    [PostgresFact]
    public void Postgres_AlterToNotNullFixed_KeepsRowsAndBackfills() => AlterToNotNullFixed_KeepsRowsAndBackfills(new PostgresExecutionDatabase());

    [Fact]
    public void Sqlite_AlterToNotNullUnfixed_Fails() => AlterToNotNullUnfixed_Fails(new SqliteExecutionDatabase(), "NOT NULL constraint failed");

    [PostgresFact]
    public void Postgres_AlterToNotNullUnfixed_Fails() => AlterToNotNullUnfixed_Fails(new PostgresExecutionDatabase(), "contains null values");

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.PostgreSql)]
    public async Task FixedSources_NoDiagnosticFromAnyBackfillRule(DbProvider provider)
    {
        var addFixed = provider == DbProvider.Sqlite ? NotNullColumnWithoutDefaultCodeFixTests.AfterSqlite : NotNullColumnWithoutDefaultCodeFixTests.AfterPostgres;
        foreach (var source in new[] { addFixed, AlterColumnToNotNullCodeFixTests.After })
        {
            var diagnostics = await FixedMigrationRun.AnalyzeAsync(provider, new[] { BaselineFor(source), source },
                new NotNullColumnWithoutDefaultRule(), new PlaceholderDefaultRule(), new AlterColumnToNotNullRule(), new NarrowingAlterColumnRule());
            Assert.Empty(diagnostics);
        }
    }

    private static string BaselineFor(string migration) => migration.Contains("\"Views\"", StringComparison.Ordinal)
        ? FixedMigrationRun.CreateBlogs(("Title", "string"), ("Views", "int"))
        : FixedMigrationRun.CreateBlogs(("Title", "string"));

    private static void AddNotNullFixed_KeepsRowsAndBackfills(ExecutionDatabase database, string fixedSource, object expectedFalse)
    {
        using (database)
        {
            var assembly = MigrationAssemblyCompiler.Compile(FixedMigrationRun.CreateBlogs(("Title", "string")), fixedSource);
            database.Migrate(assembly, Baseline);
            database.Execute($"INSERT INTO {database.Quote("Blogs")} ({database.Quote("Id")}, {database.Quote("Title")}) VALUES (1, 'first'), (2, NULL), (3, 'third')");

            database.Migrate(assembly);

            var rows = database.Query($"SELECT {database.Quote("Id")}, {database.Quote("Title")}, {database.Quote("Rating")}, {database.Quote("Featured")} FROM {database.Quote("Blogs")} ORDER BY {database.Quote("Id")}");
            Assert.Equal(3, rows.Count);
            Assert.Equal(new object?[] { "first", null, "third" }, rows.Select(r => r[1]).ToArray());
            Assert.All(rows, r => Assert.Equal(0L, Convert.ToInt64(r[2], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.All(rows, r => Assert.Equal(expectedFalse, r[3]));

            // The column really is NOT NULL now.
            Assert.ThrowsAny<Exception>(() => database.Execute($"INSERT INTO {database.Quote("Blogs")} ({database.Quote("Id")}, {database.Quote("Rating")}, {database.Quote("Featured")}) VALUES (4, NULL, {(expectedFalse is bool ? "false" : "0")})"));

            // Down's DropColumn still undoes the three steps; the rows survive the round trip.
            database.Migrate(assembly, Baseline);
            Assert.Equal(3, database.Query($"SELECT {database.Quote("Title")} FROM {database.Quote("Blogs")}").Count);
            Assert.ThrowsAny<Exception>(() => database.Query($"SELECT {database.Quote("Rating")} FROM {database.Quote("Blogs")}"));
        }
    }

    private static void AddNotNullUnfixed_Fails(ExecutionDatabase database, string unfixedSource, string error)
    {
        using (database)
        {
            var assembly = MigrationAssemblyCompiler.Compile(FixedMigrationRun.CreateBlogs(("Title", "string")), FixedMigrationRun.Unmarked(unfixedSource));
            database.Migrate(assembly, Baseline);
            database.Execute($"INSERT INTO {database.Quote("Blogs")} ({database.Quote("Id")}, {database.Quote("Title")}) VALUES (1, 'first'), (2, NULL)");

            var exception = Assert.ThrowsAny<Exception>(() => database.Migrate(assembly));
            Assert.Contains(error, exception.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(new[] { Baseline }, database.AppliedMigrations(assembly));
            Assert.Equal(2, database.Query($"SELECT {database.Quote("Title")} FROM {database.Quote("Blogs")}").Count);
        }
    }

    private static void AlterToNotNullFixed_KeepsRowsAndBackfills(ExecutionDatabase database)
    {
        using (database)
        {
            var assembly = MigrationAssemblyCompiler.Compile(FixedMigrationRun.CreateBlogs(("Title", "string"), ("Views", "int")), AlterColumnToNotNullCodeFixTests.After);
            database.Migrate(assembly, Baseline);
            database.Execute($"INSERT INTO {database.Quote("Blogs")} ({database.Quote("Id")}, {database.Quote("Title")}, {database.Quote("Views")}) VALUES (1, 'first', 10), (2, NULL, NULL), (3, 'third', NULL)");

            database.Migrate(assembly);

            var rows = database.Query($"SELECT {database.Quote("Id")}, {database.Quote("Title")}, {database.Quote("Views")} FROM {database.Quote("Blogs")} ORDER BY {database.Quote("Id")}");
            Assert.Equal(new object?[] { "first", string.Empty, "third" }, rows.Select(r => r[1]).ToArray());
            Assert.Equal(new long[] { 10, 0, 0 }, rows.Select(r => Convert.ToInt64(r[2], System.Globalization.CultureInfo.InvariantCulture)).ToArray());

            // Down relaxes again and keeps the values.
            database.Migrate(assembly, Baseline);
            Assert.Equal(3, database.Query($"SELECT {database.Quote("Title")} FROM {database.Quote("Blogs")}").Count);
        }
    }

    private static void AlterToNotNullUnfixed_Fails(ExecutionDatabase database, string error)
    {
        using (database)
        {
            var assembly = MigrationAssemblyCompiler.Compile(FixedMigrationRun.CreateBlogs(("Title", "string"), ("Views", "int")), FixedMigrationRun.Unmarked(AlterColumnToNotNullCodeFixTests.Before));
            database.Migrate(assembly, Baseline);
            database.Execute($"INSERT INTO {database.Quote("Blogs")} ({database.Quote("Id")}, {database.Quote("Title")}, {database.Quote("Views")}) VALUES (1, 'first', 10), (2, NULL, NULL)");

            var exception = Assert.ThrowsAny<Exception>(() => database.Migrate(assembly));
            Assert.Contains(error, exception.Message, StringComparison.OrdinalIgnoreCase);
            var rows = database.Query($"SELECT {database.Quote("Title")}, {database.Quote("Views")} FROM {database.Quote("Blogs")} ORDER BY {database.Quote("Id")}");
            Assert.Equal(2, rows.Count);
            Assert.Null(rows[1][0]);
        }
    }
}
