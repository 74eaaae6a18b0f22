using System.Collections.Immutable;
using System.Linq;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;
using K = MigrationAnalyzers.Model.MigrationOperationKind;

namespace MigrationAnalyzers.Reversibility;

/// <summary>
/// MIG045's question: does a Down operation that undoes an Up operation bring back the definition
/// the schema had before Up? The old definition is Up's <c>old…</c> values, else the schema history
/// and the previous migration's target model (read with EF's column rules). When the history and the
/// target model disagree, only a Down that matches neither is reported (they are the truth, and a
/// contradiction between them is not the Down's fault).
/// </summary>
internal static class RestoredDefinition
{
    /// <summary>
    /// How <paramref name="down"/> differs from what <paramref name="up"/> replaced; null when it restores it or it cannot be told.
    /// <paramref name="modelColumns"/>: the table's columns in the previous target model (default when it does not describe it).
    /// </summary>
    public static string? Difference(MigrationOperation up, MigrationOperation down, SchemaState before, System.Func<ImmutableArray<ColumnDefinition>>? readModel = null)
    {
        // The previous target model costs a Designer read: asked only when the history cannot decide.
        var modelColumns = new System.Lazy<ImmutableArray<ColumnDefinition>>(() => readModel?.Invoke() ?? default);
        var table = before.Find(up.Schema, up.Table);
        switch (up.Kind)
        {
            case K.AlterColumn when down.Column is { } restored:
                if (up["oldClrType"].Kind == ArgumentValueKind.TypeOf)
                {
                    return up.OldColumn is { } old ? DefinitionDifference.Of(old, restored) : null;
                }

                return up.Name is { } altered ? ColumnDifference(altered, restored, table, modelColumns) : null;
            case K.DropColumn when down.Column is { } readded && up.Name is { } dropped:
                return ColumnDifference(dropped, readded, table, modelColumns);
            case K.DropTable when table is not null:
                foreach (var pair in table.Columns.OrderBy(p => p.Key, System.StringComparer.Ordinal))
                {
                    var recreated = down.TableColumns.FirstOrDefault(c => c.Name == pair.Key);
                    if (recreated is null)
                    {
                        return down.HasUnreadableTableBody ? null : $"column '{pair.Key}' is missing";
                    }

                    if (ColumnDifference(pair.Key, recreated, table, modelColumns) is { } difference)
                    {
                        return $"column '{pair.Key}' has {difference}";
                    }
                }

                return null;
            case K.DropIndex or K.DropPrimaryKey or K.DropUniqueConstraint or K.DropForeignKey
                when up.Name is { } name && table is not null && table.Keys.TryGetValue(name, out var key) && !key.Columns.IsDefault:
                var columns = down.Columns;
                if (!columns.IsDefault && !columns.SequenceEqual(key.Columns))
                {
                    return $"columns ({string.Join(", ", columns)}) instead of ({string.Join(", ", key.Columns)})";
                }

                if (down.Kind == K.CreateIndex && key.Kind == K.CreateIndex && down["unique"].AsBool() is { } unique && unique != key.IsUnique)
                {
                    return unique ? "unique: true instead of false" : "unique: false instead of true";
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The column's difference from its old definition: the history's, unless the previous target model
    /// defines it as restored; the target model's when the history does not know the column.
    /// </summary>
    private static string? ColumnDifference(string name, ColumnDefinition restored, TableState? table, System.Lazy<ImmutableArray<ColumnDefinition>> modelColumns)
    {
        if (table is null || !table.Columns.TryGetValue(name, out var known))
        {
            return ModelColumn(modelColumns, name) is { } modelOnly ? DefinitionDifference.Of(modelOnly, restored) : null;
        }

        var difference = DefinitionDifference.Of(known, restored);
        return difference is not null && ModelColumn(modelColumns, name) is { } modelColumn && DefinitionDifference.Of(modelColumn, restored) is null ? null : difference;
    }

    private static ColumnDefinition? ModelColumn(System.Lazy<ImmutableArray<ColumnDefinition>> modelColumns, string name) =>
        modelColumns.Value.IsDefault ? null : modelColumns.Value.FirstOrDefault(c => c.Name == name);
}
