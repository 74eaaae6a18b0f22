using System;

namespace MigrationAnalyzers.Verification.Tests.Infrastructure;

/// <summary>The PostgreSQL server the tests may use: an Npgsql connection string whose user may CREATE DATABASE.</summary>
public static class PostgresServer
{
    public const string Variable = "MIGRATION_ANALYZERS_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
