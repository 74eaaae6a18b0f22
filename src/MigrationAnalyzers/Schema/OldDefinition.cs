using System;
using System.Linq;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// SPEC §3 "The history and the target models are the truth": an <c>AlterColumn</c>'s <c>old…</c>
/// arguments are what EF's snapshot believed, and a migration scaffolded under another provider's
/// snapshot (or against a stale one) states an old definition the column never had
/// (<c>oldType: "TEXT"</c> on a MySQL history). Rules that judge the change from the old side
/// (MIG005, MIG045) stay silent when the old side contradicts what is known.
/// </summary>
internal static class OldDefinition
{
    /// <summary>
    /// True when <paramref name="alter"/>'s <c>oldType</c> (or <c>oldMaxLength</c>) differs from the column's
    /// definition in the schema history before Up operation <paramref name="upIndex"/>, or, when the
    /// history does not know the column, in the previous migration's target model.
    /// </summary>
    public static bool ContradictsKnown(MigrationFacts context, MigrationOperation alter, int upIndex)
    {
        if (alter is not { Kind: MigrationOperationKind.AlterColumn, OldColumn: { } old, Table: { } table, Name: { } column } ||
            Known(context, alter.Schema, table, column, upIndex) is not { } known)
        {
            return false;
        }

        if (old.StoreType is { } oldType && known.StoreType is { } knownType && Normalize(oldType) != Normalize(knownType))
        {
            return true;
        }

        return old.MaxLength.AsInt() is { } oldLength && known.MaxLength.AsInt() is { } knownLength && oldLength != knownLength;
    }

    private static ColumnDefinition? Known(MigrationFacts context, string? schema, string table, string column, int upIndex)
    {
        if (context.UpStateBefore(upIndex).Find(schema, table) is { } state)
        {
            return !context.IsChangedUnseen(schema, table, upIndex) && state.Columns.TryGetValue(column, out var folded) ? folded : null;
        }

        if (context.History.Previous(context.Migration) is not { } previous)
        {
            return null;
        }

        var columns = TargetModel.Columns(previous, context.Catalog.Types.Compilation, schema, table);
        return columns.IsDefault ? null : columns.FirstOrDefault(c => c.Name == column);
    }

    private static string Normalize(string storeType) =>
        new string(storeType.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
}
