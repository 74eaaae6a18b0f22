using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Tests.Infrastructure;
using MigrationAnalyzers.Verification.Tests.Scenarios.ColumnLeftByDown;
using MigrationAnalyzers.Verification.Tests.Scenarios.CorrectHistory;
using Npgsql;
using Xunit;

namespace MigrationAnalyzers.Verification.Tests;

/// <summary>A verification leaves nothing behind, whether the history passed or failed (tests run one at a time).</summary>
public sealed class ScratchDatabaseCleanupTests
{
    [Fact]
    public async Task Sqlite_TemporaryFileIsDeleted_AfterPassingAndFailingRuns()
    {
        var before = SqliteFiles();

        await TestDatabase.Sqlite.Verifier<CorrectHistoryContext>().WithSampleData().VerifyAsync();
        await TestDatabase.Sqlite.Verifier<ColumnLeftByDownContext>().VerifyAsync();

        Assert.Equal(before, SqliteFiles());
    }

    [PostgresFact]
    public async Task Postgres_ScratchDatabaseIsDropped_AfterPassingAndFailingRuns()
    {
        await TestDatabase.Postgres.Verifier<CorrectHistoryContext>().WithSampleData().VerifyAsync();
        await TestDatabase.Postgres.Verifier<ColumnLeftByDownContext>().VerifyAsync();

        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname LIKE 'migration_verification_%'", connection);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    private static HashSet<string> SqliteFiles()
        => new(Directory.GetFiles(Path.GetTempPath(), "migration-verification-*"));
}
