using System.Collections.Generic;
using System.Linq;

namespace MigrationAnalyzers.Verification.Schema;

/// <summary>
/// Lists how an actual schema differs from the expected one, one readable line per difference,
/// worded with the step labels ("missing after Down", "present after Down but not before Up").
/// </summary>
internal sealed class SchemaComparer
{
    private readonly string _expectedLabel;
    private readonly string _actualLabel;
    private readonly bool _reportExtras;
    private readonly List<SchemaDifference> _differences = new();

    private SchemaComparer(string expectedLabel, string actualLabel, bool reportExtras)
    {
        _expectedLabel = expectedLabel;
        _actualLabel = actualLabel;
        _reportExtras = reportExtras;
    }

    /// <param name="expected">The schema that should be there.</param>
    /// <param name="actual">The schema that is there.</param>
    /// <param name="expectedLabel">Where the expected schema comes from, e.g. "before Up".</param>
    /// <param name="actualLabel">Where the actual schema comes from, e.g. "after Down".</param>
    /// <param name="reportExtras">
    /// False to list only what the actual schema lacks or has differently: tables, columns, indexes
    /// and defaults it has in addition are then ignored (used against the model, which knows
    /// nothing of views or tables a migration creates with raw SQL).
    /// </param>
    public static IReadOnlyList<SchemaDifference> Compare(SchemaSnapshot expected, SchemaSnapshot actual, string expectedLabel, string actualLabel, bool reportExtras = true)
    {
        var comparer = new SchemaComparer(expectedLabel, actualLabel, reportExtras);
        comparer.CompareTables(expected, actual);
        comparer.CompareSets("sequence", expected.Sequences, actual.Sequences, prefix: string.Empty);
        return comparer._differences;
    }

    private void CompareTables(SchemaSnapshot expected, SchemaSnapshot actual)
    {
        foreach (var table in expected.Tables.Values)
        {
            if (!actual.Tables.TryGetValue(table.Name, out var actualTable))
            {
                Missing($"table {table.Name}");
                continue;
            }

            CompareTable(table, actualTable);
        }

        foreach (var name in actual.Tables.Keys.Where(n => !expected.Tables.ContainsKey(n)))
        {
            Unexpected($"table {name}");
        }
    }

    private void CompareTable(TableShape expected, TableShape actual)
    {
        var prefix = $"table {expected.Name}: ";
        foreach (var column in expected.Columns.Values)
        {
            if (!actual.Columns.TryGetValue(column.Name, out var actualColumn))
            {
                Missing(prefix + $"column {column.Name}");
                continue;
            }

            var where = prefix + $"column {column.Name}: ";
            Changed(where + "type", column.StoreType, actualColumn.StoreType);
            Changed(where + "nullability", Nullability(column.IsNullable), Nullability(actualColumn.IsNullable));
            CompareDefaults(where, column.DefaultSql, actualColumn.DefaultSql);
            Changed(where + "computed as", column.ComputedSql, actualColumn.ComputedSql);
            Changed(where + "collation", column.Collation, actualColumn.Collation);
        }

        foreach (var name in actual.Columns.Keys.Where(n => !expected.Columns.ContainsKey(n)))
        {
            Unexpected(prefix + $"column {name}");
        }

        Changed(prefix + "primary key", KeyText(expected.PrimaryKey), KeyText(actual.PrimaryKey));
        CompareIndexes(prefix, expected, actual);
        CompareSets("foreign key", expected.ForeignKeys, actual.ForeignKeys, prefix);
    }

    /// <summary>
    /// Defaults are told apart from other differences: EF changes them without the migration
    /// author asking (see <see cref="SchemaDifference"/>). A default the actual schema has in
    /// addition is left out when extras are not reported.
    /// </summary>
    private void CompareDefaults(string where, string? expected, string? actual)
    {
        if (expected == actual || (!_reportExtras && expected is null))
        {
            return;
        }

        _differences.Add(new SchemaDifference(Change(where + "default", expected, actual), IsDefaultOnly: true));
    }

    private void CompareIndexes(string prefix, TableShape expected, TableShape actual)
    {
        foreach (var index in expected.Indexes.Values)
        {
            if (!actual.Indexes.TryGetValue(index.Name, out var actualIndex))
            {
                Missing(prefix + $"{index.Kind} {index.Name} {index.ColumnList}");
                continue;
            }

            var where = prefix + $"{index.Kind} {index.Name}: ";
            Changed(where + "uniqueness", Uniqueness(index.IsUnique), Uniqueness(actualIndex.IsUnique));
            Changed(where + "columns", index.ColumnList, actualIndex.ColumnList);
            Changed(where + "filter", index.Filter, actualIndex.Filter);
        }

        foreach (var index in actual.Indexes.Values.Where(i => !expected.Indexes.ContainsKey(i.Name)))
        {
            Unexpected(prefix + $"{index.Kind} {index.Name} {index.ColumnList}");
        }
    }

    private void CompareSets(string kind, IReadOnlyCollection<string> expected, IReadOnlyCollection<string> actual, string prefix)
    {
        foreach (var item in expected.Except(actual))
        {
            Missing(prefix + $"{kind} {item}");
        }

        foreach (var item in actual.Except(expected))
        {
            Unexpected(prefix + $"{kind} {item}");
        }
    }

    private void Missing(string what) => _differences.Add(new SchemaDifference($"{what} missing {_actualLabel}"));

    private void Unexpected(string what)
    {
        if (_reportExtras)
        {
            _differences.Add(new SchemaDifference($"{what} present {_actualLabel} but not {_expectedLabel}"));
        }
    }

    private void Changed(string what, string? expected, string? actual)
    {
        if (expected != actual)
        {
            _differences.Add(new SchemaDifference(Change(what, expected, actual)));
        }
    }

    private string Change(string what, string? expected, string? actual)
        => $"{what} {expected ?? "(none)"} {_expectedLabel}, {actual ?? "(none)"} {_actualLabel}";

    private static string Nullability(bool isNullable) => isNullable ? "NULL" : "NOT NULL";

    private static string Uniqueness(bool isUnique) => isUnique ? "unique" : "not unique";

    private static string? KeyText(IReadOnlyList<string>? columns) => columns is null ? null : "(" + string.Join(", ", columns) + ")";
}

/// <summary>
/// One difference. <see cref="IsDefaultOnly"/> marks a column default that differs: EF's own Down
/// adds one (<c>defaultValue: ""</c>, <c>0</c>) whenever it re-creates a required column, and a
/// SQLite table rebuild drops the defaults the target model does not have, so differences that
/// are only about defaults are reported as notes, not failures.
/// </summary>
internal sealed record SchemaDifference(string Text, bool IsDefaultOnly = false);
