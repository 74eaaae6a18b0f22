using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MigrationAnalyzers.Verification;

/// <summary>A SQLite database in a temporary file, deleted with its journal files on dispose.</summary>
public sealed class SqliteScratchDatabase : ScratchDatabase
{
    private readonly string _path;
    private readonly string _connectionString;
    private readonly Action<SqliteDbContextOptionsBuilder>? _sqliteOptions;

    /// <summary>A new, not yet existing file in the temporary directory; SQLite creates it on first use.</summary>
    /// <param name="sqliteOptions">Provider options, e.g. <c>b =&gt; b.MigrationsAssembly("...")</c>.</param>
    public SqliteScratchDatabase(Action<SqliteDbContextOptionsBuilder>? sqliteOptions = null)
    {
        _sqliteOptions = sqliteOptions;
        _path = Path.Combine(Path.GetTempPath(), "migration-verification-" + Guid.NewGuid().ToString("N") + ".db");
        // No pooling: a pooled connection would keep the file open (and a transaction a failed
        // step left open alive), blocking both the next step and deleting the file.
        _connectionString = new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString();
    }

    /// <inheritdoc />
    public override string DisplayName => "SQLite";

    /// <inheritdoc />
    public override string Location => _path;

    /// <summary>The function <see cref="MigrationVerifier.For{TContext}"/> takes: a new file per call.</summary>
    public static Func<CancellationToken, Task<ScratchDatabase>> Factory(Action<SqliteDbContextOptionsBuilder>? sqliteOptions = null)
        => _ => Task.FromResult<ScratchDatabase>(new SqliteScratchDatabase(sqliteOptions));

    /// <inheritdoc />
    public override void Configure(DbContextOptionsBuilder builder) => builder.UseSqlite(_connectionString, _sqliteOptions);

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        foreach (var suffix in new[] { string.Empty, "-journal", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }

        return default;
    }
}
