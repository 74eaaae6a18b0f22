using System;
using System.Collections.Immutable;
using System.Linq;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// A possibly qualified object name read from SQL (<c>dbo.[Posts]</c>, <c>{0}."Logs"</c>), parts unquoted.
/// A part that is an interpolation hole is <c>null</c>: the name is then only partly known.
/// </summary>
internal sealed class SqlName
{
    public SqlName(ImmutableArray<string?> parts, string text)
    {
        Parts = parts;
        Text = text;
    }

    public ImmutableArray<string?> Parts { get; }

    /// <summary>The name as written in the SQL.</summary>
    public string Text { get; }

    /// <summary>The last part (table, column, schema…); null when it is a hole.</summary>
    public string? Name => Parts.IsEmpty ? null : Parts[Parts.Length - 1];

    /// <summary>The part before the last one, if any (null also when it is a hole).</summary>
    public string? Schema => Parts.Length >= 2 ? Parts[Parts.Length - 2] : null;

    public bool HasSchema => Parts.Length >= 2;

    /// <summary>Every part is known (no interpolation hole).</summary>
    public bool IsKnown => Parts.All(p => p is not null);

    /// <summary>A SQL Server temporary table (<c>#t</c>, <c>##t</c>, <c>tempdb..t</c>).</summary>
    public bool IsTemporary =>
        Name?.StartsWith("#", StringComparison.Ordinal) == true ||
        (Parts.Length >= 2 && string.Equals(Parts[0], "tempdb", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Same object, case-insensitively (SQL Server's default collation and PostgreSQL's folding of
    /// unquoted names both make case a poor discriminator). A schema is compared only when both sides name one.
    /// </summary>
    public bool Matches(string? schema, string? name) =>
        Name is not null && name is not null &&
        string.Equals(Name, name, StringComparison.OrdinalIgnoreCase) &&
        (string.IsNullOrEmpty(schema) || !HasSchema || Schema is null || string.Equals(Schema, schema, StringComparison.OrdinalIgnoreCase));

    public bool Matches(SqlName other) => other.Name is not null && Matches(other.HasSchema ? other.Schema : null, other.Name);

    public override string ToString() => Text;
}
