using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MigrationAnalyzers.Verification.Tests.Infrastructure;
using MigrationAnalyzers.Verification.Tests.Scenarios.HalfApplied;
using Xunit;

namespace MigrationAnalyzers.Verification.Tests;

/// <summary>
/// The provider fact behind MIG087, checked on the real servers: a migration that fails after a
/// schema change leaves that change behind on MariaDB/MySQL (every DDL statement commits
/// implicitly) without a history row, so applying it again fails on the change already made;
/// on PostgreSQL the whole migration rolls back.
/// </summary>
public sealed class TransactionalDdlFactsTests
{
    [MariaDbFact]
    public async Task MariaDb_FailedMigration_LeavesItsSchemaChangeAndCannotBeRetried()
    {
        await using var database = await MariaDbServer.Databases()(CancellationToken.None);
        await using var context = Context(database);

        await Assert.ThrowsAnyAsync<DbException>(() => context.Database.MigrateAsync());
        Assert.True(await TableExistsAsync(context, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'Audits'"));
        Assert.Empty(await context.Database.GetAppliedMigrationsAsync());

        // The retry the user tries next: CREATE TABLE runs again and meets the table left behind.
        var retry = await Assert.ThrowsAnyAsync<DbException>(() => context.Database.MigrateAsync());
        Assert.Contains("Audits", retry.Message, StringComparison.OrdinalIgnoreCase);
    }

    [PostgresFact]
    public async Task Postgres_FailedMigration_RollsBackItsSchemaChange()
    {
        await using var database = await NpgsqlScratchDatabase.Factory(PostgresServer.ConnectionString!)(CancellationToken.None);
        await using var context = Context(database);

        await Assert.ThrowsAnyAsync<DbException>(() => context.Database.MigrateAsync());
        Assert.False(await TableExistsAsync(context, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'Audits'"));
        Assert.Empty(await context.Database.GetAppliedMigrationsAsync());
    }

    private static HalfAppliedContext Context(ScratchDatabase database)
    {
        var options = new DbContextOptionsBuilder<HalfAppliedContext>();
        database.Configure(options);

#if NET10_0_OR_GREATER
        // The context has no entities and no snapshot: EF 9+ would otherwise refuse to migrate.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
#endif
        return new HalfAppliedContext(options.Options);
    }

    private static async Task<bool> TableExistsAsync(DbContext context, string countSql)
    {
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = countSql;
            return Convert.ToInt64(await command.ExecuteScalarAsync()) == 1;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
