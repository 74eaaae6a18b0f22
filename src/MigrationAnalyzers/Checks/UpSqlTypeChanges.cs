using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Schema;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Checks;

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
                IsChangedEarlierInUp(context, sql, table, column) ||
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

        // What this Up may have changed unseen IsChangedEarlierInUp decides, column by column; an earlier migration's is final.
        if (found is null || (found.ChangedUnseenBy is { } unseen && unseen != context.Migration))
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
    /// The fold of this Up reads no <c>Sql</c>: the column's definition at the statement is unknown when an earlier
    /// <c>Sql</c> of this Up (or an earlier statement of the same call) changes the column or the table as a whole, or
    /// may have, unseen (text not known, a procedure call, an action not read); likewise an earlier operation the model
    /// could not read that may touch the table, or an earlier action of the same statement on the column (MySQL's
    /// <c>CHANGE a b …</c> renames first). A change of another column of the table leaves this one known.
    /// </summary>
    private static bool IsChangedEarlierInUp(MigrationRuleContext context, UpSqlOperation sql, SqlName table, string column)
    {
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < sql.UpIndex; i++)
        {
            var operation = operations[i];
            if (!context.MayRun(operation) || !UnseenChange.MayChange(operation) || !UnseenChange.Of(operation).Touches(table.Name))
            {
                continue;
            }

            if (operation.Kind != MigrationOperationKind.Sql || UpSqlOperations.Statements(context, operation) is not { } statements ||
                statements.Any(s => Changes(s, table, column)))
            {
                return true;
            }
        }

        if (sql.EarlierReads.Any(s => Changes(s, table, column)))
        {
            return true;
        }

        foreach (var operation in sql.Statement.Operations)
        {
            if (ReferenceEquals(operation, sql.Read))
            {
                break;
            }

            if (Names(operation, column))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Changes(SqlStatementOperations statement, SqlName table, string column) =>
        statement.IsOpaque || statement.Unread.Any(table.Matches) ||
        statement.Operations.Any(o =>
            (o.Kind == MigrationOperationKind.RenameTable && o.NewName is { } renamed && table.Matches(o.NewSchema ?? o.Schema, renamed)) ||
            (o.Table is { } t && t.Matches(table) && (o.Kind is MigrationOperationKind.CreateTable or MigrationOperationKind.DropTable or MigrationOperationKind.RenameTable || Names(o, column))));

    private static bool Names(SqlOperation operation, string column) =>
        string.Equals(operation.Name, column, StringComparison.OrdinalIgnoreCase) || string.Equals(operation.NewName, column, StringComparison.OrdinalIgnoreCase);
}
