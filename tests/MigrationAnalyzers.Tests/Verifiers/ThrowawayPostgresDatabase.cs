using System;
using Npgsql;

namespace MigrationAnalyzers.Tests.Verifiers;

/// <summary>
/// A database created on the server of <c>MIGRATION_ANALYZERS_POSTGRES</c> for one test and
/// dropped (with its connections) when disposed.
/// </summary>
public sealed class ThrowawayPostgresDatabase : IDisposable
{
    private readonly string _admin;
    private readonly string _name;

    public ThrowawayPostgresDatabase(string prefix)
    {
        _admin = PostgresFactAttribute.ConnectionString ?? throw new InvalidOperationException($"{PostgresFactAttribute.Variable} is not set.");
        _name = prefix + "_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE \"{_name}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _name, Pooling = false }.ConnectionString;
    }

    public string ConnectionString { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
