using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace MigrationAnalyzers.Verification;

/// <summary>
/// Entry point: say where scratch databases come from, give a way to build your DbContext from
/// options, then <c>VerifyAsync()</c> or <c>AssertAsync()</c>. Ready-made scratch databases:
/// <c>SqliteMigrationVerifier</c> (package MigrationAnalyzers.Verification.Sqlite) and
/// <c>NpgsqlMigrationVerifier</c> (MigrationAnalyzers.Verification.PostgreSql).
/// </summary>
/// <example>
/// <code>
/// var databases = ScratchDatabase.FromConnectionString("MariaDB", CreateDatabaseAsync,
///     (options, connectionString) =&gt; options.UseMySql(connectionString, serverVersion), DropDatabaseAsync);
/// await MigrationVerifier.For&lt;BlogContext&gt;(databases).WithSampleData().AssertAsync();
/// </code>
/// </example>
public static class MigrationVerifier
{
    /// <summary>
    /// Verifies on scratch databases from <paramref name="createDatabase"/> (see
    /// <see cref="ScratchDatabase.FromConnectionString"/>), with any relational EF Core provider.
    /// </summary>
    /// <param name="createDatabase">Creates an empty scratch database; called once per run, and again for each rebuild.</param>
    /// <param name="createContext">
    /// Builds the context from the options the verifier configures; null to use the context's
    /// public <c>(DbContextOptions&lt;TContext&gt;)</c> constructor.
    /// </param>
    public static MigrationVerifier<TContext> For<TContext>(
        Func<CancellationToken, Task<ScratchDatabase>> createDatabase,
        Func<DbContextOptions<TContext>, TContext>? createContext = null)
        where TContext : DbContext
        => new(createDatabase ?? throw new ArgumentNullException(nameof(createDatabase)), createContext ?? ContextConstructor.Find<TContext>());
}
