using System;

namespace MigrationAnalyzers.Schema;

/// <summary>A table's identity: schema (null = the provider's default) and name, compared ordinally.</summary>
internal readonly struct TableKey : IEquatable<TableKey>
{
    public TableKey(string? schema, string name)
    {
        Schema = string.IsNullOrEmpty(schema) ? null : schema;
        Name = name;
    }

    public string? Schema { get; }

    public string Name { get; }

    public bool Equals(TableKey other) => Schema == other.Schema && Name == other.Name;

    public override bool Equals(object? obj) => obj is TableKey other && Equals(other);

    // The same in every process (see StableStringComparer): the schema state iterates its tables in hash order.
    public override int GetHashCode() => (StableStringComparer.Hash(Schema) * 397) ^ StableStringComparer.Hash(Name);

    public override string ToString() => Schema is null ? Name : Schema + "." + Name;
}
