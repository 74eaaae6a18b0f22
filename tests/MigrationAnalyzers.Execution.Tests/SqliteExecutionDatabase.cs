using System.Data.Common;
using System.IO;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>A real SQLite database in a temporary file, deleted on dispose.</summary>
public sealed class SqliteExecutionDatabase : ExecutionDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "ma-" + System.Guid.NewGuid().ToString("N") + ".db");
    private readonly SqliteConnection _connection;

    public SqliteExecutionDatabase()
    {
        _connection = new SqliteConnection("Data Source=" + _path + ";Pooling=False");
        _connection.Open();
    }

    public override string ProviderName => "Microsoft.EntityFrameworkCore.Sqlite";

    public override string OptionValue => "sqlite";

    public override DbConnection Connection => _connection;

    public override void Dispose()
    {
        _connection.Dispose();
        File.Delete(_path);
    }

    protected override void Configure(DbContextOptionsBuilder builder) => builder.UseSqlite(_connection);
}
