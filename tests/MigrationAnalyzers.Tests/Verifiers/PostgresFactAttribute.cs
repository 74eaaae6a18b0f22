using System;

namespace MigrationAnalyzers.Tests.Verifiers;

/// <summary>
/// A fact that runs against a real PostgreSQL server when <c>MIGRATION_ANALYZERS_POSTGRES</c>
/// holds an Npgsql connection string (CI sets one up), and is skipped otherwise.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "MIGRATION_ANALYZERS_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"{Variable} is not set: no PostgreSQL server to run on.";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
