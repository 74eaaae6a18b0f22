using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// A column type change made by a <c>Sql</c> call of Up, with the column's definition before it as the schema
/// history knows it: the two sides MIG005 and MIG064 judge, as they judge an <c>AlterColumn</c>'s new and old sides.
/// </summary>
internal sealed class UpSqlTypeChange
{
    public UpSqlTypeChange(UpSqlOperation sql, string? schema, string table, string column, ColumnDefinition old, ColumnDefinition @new)
    {
        Sql = sql;
        Schema = schema;
        Table = table;
        Column = column;
        Old = old;
        New = @new;
    }

    public UpSqlOperation Sql { get; }

    /// <summary>The table's schema and name, and the column's name, as the history spells them.</summary>
    public string? Schema { get; }

    public string Table { get; }

    public string Column { get; }

    /// <summary>The column as the history last defined it (a CreateTable, AddColumn or AlterColumn of an earlier migration or of this Up).</summary>
    public ColumnDefinition Old { get; }

    /// <summary>The new side: only the store type the statement gives (no CLR type, no facets).</summary>
    public ColumnDefinition New { get; }
}

/// <summary>
/// Reads the <c>Sql</c> calls of Up for <c>ALTER TABLE … ALTER [COLUMN] c [SET DATA] TYPE t</c> (PostgreSQL),
/// <c>ALTER TABLE t ALTER COLUMN c type</c> (SQL Server) and <c>MODIFY [COLUMN] c type</c> / <c>CHANGE c c type</c>
/// (MySQL) whose old type is known (SPEC §3 "unknown is silent"). SQLite cannot alter a column's type: nothing there.
/// </summary>
internal static class UpSqlTypeChanges
{
    /// <summary>
    /// Every type change of an existing column of an existing table whose definition before the statement the
    /// history knows. Silent (nothing yielded) when it does not: a table the history does not hold or that an
    /// unreadable operation may have changed, a column this Up added, an earlier statement of the same call that
    /// changes the table, a rename of the column in the same statement, an ambiguous name.
    /// </summary>
    public static IEnumerable<UpSqlTypeChange> Read(MigrationRuleContext context)
    {
        if (context.Provider == DatabaseProvider.Sqlite)
        {
            yield break;
        }

        foreach (var sql in UpSqlOperations.Read(context))
        {
            if (sql.Read is not { Kind: MigrationOperationKind.AlterColumn, Kinds.Length: 1, Name: { } column, Table: { IsKnown: true } table, Column.StoreType: { } storeType } ||
                IsChangedEarlierInCall(sql, table, column) ||
                !UpSqlOperations.IsExistingTable(context, sql) ||
                Before(context, sql, column) is not { } known)
            {
                continue;
            }

            var type = ImmutableDictionary<string, ArgumentValue>.Empty.Add("type", new ArgumentValue(ArgumentValueKind.Constant, storeType, sql.Call.Syntax));
            var @new = new ColumnDefinition(known.Column, clrType: null, type, ImmutableArray<Annotation>.Empty, sql.Call.Syntax);
            yield return new UpSqlTypeChange(sql, known.Table.Schema, known.Table.Name, known.Column, known.Definition, @new);
        }
    }

    /// <summary>
    /// The column's definition just before the <c>Sql</c> call, from the fold of the history and this Up: names
    /// matched case-insensitively (SQL Server's collation, PostgreSQL's folding), a default schema as no schema.
    /// </summary>
    private static (TableKey Table, string Column, ColumnDefinition Definition)? Before(MigrationRuleContext context, UpSqlOperation sql, string column)
    {
        var state = context.UpStateBefore(sql.UpIndex);
        TableState? found = null;
        foreach (var pair in state.Tables)
        {
            if (string.Equals(pair.Key.Name, sql.Read.TableName, StringComparison.OrdinalIgnoreCase) && SameSchema(sql.Schema, pair.Key.Schema))
            {
                if (found is not null)
                {
                    return null;
                }

                found = pair.Value;
            }
        }

        if (found is null || context.IsChangedUnseen(found.Key.Schema, found.Key.Name, sql.UpIndex))
        {
            return null;
        }

        (string Name, ColumnDefinition Definition)? match = null;
        foreach (var pair in found.Columns)
        {
            if (string.Equals(pair.Key, column, StringComparison.OrdinalIgnoreCase))
            {
                if (match is not null)
                {
                    return null;
                }

                match = (pair.Key, pair.Value);
            }
        }

        if (match is not { } known || known.Definition.HasUnknownArguments ||
            context.IsColumnAddedEarlier(found.Key.Schema, found.Key.Name, known.Name, sql.UpIndex))
        {
            return null;
        }

        return (found.Key, known.Name, known.Definition);
    }

    private static bool SameSchema(string? sqlSchema, string? historySchema)
    {
        var history = historySchema is null || UpSqlOperation.IsDefaultSchema(historySchema) ? null : historySchema;
        return string.Equals(sqlSchema, history, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The fold stops before the <c>Sql</c> call: an earlier statement of the same call that changes the table (or
    /// may, unseen), or an earlier action of the same statement on the column (MySQL's <c>CHANGE a b …</c> renames
    /// first), leaves the column's definition at this statement unknown.
    /// </summary>
    private static bool IsChangedEarlierInCall(UpSqlOperation sql, SqlName table, string column)
    {
        foreach (var earlier in sql.EarlierReads)
        {
            if (earlier.IsOpaque || earlier.Unread.Any(table.Matches) || earlier.Operations.Any(o => o.Table is { } t && t.Matches(table)))
            {
                return true;
            }
        }

        foreach (var operation in sql.Statement.Operations)
        {
            if (ReferenceEquals(operation, sql.Read))
            {
                break;
            }

            if (string.Equals(operation.Name, column, StringComparison.OrdinalIgnoreCase) || string.Equals(operation.NewName, column, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
