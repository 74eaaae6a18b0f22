using System;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// A throw-away database on the real PostgreSQL server named by <c>MIGRATION_ANALYZERS_POSTGRES</c>
/// (set by .ci/run); dropped on dispose. Tests use <see cref="PostgresFactAttribute"/> so they are
/// skipped only when no server is configured.
/// </summary>
public sealed class PostgresExecutionDatabase : ExecutionDatabase
{
    public const string EnvironmentVariable = "MIGRATION_ANALYZERS_POSTGRES";

    private readonly string _adminConnectionString;
    private readonly string _database = "ma_" + Guid.NewGuid().ToString("N");
    private readonly NpgsqlConnection _connection;

    public PostgresExecutionDatabase()
    {
        _adminConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable)
            ?? throw new InvalidOperationException(EnvironmentVariable + " is not set.");
        using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{_database}\"";
            create.ExecuteNonQuery();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _database, Pooling = false }.ConnectionString;
        _connection = new NpgsqlConnection(ConnectionString);
        _connection.Open();
    }

    /// <summary>The throw-away database's own connection string (for a DbContext of the test's making).</summary>
    public string ConnectionString { get; }

    public static bool IsConfigured => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable));

    public override string ProviderName => "Npgsql.EntityFrameworkCore.PostgreSQL";

    public override string OptionValue => "postgresql";

    public override DbConnection Connection => _connection;

    public override void Dispose()
    {
        _connection.Dispose();
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(_adminConnectionString);
        admin.Open();
        using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }

    protected override void Configure(DbContextOptionsBuilder builder) => builder.UseNpgsql(_connection);
}
