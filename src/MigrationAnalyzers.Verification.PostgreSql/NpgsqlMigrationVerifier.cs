using System;
using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace MigrationAnalyzers.Verification;

/// <summary>
/// Verifies on PostgreSQL: creates databases with random names through a server connection (its
/// user needs CREATE DATABASE) and drops them afterwards.
/// </summary>
public static class NpgsqlMigrationVerifier
{
    /// <param name="serverConnectionString">An Npgsql connection string to any database of the server, e.g. <c>postgres</c>.</param>
    public static MigrationVerifier<TContext> For<TContext>(string serverConnectionString)
        where TContext : DbContext
        => MigrationVerifier.For<TContext>(NpgsqlScratchDatabase.Factory(serverConnectionString));

    /// <param name="serverConnectionString">An Npgsql connection string to any database of the server, e.g. <c>postgres</c>.</param>
    /// <param name="createContext">Builds the context from the options the verifier configures.</param>
    /// <param name="npgsqlOptions">Provider options, e.g. <c>b =&gt; b.MigrationsAssembly("...")</c>.</param>
    public static MigrationVerifier<TContext> For<TContext>(
        string serverConnectionString,
        Func<DbContextOptions<TContext>, TContext> createContext,
        Action<NpgsqlDbContextOptionsBuilder>? npgsqlOptions = null)
        where TContext : DbContext
        => MigrationVerifier.For(
            NpgsqlScratchDatabase.Factory(serverConnectionString, npgsqlOptions),
            createContext ?? throw new ArgumentNullException(nameof(createContext)));
}
