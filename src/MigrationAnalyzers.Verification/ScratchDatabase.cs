using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace MigrationAnalyzers.Verification;

/// <summary>
/// An empty database that exists only for one verification run and is removed afterwards, so a
/// run never touches a database someone cares about and runs never see each other's leftovers.
/// A run may use more than one: after a Down that failed it migrates a fresh one instead of trusting
/// what the failure left behind.
/// </summary>
public abstract class ScratchDatabase : IAsyncDisposable
{
    /// <summary>Shown in the report, e.g. "SQLite".</summary>
    public abstract string DisplayName { get; }

    /// <summary>The file or database name, reported so a run can be traced (it is gone afterwards).</summary>
    public abstract string Location { get; }

    /// <summary>Points the context options at this database: the provider's <c>Use…</c> call.</summary>
    public abstract void Configure(DbContextOptionsBuilder builder);

    /// <summary>Removes the database (drop it, delete the file).</summary>
    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// Scratch databases for any EF Core provider, from three pieces you supply: how to create an
    /// empty database (returns its connection string), how to point the options at it (the
    /// provider's <c>Use…</c>), and how to drop it. Each call of the returned function creates one.
    /// </summary>
    /// <param name="displayName">Shown in the report, e.g. "MariaDB".</param>
    /// <param name="create">Creates an empty database and returns the connection string to it.</param>
    /// <param name="configure">E.g. <c>(options, connectionString) =&gt; options.UseMySql(connectionString, version)</c>.</param>
    /// <param name="drop">Drops the database of that connection string; called also when the run failed.</param>
    public static Func<CancellationToken, Task<ScratchDatabase>> FromConnectionString(
        string displayName,
        Func<CancellationToken, Task<string>> create,
        Action<DbContextOptionsBuilder, string> configure,
        Func<string, Task> drop)
    {
        if (create is null || configure is null || drop is null)
        {
            throw new ArgumentNullException(create is null ? nameof(create) : configure is null ? nameof(configure) : nameof(drop));
        }

        return async cancellationToken =>
        {
            var connectionString = await create(cancellationToken).ConfigureAwait(false);
            return new ConnectionStringScratchDatabase(displayName, connectionString, configure, drop);
        };
    }

    private sealed class ConnectionStringScratchDatabase(
        string displayName, string connectionString, Action<DbContextOptionsBuilder, string> configure, Func<string, Task> drop) : ScratchDatabase
    {
        public override string DisplayName => displayName;

        public override string Location => DatabaseName(connectionString);

        public override void Configure(DbContextOptionsBuilder builder) => configure(builder, connectionString);

        public override async ValueTask DisposeAsync() => await drop(connectionString).ConfigureAwait(false);

        /// <summary>The database named in the connection string (never the password); the whole string when none is.</summary>
        private static string DatabaseName(string connectionString)
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (var key in new[] { "Database", "Initial Catalog", "Data Source" })
            {
                if (builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } name)
                {
                    return name;
                }
            }

            return "(unnamed database)";
        }
    }
}
