using System.Collections.Generic;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;
using K = MigrationAnalyzers.Model.MigrationOperationKind;

namespace MigrationAnalyzers.Reversibility;

/// <summary>One operation of Down that runs too early: it must run after operation <see cref="Late"/>.</summary>
internal readonly record struct OrderViolation(int Early, int Late, string Reason);

/// <summary>
/// Dependencies between Down's operations (MIG044 and its fix): Down runs on the schema Up left,
/// and each operation needs what it drops to have no dependents left and what it creates on to exist.
/// Only orders that a later operation of Down itself resolves are reported: a dependency the schema
/// history does not show, or that no operation of Down removes, is not an ordering problem.
/// </summary>
internal static class DownOrder
{
    /// <summary>Violations in order, at most one per early operation.</summary>
    public static IEnumerable<OrderViolation> Find(IReadOnlyList<MigrationOperation> down, SchemaState afterUp, ReversibilityPairing pairing)
    {
        var state = afterUp;
        for (var i = 0; i < down.Count; i++)
        {
            var operation = down[i];
            var violation = Check(down, i, state, pairing);
            if (violation is { } found)
            {
                yield return found;
            }

            state = state.Apply(operation, pairing.Migration);
            ReadLog.Folded(operation);
        }
    }

    /// <summary>
    /// The order a fix would write: each early operation moved just after the one it must follow,
    /// until none is left; null when that does not settle (a cycle).
    /// </summary>
    public static List<MigrationOperation>? Reordered(IReadOnlyList<MigrationOperation> down, SchemaState afterUp, ReversibilityPairing pairing)
    {
        var order = new List<MigrationOperation>(down);
        for (var guard = 0; guard <= order.Count * order.Count; guard++)
        {
            OrderViolation? first = null;
            foreach (var violation in Find(order, afterUp, pairing))
            {
                first = violation;
                break;
            }

            if (first is not { } move)
            {
                return order;
            }

            var early = order[move.Early];
            order.RemoveAt(move.Early);
            order.Insert(move.Late, early);
        }

        return null;
    }

    private static OrderViolation? Check(IReadOnlyList<MigrationOperation> down, int i, SchemaState state, ReversibilityPairing pairing)
    {
        var operation = down[i];
        var table = state.Find(operation.Schema, operation.Table);
        var late = -1;
        string? reason = null;
        void Needs(int j, string why)
        {
            if (j > late)
            {
                late = j;
                reason ??= why;
            }
        }

        switch (operation.Kind)
        {
            case K.DropTable:
                if (table is not null)
                {
                    foreach (var (dependent, foreignKey) in ForeignKeysTo(state, down, table.Key, null))
                    {
                        if (!dependent.Key.Equals(table.Key))
                        {
                            Needs(FirstRemoval(down, i, dependent.Key, foreignKey), $"table '{dependent.Key}' still has foreign key '{foreignKey.Name}' to it");
                        }
                    }
                }

                // Foreign keys this migration's Up added, on tables the history does not know.
                for (var j = i + 1; j < down.Count; j++)
                {
                    if (down[j].Kind == K.DropForeignKey && pairing.UpOf(down[j]) is { } addedKey &&
                        addedKey.PrincipalTable == operation.Table &&
                        MigrationOperation.SchemaEquals(addedKey["principalSchema"].AsString() ?? addedKey.Schema, operation.Schema) &&
                        !pairing.Aliases.Same(addedKey, operation))
                    {
                        Needs(j, $"foreign key '{addedKey.Name}' of '{addedKey.Table}' still references it");
                        break;
                    }
                }

                break;
            case K.DropColumn when table is not null && operation.Name is { } column:
                foreach (var key in table.Keys.Values)
                {
                    if (key.Columns.Contains(column))
                    {
                        Needs(FirstRemoval(down, i, table.Key, key), $"'{key.Name}' is still defined on column '{column}'");
                    }
                }

                foreach (var (dependent, foreignKey) in ForeignKeysTo(state, down, table.Key, column))
                {
                    Needs(FirstRemoval(down, i, dependent.Key, foreignKey), $"foreign key '{foreignKey.Name}' of '{dependent.Key}' still references column '{column}'");
                }

                break;
            case K.DropColumn when table is null && operation.Name is { } column:
                // A table the history does not know: the keys this migration's Up put on the column.
                for (var j = i + 1; j < down.Count; j++)
                {
                    var later = down[j];
                    if (later.Kind is K.DropIndex or K.DropPrimaryKey or K.DropUniqueConstraint or K.DropForeignKey &&
                        pairing.UpOf(later) is { } created && pairing.Aliases.Same(created, operation) &&
                        !created.Columns.IsDefault && created.Columns.Contains(column))
                    {
                        Needs(j, $"'{later.Name}' is still defined on column '{column}'");
                        break;
                    }
                }

                break;
            case K.DropPrimaryKey or K.DropUniqueConstraint when table is not null && operation.Name is { } keyName && table.Keys.TryGetValue(keyName, out var dropped):
                foreach (var (dependent, foreignKey) in ForeignKeysTo(state, down, table.Key, null))
                {
                    if (SameColumns(foreignKey.DeclaredBy.PrincipalColumns, dropped.Columns))
                    {
                        Needs(FirstRemoval(down, i, dependent.Key, foreignKey), $"foreign key '{foreignKey.Name}' of '{dependent.Key}' still references it");
                    }
                }

                break;
            case K.CreateTable:
                foreach (var constraint in operation.Constraints)
                {
                    if (constraint.Kind == K.AddForeignKey && constraint.PrincipalTable is { } principal &&
                        !(principal == operation.Table && MigrationOperation.SchemaEquals(constraint["principalSchema"].AsString(), operation.Schema)))
                    {
                        NeedsTable(constraint["principalSchema"].AsString(), principal, $"its foreign key '{constraint.Name}' references table '{principal}'");
                    }
                }

                break;
            case K.AddForeignKey:
                if (operation.PrincipalTable is { } principalTable)
                {
                    NeedsTable(operation["principalSchema"].AsString(), principalTable, $"it references table '{principalTable}'");
                }

                goto case K.CreateIndex;
            case K.CreateIndex:
            case K.AddPrimaryKey:
            case K.AddUniqueConstraint:
            case K.AddColumn:
            case K.AlterColumn:
            case K.RenameColumn:
            case K.AddCheckConstraint:
                if (operation.Table is { } target)
                {
                    NeedsTable(operation.Schema, target, $"table '{target}' is created later");
                    var columns = operation.Kind is K.AddColumn or K.RenameColumn or K.AddCheckConstraint
                        ? System.Collections.Immutable.ImmutableArray<string>.Empty
                        : operation.Kind == K.AlterColumn && operation.Name is { } altered
                            ? System.Collections.Immutable.ImmutableArray.Create(altered)
                            : operation.Columns;
                    if (!columns.IsDefault)
                    {
                        // A column a later operation adds does not exist yet, whatever the history knows.
                        foreach (var column in columns)
                        {
                            if (table is null || !table.Columns.ContainsKey(column))
                            {
                                Needs(LaterAddsColumn(down, i, operation.Schema, target, column), $"column '{column}' is added later");
                            }
                        }
                    }
                }

                break;
        }

        return late > i ? new OrderViolation(i, late, reason!) : null;

        void NeedsTable(string? schema, string name, string why)
        {
            if (state.Find(schema, name) is null)
            {
                Needs(LaterCreatesTable(down, i, schema, name), why);
            }
        }
    }

    /// <summary>
    /// Foreign keys to <paramref name="principal"/> on the tables Down touches: only a later Down
    /// operation can resolve an order violation, so other tables need no look (and scanning every
    /// table of the history here would make the rule quadratic in the number of migrations).
    /// </summary>
    private static IEnumerable<(TableState Dependent, KeyState ForeignKey)> ForeignKeysTo(SchemaState state, IReadOnlyList<MigrationOperation> down, TableKey principal, string? column)
    {
        var seen = new HashSet<TableKey>();
        foreach (var operation in down)
        {
            if (operation.Table is not { } name || !seen.Add(new TableKey(operation.Schema, name)) ||
                state.Find(operation.Schema, name) is not { } dependent)
            {
                continue;
            }

            foreach (var key in dependent.Keys.Values)
            {
                var declared = key.DeclaredBy;
                if (key.Kind == K.AddForeignKey && declared.PrincipalTable == principal.Name &&
                    MigrationOperation.SchemaEquals(declared["principalSchema"].AsString(), principal.Schema) &&
                    (column is null || (!declared.PrincipalColumns.IsDefault && declared.PrincipalColumns.Contains(column))))
                {
                    yield return (dependent, key);
                }
            }
        }
    }

    /// <summary>The first later operation that removes <paramref name="key"/> of <paramref name="table"/> (drops it, its table or one of its columns); -1 when none.</summary>
    private static int FirstRemoval(IReadOnlyList<MigrationOperation> down, int after, TableKey table, KeyState key)
    {
        var found = -1;
        for (var j = after + 1; j < down.Count; j++)
        {
            var candidate = down[j];
            var onTable = candidate.Table is null || (candidate.Table == table.Name && MigrationOperation.SchemaEquals(candidate.Schema, table.Schema));
            var removes = candidate.Kind switch
            {
                K.DropTable => onTable && candidate.Table is not null,
                K.DropIndex or K.DropForeignKey or K.DropPrimaryKey or K.DropUniqueConstraint => onTable && candidate.Name == key.Name,
                K.DropColumn => onTable && candidate.Name is { } column && key.Columns.Contains(column),
                _ => false,
            };
            if (removes)
            {
                found = j;
                break;
            }
        }

        return found;
    }

    private static int LaterCreatesTable(IReadOnlyList<MigrationOperation> down, int after, string? schema, string table)
    {
        for (var j = after + 1; j < down.Count; j++)
        {
            var candidate = down[j];
            if ((candidate.Kind == K.CreateTable && candidate.Table == table && MigrationOperation.SchemaEquals(candidate.Schema, schema)) ||
                (candidate.Kind == K.RenameTable && candidate.NewName == table &&
                 MigrationOperation.SchemaEquals(candidate["newSchema"].AsString() ?? candidate.Schema, schema)))
            {
                return j;
            }
        }

        return -1;
    }

    private static int LaterAddsColumn(IReadOnlyList<MigrationOperation> down, int after, string? schema, string table, string column)
    {
        for (var j = after + 1; j < down.Count; j++)
        {
            var candidate = down[j];
            if (candidate.Table == table && MigrationOperation.SchemaEquals(candidate.Schema, schema) &&
                ((candidate.Kind == K.AddColumn && candidate.Name == column) || (candidate.Kind == K.RenameColumn && candidate.NewName == column)))
            {
                return j;
            }
        }

        return -1;
    }

    private static bool SameColumns(System.Collections.Immutable.ImmutableArray<string> a, System.Collections.Immutable.ImmutableArray<string> b)
    {
        if (a.IsDefault || b.IsDefault || a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }
}
