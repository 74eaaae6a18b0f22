using System.Collections.Generic;
using System.Linq;
using MigrationAnalyzers.Tests.Execution;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// A SQLite database's schema as comparable text: tables, columns (type, NOT NULL, primary key),
/// indexes (uniqueness, columns) and foreign keys, read from sqlite_master and the table pragmas.
/// Column order and default values are left out: EF rebuilds tables in its own column order and
/// re-adds NOT NULL columns with a placeholder default, as its own scaffolded Down does.
/// </summary>
public static class SqliteSchema
{
    public static string Read(ExecutionDatabase database)
    {
        var lines = new List<string>();
        var tables = database.Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' ORDER BY name")
            .Select(row => (string)row[0]!).ToList();
        foreach (var table in tables)
        {
            lines.Add("table " + table);
            foreach (var column in database.Query($"PRAGMA table_info(\"{table}\")").OrderBy(r => (string)r[1]!, System.StringComparer.Ordinal))
            {
                lines.Add($"  column {column[1]} {column[2]} notnull={column[3]} pk={column[5]}");
            }

            foreach (var index in database.Query($"PRAGMA index_list(\"{table}\")").OrderBy(r => (string)r[1]!, System.StringComparer.Ordinal))
            {
                var name = (string)index[1]!;
                var columns = database.Query($"PRAGMA index_info(\"{name}\")").OrderBy(r => (long)r[0]!).Select(r => (string)r[2]!);
                lines.Add($"  index {(name.StartsWith("sqlite_autoindex", System.StringComparison.Ordinal) ? "(auto)" : name)} unique={index[2]} ({string.Join(", ", columns)})");
            }

            foreach (var key in database.Query($"PRAGMA foreign_key_list(\"{table}\")").OrderBy(r => (string)r[3]!, System.StringComparer.Ordinal))
            {
                lines.Add($"  foreign key {key[3]} -> {key[2]}.{key[4]} on delete {key[6]}");
            }
        }

        return string.Join("\n", lines);
    }

    /// <summary>
    /// Applies every migration up to <paramref name="previousId"/>, reads the schema, applies the rest
    /// (Up), rolls back to <paramref name="previousId"/> (Down) and returns both schemas and the one after Up.
    /// </summary>
    public static (string Before, string AfterUp, string AfterDown) RoundTrip(string previousId, params string[] sources)
    {
        using var database = new SqliteExecutionDatabase();
        var assembly = MigrationAssemblyCompiler.Compile(sources);
        database.Migrate(assembly, previousId);
        var before = Read(database);
        database.Migrate(assembly);
        var afterUp = Read(database);
        database.Migrate(assembly, previousId);
        return (before, afterUp, Read(database));
    }
}
