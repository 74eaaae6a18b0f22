using MigrationAnalyzers.Configuration;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// Identifier quoting for SQL that fixes generate and messages show: <c>"x"</c> on PostgreSQL, SQLite and unknown
/// providers (the SQL standard), <c>[x]</c> on SQL Server, <c>`x`</c> on MySQL.
/// </summary>
internal static class SqlQuoting
{
    public static string Identifier(DatabaseProvider provider, string name) => provider switch
    {
        DatabaseProvider.SqlServer => "[" + name.Replace("]", "]]") + "]",
        DatabaseProvider.MySql => "`" + name.Replace("`", "``") + "`",
        _ => "\"" + name.Replace("\"", "\"\"") + "\"",
    };

    /// <summary>Schema-qualified table; SQLite has no schemas, so the schema is dropped there.</summary>
    public static string Table(DatabaseProvider provider, string? schema, string table) =>
        string.IsNullOrEmpty(schema) || provider == DatabaseProvider.Sqlite
            ? Identifier(provider, table)
            : Identifier(provider, schema!) + "." + Identifier(provider, table);
}
