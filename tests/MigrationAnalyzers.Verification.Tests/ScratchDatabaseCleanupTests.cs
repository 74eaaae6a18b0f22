using System.IO;
using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Tests.Infrastructure;
using MigrationAnalyzers.Verification.Tests.Scenarios.ColumnLeftByDown;
using MigrationAnalyzers.Verification.Tests.Scenarios.CorrectHistory;
using Npgsql;
using Xunit;

namespace MigrationAnalyzers.Verification.Tests;

/// <summary>
/// A verification leaves nothing behind, whether the history passed or failed. Each run's own
/// scratch database is checked by name, so other test assemblies verifying at the same time do not matter.
/// </summary>
public sealed class ScratchDatabaseCleanupTests
{
    [DatabaseFact]
    public async Task Sqlite_TemporaryFileIsDeleted_AfterPassingAndFailingRuns()
    {
        var passed = await TestDatabase.Sqlite.Verifier<CorrectHistoryContext>().WithSampleData().VerifyAsync();
        var failed = await TestDatabase.Sqlite.Verifier<ColumnLeftByDownContext>().VerifyAsync();

        Assert.NotEqual(passed.ScratchDatabase, failed.ScratchDatabase);
        foreach (var report in new[] { passed, failed })
        {
            Assert.StartsWith(Path.GetTempPath(), report.ScratchDatabase);
            Assert.False(File.Exists(report.ScratchDatabase), report.ScratchDatabase);
        }
    }

    [PostgresFact]
    public async Task Postgres_ScratchDatabaseIsDropped_AfterPassingAndFailingRuns()
    {
        var passed = await TestDatabase.Postgres.Verifier<CorrectHistoryContext>().WithSampleData().VerifyAsync();
        var failed = await TestDatabase.Postgres.Verifier<ColumnLeftByDownContext>().VerifyAsync();

        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        foreach (var report in new[] { passed, failed })
        {
            Assert.StartsWith("migration_verification_", report.ScratchDatabase);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
            command.Parameters.AddWithValue("name", report.ScratchDatabase);
            Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        }
    }
}
