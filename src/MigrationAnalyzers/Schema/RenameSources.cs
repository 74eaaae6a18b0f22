using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// What a rename guess reads besides the pair itself: the dropped column's or table's old
/// definition (Down's re-creation, else the schema history, else the previous target model) and
/// the Up <c>Sql</c> that shows the author moving the data by hand.
/// </summary>
internal static class RenameSources
{
    /// <summary>Down's <c>AddColumn</c> re-adding the dropped column, else the column as the history left it, else as the previous target model has it.</summary>
    public static ColumnDefinition? OldColumnDefinition(MigrationFacts context, MigrationOperation drop, int dropIndex)
    {
        foreach (var operation in context.Migration.Down.Operations)
        {
            if (operation.Kind == MigrationOperationKind.AddColumn && operation.Name == drop.Name &&
                operation.IsTable(drop.Schema, drop.Table!) && context.MayRun(operation) && operation.Column is { } column)
            {
                return column;
            }
        }

        if (context.UpStateBefore(dropIndex).Find(drop.Schema, drop.Table)?.Columns.TryGetValue(drop.Name!, out var known) == true)
        {
            return known;
        }

        var previous = PreviousTargetModel(context, drop.Schema, drop.Table!);
        foreach (var column in previous.IsDefault ? ImmutableArray<ColumnDefinition>.Empty : previous)
        {
            if (column.Name == drop.Name)
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>Down's <c>CreateTable</c> re-creating the dropped table, else the table as the history left it, else as the previous target model has it.</summary>
    public static ImmutableArray<ColumnDefinition> OldTableColumns(MigrationFacts context, MigrationOperation drop, int dropIndex)
    {
        foreach (var operation in context.Migration.Down.Operations)
        {
            if (operation.Kind == MigrationOperationKind.CreateTable && operation.IsTable(drop.Schema, drop.Table!) &&
                context.MayRun(operation) && !operation.HasUnknownArguments)
            {
                return operation.TableColumns;
            }
        }

        if (context.UpStateBefore(dropIndex).Find(drop.Schema, drop.Table) is not { } table)
        {
            return PreviousTargetModel(context, drop.Schema, drop.Table!);
        }

        var columns = ImmutableArray.CreateBuilder<ColumnDefinition>(table.Columns.Count);
        foreach (var column in table.Columns.Values)
        {
            columns.Add(column);
        }

        return columns.MoveToImmutable();
    }

    /// <summary>The Up <c>Sql</c> operations that may run, with their position (script null when the text is not constant).</summary>
    public static List<(int Index, SqlScript? Script)> SqlOperations(MigrationFacts context)
    {
        var operations = context.Migration.Up.Operations;
        var result = new List<(int, SqlScript?)>();
        for (var i = 0; i < operations.Length; i++)
        {
            if (operations[i].Kind == MigrationOperationKind.Sql && context.MayRun(operations[i]))
            {
                result.Add((i, operations[i].SqlText is null ? null : SqlScript.For(operations[i])));
            }
        }

        return result;
    }

    /// <summary>
    /// An Up <c>Sql</c> before <paramref name="beforeIndex"/> names <paramref name="name"/> as an
    /// identifier (an expand/contract copy, <c>INSERT … SELECT</c>): the author moves the data
    /// explicitly, this is not a blind drop + add. A non-constant <c>Sql</c> anywhere might do the
    /// same: not a rename either.
    /// </summary>
    public static bool IsHandledBySql(List<(int Index, SqlScript? Script)> sqlOperations, string name, int beforeIndex)
    {
        foreach (var (index, script) in sqlOperations)
        {
            if (script is null || (index < beforeIndex && NamesIdentifier(script.Tokens, name)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The added column is renamed again later in Up (expand/contract's last step): not a rename of the dropped one.</summary>
    public static bool IsRenamedLater(ImmutableArray<MigrationOperation> operations, MigrationOperation add, int addIndex)
    {
        for (var i = addIndex + 1; i < operations.Length; i++)
        {
            if (operations[i].Kind == MigrationOperationKind.RenameColumn && operations[i].IsTable(add.Schema, add.Table!) && operations[i].Name == add.Name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The table as the previous migration's target model (.Designer.cs) describes it: the state this Up starts from.</summary>
    private static ImmutableArray<ColumnDefinition> PreviousTargetModel(MigrationFacts context, string? schema, string table) =>
        context.History.Previous(context.Migration) is { } previous
            ? TargetModel.Columns(previous, context.Catalog.Types.Compilation, schema, table)
            : default;

    /// <summary>
    /// A word or quoted identifier equal to the name; also inside a string or a PostgreSQL <c>$$ … $$</c>
    /// body, which hold dynamic SQL (<c>EXEC('UPDATE …')</c>) or name columns (<c>sp_rename 'T.c'</c>).
    /// Comments do not count.
    /// </summary>
    private static bool NamesIdentifier(ImmutableArray<SqlToken> tokens, string name)
    {
        foreach (var token in tokens)
        {
            if ((token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier && string.Equals(token.Value, name, StringComparison.OrdinalIgnoreCase)) ||
                (token.Kind is SqlTokenKind.DollarString or SqlTokenKind.String && NamesIdentifier(SqlTokenizer.Tokenize(token.Value), name)))
            {
                return true;
            }
        }

        return false;
    }
}
