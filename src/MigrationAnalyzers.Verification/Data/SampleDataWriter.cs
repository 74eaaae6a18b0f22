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

namespace MigrationAnalyzers.Verification.Data;

/// <summary>
/// Writes generated rows into every table: principals before dependents, foreign keys pointing at
/// rows that exist, every fillable column (nullable ones too) given a value, so that a later Up
/// that drops or nulls anything has something to lose. Join tables get distinct combinations of
/// their principals (their key is made of the foreign keys); a nullable foreign key whose principal
/// had no rows yet (tables that reference each other, a self-reference) is first written NULL and
/// pointed at a principal row once every table is filled. Rows a table refuses are noted, not fatal.
/// </summary>
internal sealed class SampleDataWriter
{
    // Seed data (HasData) usually takes the small keys; starting higher avoids colliding with it.
    private const int FirstValue = 1000;
    private const int AttemptsPerRow = 3;
    private readonly int _rowsPerTable;
    private int _counter = FirstValue;
    private long _combination;

    public SampleDataWriter(int rowsPerTable) => _rowsPerTable = rowsPerTable;

    /// <summary>Inserts the rows; returns notes about tables that could not be filled.</summary>
    public async Task<IReadOnlyList<string>> WriteAsync(DbConnection connection, SqlText sql, SchemaSnapshot schema, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var tables = schema.Model.Tables
            .Where(t => schema.Tables.ContainsKey(DesignTimeSchemaReader.DisplayName(schema.Model, t.Schema, t.Name)))
            .ToList();
        var leftNull = new List<(DatabaseTable Table, HashSet<DatabaseForeignKey> ForeignKeys, List<string?[]> Rows)>();
        foreach (var table in PrincipalsFirst(tables))
        {
            var key = table.PrimaryKey?.Columns;
            var keysBefore = key is null ? null : await ReadKeysAsync(connection, sql, table, key, cancellationToken).ConfigureAwait(false);
            var nulled = new HashSet<DatabaseForeignKey>();
            var usedReferences = await ReadUsedReferencesAsync(connection, sql, table, cancellationToken).ConfigureAwait(false);
            for (var row = 0; row < _rowsPerTable; row++)
            {
                // A refused row is retried with fresh values: a unique value may collide with seed data.
                string? problem = null;
                for (var attempt = 0; attempt < AttemptsPerRow; attempt++)
                {
                    problem = await InsertRowAsync(connection, sql, table, usedReferences, nulled, cancellationToken).ConfigureAwait(false);
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

            if (nulled.Count > 0 && key is not null)
            {
                var existing = new HashSet<string>(keysBefore!.Select(KeyText));
                var written = (await ReadKeysAsync(connection, sql, table, key, cancellationToken).ConfigureAwait(false))
                    .Where(k => !existing.Contains(KeyText(k)))
                    .ToList();
                leftNull.Add((table, nulled, written));
            }
        }

        foreach (var (table, foreignKeys, rows) in leftNull)
        {
            foreach (var foreignKey in foreignKeys)
            {
                await PointAtPrincipalsAsync(connection, sql, table, foreignKey, rows, cancellationToken).ConfigureAwait(false);
            }
        }

        return notes;
    }

    private async Task<string?> InsertRowAsync(
        DbConnection connection, SqlText sql, DatabaseTable table, HashSet<string> usedReferences, HashSet<DatabaseForeignKey> nulled, CancellationToken cancellationToken)
    {
        var principals = new List<(DatabaseForeignKey ForeignKey, List<string?[]> Rows)>();
        var values = new Dictionary<DatabaseColumn, string?>();
        foreach (var foreignKey in table.ForeignKeys)
        {
            var principalRows = await ReadKeysAsync(connection, sql, foreignKey.PrincipalTable, foreignKey.PrincipalColumns, cancellationToken).ConfigureAwait(false);
            if (principalRows.Count > 0)
            {
                principals.Add((foreignKey, principalRows));
                continue;
            }

            if (foreignKey.Columns.Any(c => !c.IsNullable))
            {
                return $"foreign key to {foreignKey.PrincipalTable.Name} is required and that table has no rows";
            }

            foreach (var column in foreignKey.Columns)
            {
                values[column] = null;
            }

            nulled.Add(foreignKey);
        }

        var references = ChooseReferences(principals, usedReferences);
        foreach (var pair in references)
        {
            values[pair.Key] = pair.Value;
        }

        _counter++;
        foreach (var column in table.Columns.Where(c => !values.ContainsKey(c) && !IsGeneratedByDatabase(table, c)))
        {
            values[column] = SampleValues.For(column.StoreType, _counter);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = InsertSql(sql, table, values, command);
        var problem = await ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        if (problem is null)
        {
            usedReferences.Add(ReferenceText(table, values));
        }

        return problem;
    }

    /// <summary>
    /// Principal rows for the foreign keys, as the next combination (mixed radix over the keys) that
    /// no row of the table uses yet: a join table's key is its foreign keys, so a repeated pair
    /// would be refused. When every combination is taken, the next one is used anyway.
    /// </summary>
    private Dictionary<DatabaseColumn, string?> ChooseReferences(List<(DatabaseForeignKey ForeignKey, List<string?[]> Rows)> principals, HashSet<string> usedReferences)
    {
        var combinations = principals.Aggregate(1L, (product, p) => Math.Min(product * p.Rows.Count, 10_000));
        var chosen = new Dictionary<DatabaseColumn, string?>();
        for (var attempt = 0; attempt < combinations; attempt++)
        {
            chosen.Clear();
            var combination = _combination++;
            foreach (var (foreignKey, rows) in principals)
            {
                var principal = rows[(int)(combination % rows.Count)];
                combination /= rows.Count;
                for (var i = 0; i < foreignKey.Columns.Count; i++)
                {
                    chosen[foreignKey.Columns[i]] = principal[i];
                }
            }

            if (!usedReferences.Contains(ReferenceText(chosen)))
            {
                break;
            }
        }

        return chosen;
    }

    private static string ReferenceText(DatabaseTable table, Dictionary<DatabaseColumn, string?> values)
        => ReferenceText(table.ForeignKeys.SelectMany(fk => fk.Columns).Distinct().Where(c => values.TryGetValue(c, out var value) && value is not null).ToDictionary(c => c, c => values[c]));

    private static string ReferenceText(Dictionary<DatabaseColumn, string?> references)
        => string.Join("\u001f", references.OrderBy(p => p.Key.Name, StringComparer.Ordinal).Select(p => p.Key.Name + "=" + p.Value));

    /// <summary>Points a foreign key the rows were written with as NULL at principal rows, now that those exist.</summary>
    private async Task PointAtPrincipalsAsync(
        DbConnection connection, SqlText sql, DatabaseTable table, DatabaseForeignKey foreignKey, List<string?[]> rows, CancellationToken cancellationToken)
    {
        var principalRows = await ReadKeysAsync(connection, sql, foreignKey.PrincipalTable, foreignKey.PrincipalColumns, cancellationToken).ConfigureAwait(false);
        if (principalRows.Count == 0)
        {
            return;
        }

        var key = table.PrimaryKey!.Columns;
        for (var r = 0; r < rows.Count; r++)
        {
            var principal = principalRows[(int)(_combination++ % principalRows.Count)];
            await using var command = connection.CreateCommand();
            var assignments = foreignKey.Columns.Select((c, i) => $"{sql.Identifier(c.Name)} = {Parameter(sql, command, c, principal[i])}").ToList();
            var conditions = key.Select((c, i) => $"{sql.Identifier(c.Name)} = {Parameter(sql, command, c, rows[r][i])}").ToList();
            command.CommandText = $"UPDATE {sql.Identifier(table.Name, table.Schema)} SET {string.Join(", ", assignments)} WHERE {string.Join(" AND ", conditions)}";
            // A refused update (a unique foreign key) leaves that row's reference NULL, as before.
            await ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<string?> ExecuteAsync(DbCommand command, CancellationToken cancellationToken)
    {
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

    private static string InsertSql(SqlText sql, DatabaseTable table, Dictionary<DatabaseColumn, string?> values, DbCommand command)
    {
        var target = sql.Identifier(table.Name, table.Schema);
        if (values.Count == 0)
        {
            return $"INSERT INTO {target} DEFAULT VALUES";
        }

        var columns = values.Keys.Select(c => sql.Identifier(c.Name)).ToList();
        var arguments = values.Select(pair => Parameter(sql, command, pair.Key, pair.Value)).ToList();
        return $"INSERT INTO {target} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", arguments)})";
    }

    /// <summary>Adds a text parameter to the command and returns it as a value of the column's store type.</summary>
    private static string Parameter(SqlText sql, DbCommand command, DatabaseColumn column, string? value)
    {
        var name = "p" + command.Parameters.Count;
        var parameter = command.CreateParameter();
        parameter.ParameterName = sql.ParameterName(name);
        parameter.DbType = DbType.String;
        parameter.Value = (object?)value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return sql.Value(name, column.StoreType);
    }

    /// <summary>The values of some columns (a key) of every row, read as text.</summary>
    private static Task<List<string?[]>> ReadKeysAsync(
        DbConnection connection, SqlText sql, DatabaseTable table, IList<DatabaseColumn> columns, CancellationToken cancellationToken)
        => SqlText.ReadRowsAsync(
            connection,
            "SELECT " + string.Join(", ", columns.Select(c => sql.ColumnAsText(c.Name))) + " FROM " + sql.Identifier(table.Name, table.Schema),
            columns.Count,
            cancellationToken);

    /// <summary>The foreign key values the table's rows already hold, in the form <see cref="ReferenceText(Dictionary{DatabaseColumn, string})"/> gives.</summary>
    private static async Task<HashSet<string>> ReadUsedReferencesAsync(DbConnection connection, SqlText sql, DatabaseTable table, CancellationToken cancellationToken)
    {
        var columns = table.ForeignKeys.SelectMany(fk => fk.Columns).Distinct().ToList();
        if (columns.Count == 0)
        {
            return new HashSet<string>();
        }

        var rows = await ReadKeysAsync(connection, sql, table, columns, cancellationToken).ConfigureAwait(false);
        return new HashSet<string>(rows.Select(row => ReferenceText(columns.Select((c, i) => (c, row[i])).Where(p => p.Item2 is not null).ToDictionary(p => p.c, p => p.Item2))));
    }

    private static string KeyText(string?[] key) => string.Join("\u001f", key);

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

    /// <summary>
    /// Orders tables so that the principal of every foreign key comes first where possible. In a
    /// cycle (tables that reference each other) a table whose open references are all nullable goes
    /// first: it is written with them NULL and they are filled in afterwards.
    /// </summary>
    private static IEnumerable<DatabaseTable> PrincipalsFirst(List<DatabaseTable> tables)
    {
        var done = new HashSet<DatabaseTable>();
        var remaining = new List<DatabaseTable>(tables);
        bool Resolved(DatabaseTable table, DatabaseForeignKey fk) => fk.PrincipalTable == table || done.Contains(fk.PrincipalTable) || !tables.Contains(fk.PrincipalTable);
        while (remaining.Count > 0)
        {
            var ready = remaining.FirstOrDefault(t => t.ForeignKeys.All(fk => Resolved(t, fk)))
                ?? remaining.FirstOrDefault(t => t.ForeignKeys.All(fk => Resolved(t, fk) || fk.Columns.All(c => c.IsNullable)))
                ?? remaining[0];
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
