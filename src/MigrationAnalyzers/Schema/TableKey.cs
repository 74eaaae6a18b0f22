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

    public override int GetHashCode() => ((Schema?.GetHashCode() ?? 0) * 397) ^ Name.GetHashCode();

    public override string ToString() => Schema is null ? Name : Schema + "." + Name;
}
