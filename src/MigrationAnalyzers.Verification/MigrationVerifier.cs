using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using MigrationAnalyzers.Verification.Databases;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace MigrationAnalyzers.Verification;

/// <summary>
/// Entry point: pick the database, give a way to build your DbContext from options, then
/// <c>VerifyAsync()</c> or <c>AssertAsync()</c>.
/// </summary>
/// <example>
/// <code>
/// await MigrationVerifier.ForSqlite&lt;BlogContext&gt;().WithSampleData().AssertAsync();
/// </code>
/// </example>
public static class MigrationVerifier
{
    /// <summary>
    /// Verifies on a SQLite database in a temporary file that is deleted afterwards; the context is
    /// built through its public <c>(DbContextOptions&lt;TContext&gt;)</c> constructor.
    /// </summary>
    public static MigrationVerifier<TContext> ForSqlite<TContext>()
        where TContext : DbContext
        => ForSqlite(ContextConstructor.Find<TContext>());

    /// <summary>
    /// Verifies on PostgreSQL in a throw-away database (see the overload with a factory); the context
    /// is built through its public <c>(DbContextOptions&lt;TContext&gt;)</c> constructor.
    /// </summary>
    public static MigrationVerifier<TContext> ForNpgsql<TContext>(string serverConnectionString)
        where TContext : DbContext
        => ForNpgsql(serverConnectionString, ContextConstructor.Find<TContext>());

    /// <summary>Verifies on a SQLite database in a temporary file that is deleted afterwards.</summary>
    /// <param name="createContext">Builds the context from the options the verifier configures.</param>
    /// <param name="sqliteOptions">Provider options, e.g. <c>b => b.MigrationsAssembly("...")</c>.</param>
    public static MigrationVerifier<TContext> ForSqlite<TContext>(
        Func<DbContextOptions<TContext>, TContext> createContext,
        Action<SqliteDbContextOptionsBuilder>? sqliteOptions = null)
        where TContext : DbContext
        => new(_ => new(new SqliteScratchDatabase(sqliteOptions)), createContext);

    /// <summary>
    /// Verifies on PostgreSQL: creates a database with a random name through
    /// <paramref name="serverConnectionString"/> (its user needs CREATE DATABASE) and drops it afterwards.
    /// </summary>
    /// <param name="serverConnectionString">An Npgsql connection string to any database of the server, e.g. <c>postgres</c>.</param>
    /// <param name="createContext">Builds the context from the options the verifier configures.</param>
    /// <param name="npgsqlOptions">Provider options, e.g. <c>b => b.MigrationsAssembly("...")</c>.</param>
    public static MigrationVerifier<TContext> ForNpgsql<TContext>(
        string serverConnectionString,
        Func<DbContextOptions<TContext>, TContext> createContext,
        Action<NpgsqlDbContextOptionsBuilder>? npgsqlOptions = null)
        where TContext : DbContext
    {
        if (string.IsNullOrWhiteSpace(serverConnectionString))
        {
            throw new ArgumentException("A PostgreSQL connection string is required.", nameof(serverConnectionString));
        }

        return new(async cancellationToken => await NpgsqlScratchDatabase.CreateAsync(serverConnectionString, npgsqlOptions, cancellationToken).ConfigureAwait(false), createContext);
    }
}
