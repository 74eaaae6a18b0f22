using Microsoft.EntityFrameworkCore;

namespace MigrationAnalyzers.Verification.Tests.Infrastructure;

/// <summary>The two databases every scenario runs on.</summary>
public enum TestDatabase
{
    Sqlite,
    Postgres,
}

public static class TestDatabaseExtensions
{
    public static MigrationVerifier<TContext> Verifier<TContext>(this TestDatabase database)
        where TContext : DbContext
        => database == TestDatabase.Sqlite
            ? MigrationVerifier.ForSqlite<TContext>()
            : MigrationVerifier.ForNpgsql<TContext>(PostgresServer.ConnectionString!);
}
