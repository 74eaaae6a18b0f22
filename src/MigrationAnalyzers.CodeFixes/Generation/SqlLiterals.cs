using System.Linq;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// Writes a <see cref="ColumnValue"/> as a SQL literal for the provider, the way EF stores the
/// value there: booleans <c>false</c> on PostgreSQL (and the SQL standard for an unknown provider),
/// <c>0</c>/<c>1</c> on SQL Server, SQLite and MySQL; dates as ISO text; GUIDs upper-case on SQLite
/// (EF stores them as upper-case TEXT); bytes as the provider's binary literal.
/// </summary>
internal static class SqlLiterals
{
    public static string Render(ColumnValue value, DatabaseProvider provider)
    {
        switch (value.Kind)
        {
            case ColumnValueKind.Number:
                return value.Text;
            case ColumnValueKind.Boolean:
                var isTrue = value.Text == "true";
                return provider is DatabaseProvider.PostgreSql or DatabaseProvider.Unknown
                    ? (isTrue ? "true" : "false")
                    : (isTrue ? "1" : "0");
            case ColumnValueKind.Guid:
                return Text(provider == DatabaseProvider.Sqlite ? value.Text.ToUpperInvariant() : value.Text, provider);
            case ColumnValueKind.Binary:
                return provider switch
                {
                    DatabaseProvider.SqlServer => "0x" + value.Text,
                    DatabaseProvider.PostgreSql => "'\\x" + value.Text + "'::bytea",
                    _ => "X'" + value.Text + "'",
                };
            default:
                return Text(value.Text, provider);
        }
    }

    /// <summary>A string literal; N'…' on SQL Server when the text is not plain ASCII.</summary>
    public static string Text(string text, DatabaseProvider provider)
    {
        var quoted = "'" + text.Replace("'", "''") + "'";
        return provider == DatabaseProvider.SqlServer && text.Any(c => c > 127) ? "N" + quoted : quoted;
    }
}
