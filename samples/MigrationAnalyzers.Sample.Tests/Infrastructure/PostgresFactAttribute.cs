using System;
using Xunit;

namespace MigrationAnalyzers.Sample.Tests.Infrastructure;

/// <summary>The PostgreSQL server the tests may use: an Npgsql connection string whose user may CREATE DATABASE.</summary>
public static class PostgresServer
{
    public const string Variable = "MIGRATION_ANALYZERS_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}

/// <summary>
/// A fact that needs a PostgreSQL server: skipped, with the reason shown, only when
/// MIGRATION_ANALYZERS_POSTGRES is unset (.ci/run always sets it through .ci/postgres.sh).
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Timeout = 240_000;
        if (string.IsNullOrWhiteSpace(PostgresServer.ConnectionString))
        {
            Skip = $"{PostgresServer.Variable} is not set; source .ci/postgres.sh and run pg_start to start a server.";
        }
    }
}
