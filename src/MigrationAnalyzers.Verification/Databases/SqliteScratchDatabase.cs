using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MigrationAnalyzers.Verification.Databases;

/// <summary>A SQLite database in a temporary file, deleted with its journal files on dispose.</summary>
internal sealed class SqliteScratchDatabase : ScratchDatabase
{
    private readonly string _path;
    private readonly string _connectionString;
    private readonly Action<SqliteDbContextOptionsBuilder>? _sqliteOptions;

    public SqliteScratchDatabase(Action<SqliteDbContextOptionsBuilder>? sqliteOptions)
    {
        _sqliteOptions = sqliteOptions;
        _path = Path.Combine(Path.GetTempPath(), "migration-verification-" + Guid.NewGuid().ToString("N") + ".db");
        // No pooling: a pooled connection would keep the file open and block deleting it.
        _connectionString = new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString();
    }

    public override string DisplayName => "SQLite";

    public override string Location => _path;

    public override void Configure(DbContextOptionsBuilder builder) => builder.UseSqlite(_connectionString, _sqliteOptions);

    public override ValueTask DisposeAsync()
    {
        foreach (var suffix in new[] { string.Empty, "-journal", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }

        return default;
    }
}
