using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Schema;
using Microsoft.EntityFrameworkCore.Storage;

namespace MigrationAnalyzers.Verification.Data;

/// <summary>
/// The rows of one table, every value read as text (<c>CAST(column AS TEXT)</c>) so values of any
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
        DbConnection connection, ISqlGenerationHelper sql, SchemaSnapshot schema, CancellationToken cancellationToken)
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
            var select = "SELECT " + string.Join(", ", columns.Select(c => $"CAST({sql.DelimitIdentifier(c)} AS TEXT)"))
                + " FROM " + sql.DelimitIdentifier(table.Name, table.Schema);
            var rows = new List<IReadOnlyDictionary<string, string?>>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = select;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var row = new Dictionary<string, string?>();
                    for (var i = 0; i < columns.Count; i++)
                    {
                        row[columns[i]] = reader.IsDBNull(i) ? null : reader.GetString(i);
                    }

                    rows.Add(row);
                }
            }

            var key = table.PrimaryKey?.Columns.Select(c => c.Name).ToList() ?? new List<string>();
            result[name] = new TableData(name, key, table.Columns.ToDictionary(c => c.Name, c => c.StoreType), rows);
        }

        return result;
    }
}
