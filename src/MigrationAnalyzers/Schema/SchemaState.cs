using System.Collections.Immutable;
using System.Linq;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// The schema known at one point of the migration history, folded from the Up operations of
/// every migration before it. Immutable with structural sharing, so a state per migration (and
/// per operation, when a rule asks) stays cheap. Operations with unknown names change nothing.
/// </summary>
internal sealed class SchemaState
{
    public static readonly SchemaState Empty = new(ImmutableDictionary<TableKey, TableState>.Empty);

    private static readonly string[] NamingParameters = { "name", "table", "schema", "newName", "newSchema", "column", "columns" };

    private SchemaState(ImmutableDictionary<TableKey, TableState> tables)
    {
        Tables = tables;
    }

    public ImmutableDictionary<TableKey, TableState> Tables { get; }

    public TableState? Find(string? schema, string? table) =>
        table is not null && Tables.TryGetValue(new TableKey(schema, table), out var state) ? state : null;

    public SchemaState Apply(MigrationOperation operation, MigrationModel migration)
    {
        if (operation.Kind == MigrationOperationKind.Unknown || HasUnknownNames(operation))
        {
            return this;
        }

        var table = operation.Table;
        if (table is null)
        {
            return this;
        }

        var key = new TableKey(operation.Schema, table);
        var existing = Find(operation.Schema, table);
        switch (operation.Kind)
        {
            case MigrationOperationKind.CreateTable:
                return new SchemaState(Tables.SetItem(key, Create(key, operation, migration)));
            case MigrationOperationKind.DropTable:
                return new SchemaState(Tables.Remove(key));
            case MigrationOperationKind.RenameTable when existing is not null && operation.NewName is { } newName:
                var newKey = new TableKey(operation["newSchema"].AsString() ?? operation.Schema, newName);
                return new SchemaState(Tables.Remove(key).SetItem(newKey, existing.With(key: newKey)));
        }

        if (existing is null)
        {
            return this;
        }

        return new SchemaState(Tables.SetItem(key, ApplyToTable(existing, operation)));
    }

    /// <summary>
    /// Only what names things decides whether an operation can be folded: a provider-dependent
    /// type or an unknown index filter still adds the column or index.
    /// </summary>
    private static bool HasUnknownNames(MigrationOperation operation)
    {
        foreach (var parameter in NamingParameters)
        {
            if (!operation[parameter].IsKnown && operation[parameter].Kind != ArgumentValueKind.Lambda)
            {
                return true;
            }
        }

        return false;
    }

    private static TableState Create(TableKey key, MigrationOperation createTable, MigrationModel migration)
    {
        var columns = ImmutableDictionary.Create<string, ColumnDefinition>(StableStringComparer.Ordinal);
        foreach (var column in createTable.TableColumns)
        {
            if (column.Name is not null)
            {
                columns = columns.SetItem(column.Name, column);
            }
        }

        var table = new TableState(key, migration, columns, ImmutableDictionary.Create<string, KeyState>(StableStringComparer.Ordinal));
        foreach (var constraint in createTable.Constraints)
        {
            table = ApplyToTable(table, constraint);
        }

        return table;
    }

    private static TableState ApplyToTable(TableState table, MigrationOperation operation)
    {
        var name = operation.Name;
        switch (operation.Kind)
        {
            case MigrationOperationKind.AddColumn when name is not null && operation.Column is not null:
            case MigrationOperationKind.AlterColumn when name is not null && operation.Column is not null:
                return table.With(columns: table.Columns.SetItem(name, operation.Column!));
            case MigrationOperationKind.DropColumn when name is not null:
                return table.With(
                    columns: table.Columns.Remove(name),
                    keys: table.Keys.Where(k => !k.Value.Columns.Contains(name)).ToImmutableDictionary(StableStringComparer.Ordinal));
            case MigrationOperationKind.RenameColumn when name is not null && operation.NewName is { } newName && table.Columns.TryGetValue(name, out var column):
                return table.With(
                    columns: table.Columns.Remove(name).SetItem(newName, column),
                    keys: table.Keys.ToImmutableDictionary(k => k.Key, k => k.Value.WithColumns(k.Value.Columns.Select(c => c == name ? newName : c).ToImmutableArray()), StableStringComparer.Ordinal));
            case MigrationOperationKind.CreateIndex:
            case MigrationOperationKind.AddPrimaryKey:
            case MigrationOperationKind.AddUniqueConstraint:
            case MigrationOperationKind.AddForeignKey:
                var columns = operation.Columns;
                if (name is null || columns.IsDefault)
                {
                    return table;
                }

                var unique = operation.Kind is MigrationOperationKind.AddPrimaryKey or MigrationOperationKind.AddUniqueConstraint ||
                    (operation.Kind == MigrationOperationKind.CreateIndex && operation["unique"].AsBool() == true);
                return table.With(keys: table.Keys.SetItem(name, new KeyState(name, operation.Kind, columns, unique, operation)));
            case MigrationOperationKind.DropIndex:
            case MigrationOperationKind.DropPrimaryKey:
            case MigrationOperationKind.DropUniqueConstraint:
            case MigrationOperationKind.DropForeignKey:
                return name is null ? table : table.With(keys: table.Keys.Remove(name));
            case MigrationOperationKind.RenameIndex when name is not null && operation.NewName is { } newIndexName && table.Keys.TryGetValue(name, out var index):
                return table.With(keys: table.Keys.Remove(name).SetItem(newIndexName, index.WithName(newIndexName)));
            default:
                return table;
        }
    }
}
