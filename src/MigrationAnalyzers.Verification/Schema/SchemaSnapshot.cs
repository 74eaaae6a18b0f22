using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;

namespace MigrationAnalyzers.Verification.Schema;

/// <summary>
/// The parts of a database schema a migration is expected to restore, normalised so that two
/// snapshots can be compared by value. Built from EF Core's design-time <see cref="DatabaseModel"/>.
/// </summary>
internal sealed class SchemaSnapshot
{
    public SchemaSnapshot(DatabaseModel model, IReadOnlyDictionary<string, TableShape> tables, IReadOnlyCollection<string> sequences)
    {
        Model = model;
        Tables = tables;
        Sequences = sequences;
    }

    /// <summary>The raw model, kept because sample data needs the real tables and foreign keys.</summary>
    public DatabaseModel Model { get; }

    /// <summary>Tables by display name (schema-qualified only outside the default schema).</summary>
    public IReadOnlyDictionary<string, TableShape> Tables { get; }

    public IReadOnlyCollection<string> Sequences { get; }
}

internal sealed class TableShape
{
    public TableShape(
        string name,
        IReadOnlyDictionary<string, ColumnShape> columns,
        IReadOnlyList<string>? primaryKey,
        IReadOnlyDictionary<string, IndexShape> indexes,
        IReadOnlyCollection<string> foreignKeys)
    {
        Name = name;
        Columns = columns;
        PrimaryKey = primaryKey;
        Indexes = indexes;
        ForeignKeys = foreignKeys;
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, ColumnShape> Columns { get; }

    public IReadOnlyList<string>? PrimaryKey { get; }

    /// <summary>Indexes and unique constraints by name.</summary>
    public IReadOnlyDictionary<string, IndexShape> Indexes { get; }

    /// <summary>
    /// Foreign keys as readable signatures ("(BlogId) -> Blogs (Id) on delete Cascade"):
    /// SQLite does not report constraint names, so the signature is the identity.
    /// </summary>
    public IReadOnlyCollection<string> ForeignKeys { get; }
}

internal sealed record ColumnShape(string Name, string? StoreType, bool IsNullable, string? DefaultSql, string? ComputedSql, string? Collation);

internal sealed record IndexShape(string Name, string Kind, bool IsUnique, IReadOnlyList<string> Columns, string? Filter)
{
    public string ColumnList => "(" + string.Join(", ", Columns) + ")";
}
