using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.Checks;

/// <summary>
/// Recognises a key, unique index or foreign key that Up adds back after dropping an equivalent
/// one from the same table: existing rows already satisfied it, so adding it cannot fail on them.
/// EF Core scaffolds such pairs for safe changes: a renamed table (<c>DropPrimaryKey("PK_Posts")</c>,
/// <c>RenameTable</c>, <c>AddPrimaryKey("PK_Articles")</c>), a renamed foreign-key column, a changed
/// <c>onDelete</c>. Shared by MIG023 and MIG024.
/// </summary>
internal static class ReplacedKeys
{
    /// <summary>
    /// True when the table already has (from history or earlier in this Up) a unique key whose
    /// columns are a subset of <paramref name="columns"/>: rows are unique on them already.
    /// </summary>
    public static bool IsAlreadyUnique(MigrationRuleContext context, MigrationOperation added, ImmutableArray<string> columns, int upIndex)
    {
        var table = context.UpStateBefore(upIndex).Find(added.Schema, added.Table);
        return table is not null && table.Keys.Values.Any(k => k.IsUnique && IsSubset(k.Columns, columns));
    }

    /// <summary>True when <paramref name="added"/> (Up's operation <paramref name="upIndex"/>) re-creates a key Up dropped before.</summary>
    public static bool ReplacesDroppedKey(MigrationRuleContext context, MigrationOperation added, ImmutableArray<string> columns, int upIndex)
    {
        var operations = context.Migration.Up.Operations;
        for (var j = upIndex - 1; j >= 0; j--)
        {
            var drop = operations[j];
            if (DroppedKind(drop.Kind) is not { } droppedKind || !context.MayRun(drop) || drop.HasUnknownArguments ||
                drop.Table is not { } dropTable || drop.Name is not { } dropName)
            {
                continue;
            }

            var path = Follow(operations, j, upIndex, drop.Schema, dropTable);
            if (!path.EndsAt(added.Schema, added.Table))
            {
                continue;
            }

            var known = context.UpStateBefore(j).Find(drop.Schema, dropTable) is { } table && table.Keys.TryGetValue(dropName, out var key) ? key : null;
            if (known is not null)
            {
                var oldColumns = path.Map(known.Columns);
                var equivalent = added.Kind == MigrationOperationKind.AddForeignKey
                    ? known.Kind == MigrationOperationKind.AddForeignKey && oldColumns.SequenceEqual(columns) && SamePrincipal(operations, j, upIndex, known.DeclaredBy, added)
                    : known.IsUnique && IsSubset(oldColumns, columns);
                if (equivalent)
                {
                    return true;
                }

                continue;
            }

            // The history does not know the dropped key (its migration is not in the compilation):
            // recognise EF's scaffolding by its naming instead of guessing the columns.
            if (droppedKind != added.Kind)
            {
                continue;
            }

            var renamedBetween = path.Renamed || RenamesBetween(operations, j, upIndex, added);
            var recreated = added.Kind switch
            {
                // PK_{table}: a new name only when the table was renamed; the columns may have changed otherwise.
                MigrationOperationKind.AddPrimaryKey => renamedBetween,

                // AK_{table}_{columns} / FK_{table}_{principal}_{columns}: the same name is the same key.
                MigrationOperationKind.AddUniqueConstraint or MigrationOperationKind.AddForeignKey => renamedBetween || dropName == added.Name,

                // IX_{table}_{columns} is the same name for a non-unique index made unique: unknown, not a re-creation.
                _ => false,
            };
            if (recreated)
            {
                return true;
            }
        }

        return false;
    }

    private static MigrationOperationKind? DroppedKind(MigrationOperationKind kind) => kind switch
    {
        MigrationOperationKind.DropPrimaryKey => MigrationOperationKind.AddPrimaryKey,
        MigrationOperationKind.DropUniqueConstraint => MigrationOperationKind.AddUniqueConstraint,
        MigrationOperationKind.DropIndex => MigrationOperationKind.CreateIndex,
        MigrationOperationKind.DropForeignKey => MigrationOperationKind.AddForeignKey,
        _ => null,
    };

    private static bool IsSubset(ImmutableArray<string> subset, ImmutableArray<string> set) =>
        !subset.IsDefaultOrEmpty && !set.IsDefault && subset.All(set.Contains);

    /// <summary>The principal table and columns match, after renames of the principal between the drop and the add.</summary>
    private static bool SamePrincipal(ImmutableArray<MigrationOperation> operations, int from, int to, MigrationOperation oldKey, MigrationOperation added)
    {
        if (oldKey.PrincipalTable is not { } oldPrincipal)
        {
            return false;
        }

        var principalSchema = oldKey["principalSchema"].AsString() ?? oldKey.Schema;
        var path = Follow(operations, from, to, principalSchema, oldPrincipal);
        var addedPrincipalSchema = added["principalSchema"].AsString() ?? added.Schema;
        return path.EndsAt(addedPrincipalSchema, added.PrincipalTable) &&
            (oldKey.PrincipalColumns.IsDefault || added.PrincipalColumns.IsDefault ||
             path.Map(oldKey.PrincipalColumns).SequenceEqual(added.PrincipalColumns));
    }

    /// <summary>A RenameTable/RenameColumn between the drop and the add that produced a name the added key uses.</summary>
    private static bool RenamesBetween(ImmutableArray<MigrationOperation> operations, int from, int to, MigrationOperation added)
    {
        for (var k = from + 1; k < to; k++)
        {
            var operation = operations[k];
            if (operation.Kind == MigrationOperationKind.RenameTable &&
                (operation.NewName == added.Table || operation.NewName == added.PrincipalTable))
            {
                return true;
            }

            if (operation.Kind == MigrationOperationKind.RenameColumn && operation.NewName is { } newColumn &&
                (Contains(added.Columns, newColumn) || Contains(added.PrincipalColumns, newColumn)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(ImmutableArray<string> columns, string column) => !columns.IsDefault && columns.Contains(column);

    /// <summary>Follows one table through the RenameTable/RenameColumn operations of Up between two positions.</summary>
    private static TablePath Follow(ImmutableArray<MigrationOperation> operations, int from, int to, string? schema, string table)
    {
        var path = new TablePath(schema, table);
        for (var k = from + 1; k < to; k++)
        {
            var operation = operations[k];
            if (operation.HasUnknownArguments || !operation.IsTable(path.Schema, path.Table) || operation.NewName is not { } newName)
            {
                continue;
            }

            if (operation.Kind == MigrationOperationKind.RenameTable)
            {
                path.Schema = operation["newSchema"].AsString() ?? path.Schema;
                path.Table = newName;
                path.Renamed = true;
            }
            else if (operation.Kind == MigrationOperationKind.RenameColumn && operation.Name is { } oldName)
            {
                path.Rename(oldName, newName);
            }
        }

        return path;
    }

    private sealed class TablePath
    {
        public TablePath(string? schema, string table)
        {
            Schema = schema;
            Table = table;
        }

        public string? Schema { get; set; }

        public string Table { get; set; }

        public bool Renamed { get; set; }

        /// <summary>Old column name → name after the renames.</summary>
        public Dictionary<string, string> Columns { get; } = new();

        public bool EndsAt(string? schema, string? table) => table == Table && MigrationOperation.SchemaEquals(schema, Schema);

        public void Rename(string oldName, string newName)
        {
            foreach (var original in Columns.Where(c => c.Value == oldName).Select(c => c.Key).ToList())
            {
                Columns[original] = newName;
            }

            if (!Columns.ContainsKey(oldName))
            {
                Columns[oldName] = newName;
            }

            Renamed = true;
        }

        public ImmutableArray<string> Map(ImmutableArray<string> columns) =>
            columns.IsDefault ? columns : columns.Select(c => Columns.TryGetValue(c, out var renamed) ? renamed : c).ToImmutableArray();
    }
}
