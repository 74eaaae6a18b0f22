using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// The schema known at one point of the migration history, folded from the Up operations of
/// every migration before it. Immutable with structural sharing, so a state per migration (and
/// per operation, when a rule asks) stays cheap. Operations with unknown names change nothing
/// known, but what they may have touched is remembered (<see cref="UnseenChange"/>): such a table's
/// state is uncertain (<see cref="ChangedUnseenBy"/>) and rules that depend on it stay silent.
/// </summary>
internal sealed class SchemaState
{
    public static readonly SchemaState Empty = new(
        ImmutableDictionary<TableKey, TableState>.Empty,
        ImmutableDictionary.Create<string, MigrationModel>(System.StringComparer.OrdinalIgnoreCase),
        opaqueBy: null,
        opaqueCount: 0,
        unseen: null);

    private static readonly string[] NamingParameters = { "name", "table", "schema", "newName", "newSchema", "column", "columns" };

    private readonly ImmutableDictionary<TableKey, TableState> _tables;
    private readonly ImmutableDictionary<string, MigrationModel> _maybeCreated;
    private readonly MigrationModel? _opaqueBy;
    private readonly int _opaqueCount;

    private SchemaState(
        ImmutableDictionary<TableKey, TableState> tables,
        ImmutableDictionary<string, MigrationModel> maybeCreated,
        MigrationModel? opaqueBy,
        int opaqueCount,
        Provenance? unseen)
    {
        _tables = tables;
        _maybeCreated = maybeCreated;
        _opaqueBy = opaqueBy;
        _opaqueCount = opaqueCount;
        UnseenProvenance = unseen;
    }

    /// <summary>Every table (a read of all of them: <see cref="ReadLog.EveryTable"/>).</summary>
    public ImmutableDictionary<TableKey, TableState> Tables
    {
        get
        {
            ReadLog.EveryTable();
            return _tables;
        }
    }

    /// <summary>The operations the model could not read that were folded so far (what <see cref="ChangedUnseenBy"/> and <see cref="MayHaveCreated"/> answer from).</summary>
    public Provenance? UnseenProvenance { get; }

    public TableState? Find(string? schema, string? table)
    {
        if (table is null)
        {
            return null;
        }

        var key = new TableKey(schema, table);
        ReadLog.Table(key);
        return Lookup(key);
    }

    /// <summary>The provenance of one table (null when the state has no such table), without recording a read.</summary>
    public Provenance? ProvenanceOf(TableKey key) => Lookup(key)?.Provenance;

    /// <summary>Every table, without recording a read (what a later compilation compares).</summary>
    public IEnumerable<KeyValuePair<TableKey, TableState>> AllTablesUnrecorded => _tables;

    /// <summary>One table, without recording a read (the fold's own lookups).</summary>
    private TableState? Lookup(TableKey key) => _tables.TryGetValue(key, out var state) ? state : null;

    /// <summary>
    /// The latest migration with an operation the model could not read that may have created,
    /// rebuilt or changed the table; null when what the fold records is all there is. An
    /// operation that may touch any table (a helper without source, a <c>Sql</c> read from a file)
    /// counts only within <paramref name="current"/> (the migration whose Up is analysed): counted
    /// across the history it would silence every rule on every older table.
    /// </summary>
    public MigrationModel? ChangedUnseenBy(string? schema, string table, MigrationModel current)
    {
        ReadLog.UnseenChanges();
        if (Find(schema, table) is { } known)
        {
            return known.ChangedUnseenBy ?? (_opaqueBy == current && known.OpaqueSeen < _opaqueCount ? current : null);
        }

        return _maybeCreated.TryGetValue(table, out var maybe) ? maybe : _opaqueBy == current ? current : null;
    }

    /// <summary>For a table the fold does not know: the latest migration that may have created it unseen (any-table operations included).</summary>
    public MigrationModel? MayHaveCreated(string table)
    {
        ReadLog.UnseenChanges();
        return _maybeCreated.TryGetValue(table, out var maybe) ? maybe : _opaqueBy;
    }

    public SchemaState Apply(MigrationOperation operation, MigrationModel migration)
    {
        var state = operation.Kind is MigrationOperationKind.Unknown or MigrationOperationKind.Sql || HasUnknownNames(operation)
            ? this
            : ApplyKnown(operation, migration);
        if (UnseenChange.MayChange(operation) && UnseenChange.Of(operation) is { IsNothing: false } change)
        {
            state = state.WithUnseen(change, operation, migration);
        }

        return state;
    }

    private SchemaState With(ImmutableDictionary<TableKey, TableState> tables) => new(tables, _maybeCreated, _opaqueBy, _opaqueCount, UnseenProvenance);

    private SchemaState WithUnseen(UnseenChange change, MigrationOperation operation, MigrationModel migration)
    {
        var unseen = Provenance.Append(UnseenProvenance, operation, migration);
        if (change.AnyTable)
        {
            return new SchemaState(_tables, _maybeCreated, migration, _opaqueCount + 1, unseen);
        }

        var tables = _tables;
        var maybeCreated = _maybeCreated;
        foreach (var name in change.Tables)
        {
            var found = false;
            foreach (var pair in _tables)
            {
                if (string.Equals(pair.Key.Name, name, System.StringComparison.OrdinalIgnoreCase))
                {
                    tables = tables.SetItem(pair.Key, pair.Value.With(changedUnseenBy: migration).ShapedBy(operation, migration));
                    found = true;
                }
            }

            if (!found && change.MayCreate)
            {
                maybeCreated = maybeCreated.SetItem(name, migration);
            }
        }

        return new SchemaState(tables, maybeCreated, _opaqueBy, _opaqueCount, unseen);
    }

    private SchemaState ApplyKnown(MigrationOperation operation, MigrationModel migration)
    {
        var table = operation.Table;
        if (table is null)
        {
            return this;
        }

        var key = new TableKey(operation.Schema, table);
        var existing = Lookup(key);
        switch (operation.Kind)
        {
            case MigrationOperationKind.CreateTable:
                var created = Create(key, operation, migration, _opaqueCount).ShapedBy(operation, migration);
                return new SchemaState(_tables.SetItem(key, created), _maybeCreated.Remove(table), _opaqueBy, _opaqueCount, UnseenProvenance);
            case MigrationOperationKind.DropTable:
                return With(_tables.Remove(key));
            case MigrationOperationKind.RenameTable when existing is not null && operation.NewName is { } newName:
                var newKey = new TableKey(operation["newSchema"].AsString() ?? operation.Schema, newName);
                return With(_tables.Remove(key).SetItem(newKey, existing.With(key: newKey).ShapedBy(operation, migration)));
        }

        if (existing is null)
        {
            return this;
        }

        return With(_tables.SetItem(key, ApplyToTable(existing, operation).ShapedBy(operation, migration)));
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

    private static TableState Create(TableKey key, MigrationOperation createTable, MigrationModel migration, int opaqueSeen)
    {
        var columns = ImmutableDictionary.Create<string, ColumnDefinition>(StableStringComparer.Ordinal);
        foreach (var column in createTable.TableColumns)
        {
            if (column.Name is not null)
            {
                columns = columns.SetItem(column.Name, column);
            }
        }

        var table = new TableState(key, migration, columns, ImmutableDictionary.Create<string, KeyState>(StableStringComparer.Ordinal), opaqueSeen: opaqueSeen);
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
