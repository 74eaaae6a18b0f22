using System;
using Microsoft.EntityFrameworkCore;

namespace MigrationAnalyzers.Verification.Tests.Infrastructure;

/// <summary>The databases the scenarios run on.</summary>
public enum TestDatabase
{
    Sqlite,
    Postgres,
    MariaDb,
}

public static class TestDatabaseExtensions
{
    /// <summary>Per-step limit of the tests: far above any step here (well under a second), far below the test's own Timeout.</summary>
    public static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(30);

    public static MigrationVerifier<TContext> Verifier<TContext>(this TestDatabase database)
        where TContext : DbContext
        => (database switch
        {
            TestDatabase.Sqlite => SqliteMigrationVerifier.For<TContext>(),
            TestDatabase.Postgres => NpgsqlMigrationVerifier.For<TContext>(PostgresServer.ConnectionString!),
            _ => MigrationVerifier.For<TContext>(MariaDbServer.Databases()),
        }).Limited();

    /// <summary>The tests' time limits: every verification here ends within 90 seconds, whatever a step does.</summary>
    public static MigrationVerifier<TContext> Limited<TContext>(this MigrationVerifier<TContext> verifier)
        where TContext : DbContext
        => verifier.WithTimeLimits(perStep: StepLimit, overall: TimeSpan.FromSeconds(90));

    /// <summary>EF Core 9 and later take a migration lock (a row in __EFMigrationsLock on SQLite); EF Core 8 does not.</summary>
    public static bool EfTakesMigrationLock => typeof(DbContext).Assembly.GetName().Version!.Major >= 9;
}
