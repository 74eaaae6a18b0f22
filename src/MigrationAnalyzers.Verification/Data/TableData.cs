using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Schema;

namespace MigrationAnalyzers.Verification.Data;

/// <summary>
/// The rows of one table, every value read as text (see <see cref="SqlText"/>) so values of any
/// store type compare the same way on every provider.
/// </summary>
internal sealed class TableData
{
    public TableData(string name, IReadOnlyList<string> key, IReadOnlyDictionary<string, string?> storeTypes, IReadOnlyList<IReadOnlyDictionary<string, string?>> rows)
    {
        Name = name;
        Key = key;
        StoreTypes = storeTypes;
        Rows = rows;
    }

    public string Name { get; }

    /// <summary>Primary key columns; empty when the table has none.</summary>
    public IReadOnlyList<string> Key { get; }

    /// <summary>Columns and their store types.</summary>
    public IReadOnlyDictionary<string, string?> StoreTypes { get; }

    public IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows { get; }

    /// <summary>A row's primary key as text ("Id=1001"), which identifies it across steps.</summary>
    public string KeyOf(IReadOnlyDictionary<string, string?> row) => string.Join(", ", Key.Select(k => $"{k}={row[k]}"));

    /// <summary>Reads every table of the snapshot.</summary>
    public static async Task<IReadOnlyDictionary<string, TableData>> ReadAllAsync(
        DbConnection connection, SqlText sql, SchemaSnapshot schema, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, TableData>();
        foreach (var table in schema.Model.Tables)
        {
            var name = DesignTimeSchemaReader.DisplayName(schema.Model, table.Schema, table.Name);
            if (!schema.Tables.ContainsKey(name) || table.Columns.Count == 0)
            {
                continue;
            }

            var columns = table.Columns.Select(c => c.Name).ToList();
            var select = "SELECT " + string.Join(", ", columns.Select(sql.ColumnAsText)) + " FROM " + sql.Identifier(table.Name, table.Schema);
            var rows = (await SqlText.ReadRowsAsync(connection, select, columns.Count, cancellationToken).ConfigureAwait(false))
                .Select(values => (IReadOnlyDictionary<string, string?>)columns.Select((c, i) => (c, values[i])).ToDictionary(p => p.c, p => p.Item2))
                .ToList();

            var key = table.PrimaryKey?.Columns.Select(c => c.Name).ToList() ?? new List<string>();
            result[name] = new TableData(name, key, table.Columns.ToDictionary(c => c.Name, c => c.StoreType), rows);
        }

        return result;
    }
}
