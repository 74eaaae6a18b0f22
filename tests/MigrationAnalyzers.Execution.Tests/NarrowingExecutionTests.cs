using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Tests.CodeFixes;
using MigrationAnalyzers.Tests.Verifiers;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// The MIG005 fix on real databases holding rows: the expand/contract migration (the exact "after" text
/// of NarrowingAlterColumnCodeFixTests) converts text → integer and bigint → int keeping every row and
/// value, and its rewritten Down converts back. Unfixed, PostgreSQL refuses the ALTER; SQLite's table
/// rebuild runs and relies on type affinity (asserted as it really behaves).
/// </summary>
public class NarrowingExecutionTests
{
    private const string Baseline = "20240101000000_CreateItems";

    [Fact]
    public void Sqlite_Fixed_ConvertsEveryRowAndDownConvertsBack() => Fixed_ConvertsEveryRowAndDownConvertsBack(new SqliteExecutionDatabase());

    [PostgresFact]
    public void Postgres_Fixed_ConvertsEveryRowAndDownConvertsBack() => Fixed_ConvertsEveryRowAndDownConvertsBack(new PostgresExecutionDatabase());

    [PostgresFact]
    public void Postgres_Unfixed_Fails()
    {
        using var database = new PostgresExecutionDatabase();
        var assembly = MigrationAssemblyCompiler.Compile(NarrowingAlterColumnCodeFixTests.CreateItems, FixedMigrationRun.Unmarked(NarrowingAlterColumnCodeFixTests.Before));
        database.Migrate(assembly, Baseline);
        Insert(database);

        var exception = Assert.ThrowsAny<Exception>(() => database.Migrate(assembly));
        Assert.Contains("cannot be cast automatically", exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new[] { Baseline }, database.AppliedMigrations(assembly));
        Assert.Equal(3, database.Query("SELECT \"Code\" FROM \"Items\"").Count);
    }

    /// <summary>
    /// What really happens unfixed on SQLite: the AlterColumn rebuild copies the rows as they are; the
    /// INTEGER affinity turns numeric text into integers, so nothing fails and these values survive.
    /// (A non-numeric text would stay text in an INTEGER column: nothing checks it.)
    /// </summary>
    [Fact]
    public void Sqlite_Unfixed_RebuildCopiesRowsUnchecked()
    {
        using var database = new SqliteExecutionDatabase();
        var assembly = MigrationAssemblyCompiler.Compile(NarrowingAlterColumnCodeFixTests.CreateItems, FixedMigrationRun.Unmarked(NarrowingAlterColumnCodeFixTests.Before));
        database.Migrate(assembly, Baseline);
        Insert(database);
        database.Execute("INSERT INTO \"Items\" (\"Id\", \"Code\", \"Score\") VALUES (4, 'abc', 1)");

        database.Migrate(assembly);

        var rows = database.Query("SELECT \"Code\", typeof(\"Code\") FROM \"Items\" ORDER BY \"Id\"");
        Assert.Equal(new object?[] { 7L, null, 42L, "abc" }, rows.Select(r => r[0]).ToArray());
        Assert.Equal("text", rows[3][1]);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.PostgreSql)]
    public async Task FixedSource_NoDiagnosticFromTheRules(DbProvider provider)
    {
        var diagnostics = await FixedMigrationRun.AnalyzeAsync(provider, new[] { NarrowingAlterColumnCodeFixTests.CreateItems, NarrowingAlterColumnCodeFixTests.After },
            new NarrowingAlterColumnRule(), new NotNullColumnWithoutDefaultRule(), new PlaceholderDefaultRule(), new AlterColumnToNotNullRule());
        Assert.Empty(diagnostics);
    }

    private static void Insert(ExecutionDatabase database) =>
        database.Execute("INSERT INTO \"Items\" (\"Id\", \"Code\", \"Score\") VALUES (1, '7', 5), (2, NULL, 12), (3, '42', -1)");

    private static void Fixed_ConvertsEveryRowAndDownConvertsBack(ExecutionDatabase database)
    {
        using (database)
        {
            var assembly = MigrationAssemblyCompiler.Compile(NarrowingAlterColumnCodeFixTests.CreateItems, NarrowingAlterColumnCodeFixTests.After);
            database.Migrate(assembly, Baseline);
            Insert(database);

            database.Migrate(assembly);

            var rows = database.Query("SELECT \"Id\", \"Code\", \"Score\" FROM \"Items\" ORDER BY \"Id\"");
            Assert.Equal(new long[] { 1, 2, 3 }, rows.Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToArray());
            Assert.Equal(new long?[] { 7, null, 42 }, rows.Select(r => r[1] is null ? (long?)null : Convert.ToInt64(r[1], CultureInfo.InvariantCulture)).ToArray());
            Assert.IsNotType<string>(rows[0][1]);
            Assert.Equal(new long[] { 5, 12, -1 }, rows.Select(r => Convert.ToInt64(r[2], CultureInfo.InvariantCulture)).ToArray());
            Assert.ThrowsAny<Exception>(() => database.Execute("INSERT INTO \"Items\" (\"Id\", \"Code\", \"Score\") VALUES (9, 1, NULL)"));

            // The rewritten Down converts back: text codes, bigint scores, same rows.
            database.Migrate(assembly, Baseline);
            var back = database.Query("SELECT \"Code\", \"Score\" FROM \"Items\" ORDER BY \"Id\"");
            Assert.Equal(new object?[] { "7", null, "42" }, back.Select(r => r[0]).ToArray());
            Assert.Equal(new long[] { 5, 12, -1 }, back.Select(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture)).ToArray());
        }
    }
}
