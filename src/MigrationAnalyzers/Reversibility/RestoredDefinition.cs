using System.Linq;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;
using K = MigrationAnalyzers.Model.MigrationOperationKind;

namespace MigrationAnalyzers.Reversibility;

/// <summary>
/// MIG045's question: does a Down operation that undoes an Up operation bring back the definition
/// the schema had before Up? The old definition is Up's <c>old…</c> values, else the schema history.
/// </summary>
internal static class RestoredDefinition
{
    /// <summary>How <paramref name="down"/> differs from what <paramref name="up"/> replaced; null when it restores it or it cannot be told.</summary>
    public static string? Difference(MigrationOperation up, MigrationOperation down, SchemaState before)
    {
        var table = before.Find(up.Schema, up.Table);
        switch (up.Kind)
        {
            case K.AlterColumn when down.Column is { } restored:
                var old = up["oldClrType"].Kind == ArgumentValueKind.TypeOf
                    ? up.OldColumn
                    : up.Name is { } altered && table is not null && table.Columns.TryGetValue(altered, out var known) ? known : null;
                return old is null ? null : Inverses.Difference(old, restored);
            case K.DropColumn when down.Column is { } readded && up.Name is { } dropped && table is not null && table.Columns.TryGetValue(dropped, out var column):
                return Inverses.Difference(column, readded);
            case K.DropTable when table is not null:
                foreach (var pair in table.Columns.OrderBy(p => p.Key, System.StringComparer.Ordinal))
                {
                    var recreated = down.TableColumns.FirstOrDefault(c => c.Name == pair.Key);
                    if (recreated is null)
                    {
                        return down.HasUnreadableTableBody ? null : $"column '{pair.Key}' is missing";
                    }

                    if (Inverses.Difference(pair.Value, recreated) is { } difference)
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
}
