using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MigrationAnalyzers.Verification;

/// <summary>Verifies on SQLite databases in temporary files that are deleted afterwards.</summary>
/// <example>
/// <code>
/// await SqliteMigrationVerifier.For&lt;BlogContext&gt;().WithSampleData().AssertAsync();
/// </code>
/// </example>
public static class SqliteMigrationVerifier
{
    /// <summary>The context is built through its public <c>(DbContextOptions&lt;TContext&gt;)</c> constructor.</summary>
    public static MigrationVerifier<TContext> For<TContext>()
        where TContext : DbContext
        => MigrationVerifier.For<TContext>(SqliteScratchDatabase.Factory());

    /// <param name="createContext">Builds the context from the options the verifier configures.</param>
    /// <param name="sqliteOptions">Provider options, e.g. <c>b =&gt; b.MigrationsAssembly("...")</c>.</param>
    public static MigrationVerifier<TContext> For<TContext>(
        Func<DbContextOptions<TContext>, TContext> createContext,
        Action<SqliteDbContextOptionsBuilder>? sqliteOptions = null)
        where TContext : DbContext
        => MigrationVerifier.For(SqliteScratchDatabase.Factory(sqliteOptions), createContext ?? throw new ArgumentNullException(nameof(createContext)));
}
