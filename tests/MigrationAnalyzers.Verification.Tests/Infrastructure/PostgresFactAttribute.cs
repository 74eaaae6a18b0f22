namespace MigrationAnalyzers.Verification.Tests.Infrastructure;

/// <summary>
/// A fact that needs a PostgreSQL server: skipped, with the reason shown, only when
/// MIGRATION_ANALYZERS_POSTGRES is unset (.ci/run always sets it through .ci/postgres.sh).
/// </summary>
public sealed class PostgresFactAttribute : DatabaseFactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(PostgresServer.ConnectionString))
        {
            Skip = $"{PostgresServer.Variable} is not set; source .ci/postgres.sh and run pg_start to start a server.";
        }
    }
}
