using System.Collections.Immutable;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

/// <summary>An index, key or foreign key known on a table: its name and ordered columns.</summary>
internal sealed class KeyState
{
    public KeyState(string name, MigrationOperationKind kind, ImmutableArray<string> columns, bool isUnique, MigrationOperation declaredBy)
    {
        Name = name;
        Kind = kind;
        Columns = columns;
        IsUnique = isUnique;
        DeclaredBy = declaredBy;
    }

    public string Name { get; }

    /// <summary>CreateIndex, AddPrimaryKey, AddUniqueConstraint or AddForeignKey.</summary>
    public MigrationOperationKind Kind { get; }

    public ImmutableArray<string> Columns { get; }

    public bool IsUnique { get; }

    public MigrationOperation DeclaredBy { get; }

    public KeyState WithColumns(ImmutableArray<string> columns) => new(Name, Kind, columns, IsUnique, DeclaredBy);

    public KeyState WithName(string name) => new(name, Kind, Columns, IsUnique, DeclaredBy);
}

/// <summary>
/// A table as the migrations before some point left it: columns (with the definition of the
/// operation that last shaped each), indexes and keys, and which migration created it.
/// Immutable; every change returns a new state sharing the rest.
/// </summary>
internal sealed class TableState
{
    public TableState(
        TableKey key,
        MigrationModel? createdBy,
        ImmutableDictionary<string, ColumnDefinition> columns,
        ImmutableDictionary<string, KeyState> keys,
        MigrationModel? changedUnseenBy = null,
        int opaqueSeen = 0,
        Provenance? provenance = null)
    {
        Key = key;
        CreatedBy = createdBy;
        Columns = columns;
        Keys = keys;
        ChangedUnseenBy = changedUnseenBy;
        OpaqueSeen = opaqueSeen;
        Provenance = provenance;
    }

    public TableKey Key { get; }

    /// <summary>The migration whose Up created the table (follows renames).</summary>
    public MigrationModel? CreatedBy { get; }

    public ImmutableDictionary<string, ColumnDefinition> Columns { get; }

    /// <summary>Indexes, primary key, unique constraints and foreign keys by name.</summary>
    public ImmutableDictionary<string, KeyState> Keys { get; }

    /// <summary>
    /// The latest migration with an operation the model could not read that names this table
    /// (<see cref="UnseenChange"/>): its columns and keys may differ from what is recorded here.
    /// </summary>
    public MigrationModel? ChangedUnseenBy { get; }

    /// <summary>How many operations that may touch any table had been folded when the table was created.</summary>
    public int OpaqueSeen { get; }

    /// <summary>The operations that shaped this state (what a later compilation compares, not the contents).</summary>
    public Provenance? Provenance { get; }

    /// <summary>This state, recorded as shaped by <paramref name="operation"/> of <paramref name="migration"/>.</summary>
    public TableState ShapedBy(MigrationOperation operation, MigrationModel migration) =>
        new(Key, CreatedBy, Columns, Keys, ChangedUnseenBy, OpaqueSeen, Provenance.Append(Provenance, operation, migration));

    public TableState With(
        TableKey? key = null,
        ImmutableDictionary<string, ColumnDefinition>? columns = null,
        ImmutableDictionary<string, KeyState>? keys = null,
        MigrationModel? changedUnseenBy = null) =>
        new(key ?? Key, CreatedBy, columns ?? Columns, keys ?? Keys, changedUnseenBy ?? ChangedUnseenBy, OpaqueSeen, Provenance);
}
