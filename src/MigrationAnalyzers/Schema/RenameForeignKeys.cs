using System.Collections.Generic;
using System.Collections.Immutable;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// Foreign keys as rename evidence. A column that a foreign key of this Up points at a principal
/// the dropped column did not reference holds other values (an id of another table), whatever its
/// name: <c>DropColumn("Owner")</c> + <c>AddColumn("OwnerId")</c> with a key to <c>Users</c> is a
/// replacement, and a rename would write the old values into a key column. Likewise a table
/// created with a column keyed to another principal than the dropped table's same-named column.
/// </summary>
internal static class RenameForeignKeys
{
    /// <summary>A principal whose name is not constant: equal to nothing.</summary>
    private static readonly TableKey UnknownPrincipal = new(null, "\0");

    /// <summary>
    /// Every foreign key that Up gives <paramref name="newColumn"/> of the new table references a
    /// principal that a foreign key of <paramref name="oldColumn"/> of the old table referenced before
    /// this Up (the history) or again after it (Down's re-creation). Up's table renames, and the
    /// table rename being judged (<paramref name="oldTable"/> → <paramref name="newTable"/>, a self
    /// reference), carry the old principal's name over.
    /// </summary>
    public static bool Agree(MigrationFacts context, TableKey oldTable, string oldColumn, TableKey newTable, string newColumn)
    {
        var newPrincipals = Principals(context, context.Migration.Up.Operations, newTable, newColumn);
        if (newPrincipals.Count == 0)
        {
            return true;
        }

        var oldPrincipals = Principals(context, context.Migration.Down.Operations, oldTable, oldColumn);
        if (context.UpStateBefore(0).Find(oldTable.Schema, oldTable.Name) is { } before)
        {
            foreach (var key in before.Keys.Values)
            {
                if (key.Kind == MigrationOperationKind.AddForeignKey && key.Columns.Contains(oldColumn))
                {
                    oldPrincipals.Add(Principal(key.DeclaredBy));
                }
            }
        }

        foreach (var principal in newPrincipals)
        {
            if (!oldPrincipals.Exists(old => !old.Equals(UnknownPrincipal) && Renamed(context, old, oldTable, newTable).Equals(principal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The principals of the foreign keys that <paramref name="operations"/> put on the column: <c>AddForeignKey</c> or a <c>CreateTable</c>'s constraints.</summary>
    private static List<TableKey> Principals(MigrationFacts context, ImmutableArray<MigrationOperation> operations, TableKey table, string column)
    {
        var result = new List<TableKey>();
        foreach (var operation in operations)
        {
            if (!context.MayRun(operation) || !operation.IsTable(table.Schema, table.Name))
            {
                continue;
            }

            if (operation.Kind == MigrationOperationKind.AddForeignKey && Covers(operation, column))
            {
                result.Add(Principal(operation));
            }
            else if (operation.Kind == MigrationOperationKind.CreateTable)
            {
                foreach (var constraint in operation.Constraints)
                {
                    if (constraint.Kind == MigrationOperationKind.AddForeignKey && Covers(constraint, column))
                    {
                        result.Add(Principal(constraint));
                    }
                }
            }
        }

        return result;
    }

    private static bool Covers(MigrationOperation foreignKey, string column)
    {
        var columns = foreignKey.Columns;
        return !columns.IsDefault && columns.Contains(column);
    }

    private static TableKey Principal(MigrationOperation foreignKey) =>
        foreignKey.PrincipalTable is { } table && foreignKey["principalSchema"].IsKnown
            ? new TableKey(foreignKey["principalSchema"].AsString(), table)
            : UnknownPrincipal;

    /// <summary>The old principal under the name it has after this Up's table renames.</summary>
    private static TableKey Renamed(MigrationFacts context, TableKey principal, TableKey oldTable, TableKey newTable)
    {
        if (principal.Equals(oldTable))
        {
            return newTable;
        }

        foreach (var operation in context.Migration.Up.Operations)
        {
            if (operation.Kind == MigrationOperationKind.RenameTable && context.MayRun(operation) &&
                operation.IsTable(principal.Schema, principal.Name) && operation.NewName is { } newName)
            {
                principal = new TableKey(operation["newSchema"].AsString() ?? operation.Schema, newName);
            }
        }

        return principal;
    }
}
