using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
#if NET10_0_OR_GREATER
using MySql.Data.MySqlClient;
#else
using MySqlConnector;
#endif

namespace MigrationAnalyzers.Verification.Tests.Infrastructure;

/// <summary>
/// The MariaDB server the tests may use (a MySQL connection string whose user may CREATE DATABASE),
/// and scratch databases on it built from the provider-neutral core alone, the way a user of a
/// provider without a ready-made helper writes them: create, use, drop. EF Core 10 runs Oracle's
/// MySql.EntityFrameworkCore, EF Core 8 Pomelo's provider.
/// </summary>
public static class MariaDbServer
{
    public const string Variable = "MIGRATION_ANALYZERS_MARIADB";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);

#if NET10_0_OR_GREATER
    public const string Provider = "MySql.EntityFrameworkCore";
#else
    public const string Provider = "Pomelo.EntityFrameworkCore.MySql";
#endif

    public static Func<CancellationToken, Task<ScratchDatabase>> Databases()
        => ScratchDatabase.FromConnectionString("MariaDB", CreateAsync, Use, DropAsync);

    private static async Task<string> CreateAsync(CancellationToken cancellationToken)
    {
        var name = "migration_verification_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE `{name}`", cancellationToken);
        // No pooling: an idle pooled connection would outlive the database it points at.
        var builder = new DbConnectionStringBuilder { ConnectionString = ConnectionString! };
        builder["Database"] = name;
        builder["Pooling"] = "false";
        return builder.ConnectionString;
    }

    private static void Use(DbContextOptionsBuilder options, string connectionString)
#if NET10_0_OR_GREATER
        => options.UseMySQL(connectionString).AddInterceptors(new MariaDbLockInterceptor());
#else
        => options.UseMySql(connectionString, new MariaDbServerVersion(new Version(10, 11)));
#endif

    private static Task DropAsync(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return ExecuteAsync($"DROP DATABASE IF EXISTS `{builder["Database"]}`", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
