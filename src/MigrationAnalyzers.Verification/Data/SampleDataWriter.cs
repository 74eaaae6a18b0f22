using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Schema;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MigrationAnalyzers.Verification.Data;

/// <summary>
/// Writes generated rows into every table: principals before dependents, foreign keys pointing at
/// rows that exist, every fillable column (nullable ones too) given a value, so that a later Up
/// that drops or nulls anything has something to lose. Rows a table refuses are noted, not fatal.
/// </summary>
internal sealed class SampleDataWriter
{
    // Seed data (HasData) usually takes the small keys; starting higher avoids colliding with it.
    private const int FirstValue = 1000;
    private const int AttemptsPerRow = 3;
    private readonly int _rowsPerTable;
    private int _counter = FirstValue;

    public SampleDataWriter(int rowsPerTable) => _rowsPerTable = rowsPerTable;

    /// <summary>Inserts the rows; returns notes about tables that could not be filled.</summary>
    public async Task<IReadOnlyList<string>> WriteAsync(
        DbConnection connection, ISqlGenerationHelper sql, SchemaSnapshot schema, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var tables = schema.Model.Tables
            .Where(t => schema.Tables.ContainsKey(DesignTimeSchemaReader.DisplayName(schema.Model, t.Schema, t.Name)))
            .ToList();
        foreach (var table in PrincipalsFirst(tables))
        {
            for (var row = 0; row < _rowsPerTable; row++)
            {
                // A refused row is retried with fresh values: a unique value may collide with seed data.
                string? problem = null;
                for (var attempt = 0; attempt < AttemptsPerRow; attempt++)
                {
                    problem = await InsertRowAsync(connection, sql, table, row, cancellationToken).ConfigureAwait(false);
                    if (problem is null)
                    {
                        break;
                    }
                }

                if (problem is not null)
                {
                    notes.Add($"sample data: no row written to {DesignTimeSchemaReader.DisplayName(schema.Model, table.Schema, table.Name)}: {problem}");
                    break;
                }
            }
        }

        return notes;
    }

    private async Task<string?> InsertRowAsync(DbConnection connection, ISqlGenerationHelper sql, DatabaseTable table, int row, CancellationToken cancellationToken)
    {
        var values = new Dictionary<DatabaseColumn, string?>();
        foreach (var foreignKey in table.ForeignKeys)
        {
            var principalRows = await ReadPrincipalKeysAsync(connection, sql, foreignKey, cancellationToken).ConfigureAwait(false);
            if (principalRows.Count == 0)
            {
                if (foreignKey.Columns.Any(c => !c.IsNullable))
                {
                    return $"foreign key to {foreignKey.PrincipalTable.Name} is required and that table has no rows";
                }

                foreach (var column in foreignKey.Columns)
                {
                    values[column] = null;
                }

                continue;
            }

            var principal = principalRows[row % principalRows.Count];
            for (var i = 0; i < foreignKey.Columns.Count; i++)
            {
                values[foreignKey.Columns[i]] = principal[i];
            }
        }

        _counter++;
        foreach (var column in table.Columns.Where(c => !values.ContainsKey(c) && !IsGeneratedByDatabase(table, c)))
        {
            values[column] = SampleValues.For(column.StoreType, _counter);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = InsertSql(sql, table, values, command);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (DbException exception)
        {
            return FirstLine(exception.Message);
        }
    }

    private static string InsertSql(ISqlGenerationHelper sql, DatabaseTable table, Dictionary<DatabaseColumn, string?> values, DbCommand command)
    {
        var target = sql.DelimitIdentifier(table.Name, table.Schema);
        if (values.Count == 0)
        {
            return $"INSERT INTO {target} DEFAULT VALUES";
        }

        var columns = new List<string>();
        var arguments = new List<string>();
        foreach (var pair in values)
        {
            var name = "p" + columns.Count;
            var parameter = command.CreateParameter();
            parameter.ParameterName = sql.GenerateParameterName(name);
            parameter.DbType = DbType.String;
            parameter.Value = (object?)pair.Value ?? DBNull.Value;
            command.Parameters.Add(parameter);
            columns.Add(sql.DelimitIdentifier(pair.Key.Name));
            var placeholder = sql.GenerateParameterNamePlaceholder(name);
            arguments.Add(pair.Key.StoreType is null ? placeholder : $"CAST({placeholder} AS {pair.Key.StoreType})");
        }

        return $"INSERT INTO {target} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", arguments)})";
    }

    /// <summary>Key values of the rows a foreign key may point at, read as text.</summary>
    private static async Task<List<string?[]>> ReadPrincipalKeysAsync(
        DbConnection connection, ISqlGenerationHelper sql, DatabaseForeignKey foreignKey, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT "
            + string.Join(", ", foreignKey.PrincipalColumns.Select(c => $"CAST({sql.DelimitIdentifier(c.Name)} AS TEXT)"))
            + " FROM " + sql.DelimitIdentifier(foreignKey.PrincipalTable.Name, foreignKey.PrincipalTable.Schema);
        var rows = new List<string?[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new string?[foreignKey.PrincipalColumns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Computed columns and generated keys (identity, serial, SQLite autoincrement) are left to
    /// the database: writing explicit keys would leave sequences behind and break later inserts.
    /// </summary>
    private static bool IsGeneratedByDatabase(DatabaseTable table, DatabaseColumn column)
    {
        if (column.ComputedColumnSql is not null)
        {
            return true;
        }

        var isKey = table.PrimaryKey?.Columns.Contains(column) == true;
        return isKey
            && (column.ValueGenerated is ValueGenerated.OnAdd or ValueGenerated.OnAddOrUpdate
                || column.DefaultValueSql?.Contains("nextval", StringComparison.OrdinalIgnoreCase) == true);
    }

    /// <summary>Orders tables so that the principal of every foreign key comes first where possible.</summary>
    private static IEnumerable<DatabaseTable> PrincipalsFirst(List<DatabaseTable> tables)
    {
        var done = new HashSet<DatabaseTable>();
        var remaining = new List<DatabaseTable>(tables);
        while (remaining.Count > 0)
        {
            var ready = remaining.FirstOrDefault(t => t.ForeignKeys.All(fk => fk.PrincipalTable == t || done.Contains(fk.PrincipalTable) || !tables.Contains(fk.PrincipalTable)))
                ?? remaining[0]; // a cycle: take any and let nullable keys be NULL
            remaining.Remove(ready);
            done.Add(ready);
            yield return ready;
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? message : message.Substring(0, end);
    }
}
