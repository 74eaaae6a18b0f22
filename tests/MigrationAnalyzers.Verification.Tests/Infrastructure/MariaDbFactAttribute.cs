namespace MigrationAnalyzers.Verification.Tests.Infrastructure;

/// <summary>
/// A fact that needs a MariaDB server: skipped, with the reason shown, only when
/// MIGRATION_ANALYZERS_MARIADB is unset (.ci/run always sets it through .ci/mariadb.sh).
/// </summary>
public sealed class MariaDbFactAttribute : DatabaseFactAttribute
{
    public MariaDbFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(MariaDbServer.ConnectionString))
        {
            Skip = $"{MariaDbServer.Variable} is not set; source .ci/mariadb.sh and run mariadb_start to start a server.";
        }
    }
}
