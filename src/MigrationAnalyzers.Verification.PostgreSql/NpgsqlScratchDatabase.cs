using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace MigrationAnalyzers.Verification;

/// <summary>
/// A PostgreSQL database with a random name created through the given server connection and
/// dropped on dispose (forcibly, so a connection left open by a failed step cannot keep it alive).
/// </summary>
public sealed class NpgsqlScratchDatabase : ScratchDatabase
{
    private readonly string _serverConnectionString;
    private readonly string _databaseName;
    private readonly string _connectionString;
    private readonly Action<NpgsqlDbContextOptionsBuilder>? _npgsqlOptions;

    private NpgsqlScratchDatabase(string serverConnectionString, string databaseName, Action<NpgsqlDbContextOptionsBuilder>? npgsqlOptions)
    {
        _serverConnectionString = serverConnectionString;
        _databaseName = databaseName;
        _npgsqlOptions = npgsqlOptions;
        _connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName }.ToString();
    }

    /// <inheritdoc />
    public override string DisplayName => "PostgreSQL";

    /// <inheritdoc />
    public override string Location => _databaseName;

    /// <summary>The function <see cref="MigrationVerifier.For{TContext}"/> takes: a new database per call.</summary>
    /// <param name="serverConnectionString">An Npgsql connection string to any database of the server; its user needs CREATE DATABASE.</param>
    /// <param name="npgsqlOptions">Provider options, e.g. <c>b =&gt; b.MigrationsAssembly("...")</c>.</param>
    public static Func<CancellationToken, Task<ScratchDatabase>> Factory(string serverConnectionString, Action<NpgsqlDbContextOptionsBuilder>? npgsqlOptions = null)
    {
        if (string.IsNullOrWhiteSpace(serverConnectionString))
        {
            throw new ArgumentException("A PostgreSQL connection string is required.", nameof(serverConnectionString));
        }

        return async cancellationToken => await CreateAsync(serverConnectionString, npgsqlOptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a database with a random name on the server of <paramref name="serverConnectionString"/>.</summary>
    public static async Task<NpgsqlScratchDatabase> CreateAsync(
        string serverConnectionString,
        Action<NpgsqlDbContextOptionsBuilder>? npgsqlOptions,
        CancellationToken cancellationToken)
    {
        var name = "migration_verification_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync(serverConnectionString, $"CREATE DATABASE \"{name}\"", cancellationToken).ConfigureAwait(false);
        return new NpgsqlScratchDatabase(serverConnectionString, name, npgsqlOptions);
    }

    /// <inheritdoc />
    public override void Configure(DbContextOptionsBuilder builder) => builder.UseNpgsql(_connectionString, _npgsqlOptions);

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        // Pooled idle connections to the scratch database would make DROP DATABASE fail.
        using (var connection = new NpgsqlConnection(_connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        try
        {
            await ExecuteOnServerAsync(_serverConnectionString, $"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.SyntaxError)
        {
            // Servers before PostgreSQL 13 have no WITH (FORCE); the pool is cleared, so plain DROP works.
            await ExecuteOnServerAsync(_serverConnectionString, $"DROP DATABASE IF EXISTS \"{_databaseName}\"", CancellationToken.None)
                .ConfigureAwait(false);
        }
    }

    private static async Task ExecuteOnServerAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
