using System.Collections.Generic;
using System.Collections.Immutable;
using K = MigrationAnalyzers.Model.MigrationOperationKind;

namespace MigrationAnalyzers.Reversibility;

/// <summary>
/// The inverse table, in one place: for every <c>MigrationBuilder</c> operation, the operation kind
/// that undoes it. Pairing (<see cref="UndoCheck"/>), MIG041/MIG042 and the fixes' generated inverses
/// all read it, so they agree on what has an inverse.
/// </summary>
internal static class InverseKinds
{
    /// <summary>Up kind → the kind that undoes it. Absent: not inverted (Sql, EnsureSchema, RestartSequence, unknown).</summary>
    private static readonly ImmutableDictionary<K, K> Table = new Dictionary<K, K>
    {
        [K.CreateTable] = K.DropTable,
        [K.DropTable] = K.CreateTable,
        [K.RenameTable] = K.RenameTable,
        [K.AlterTable] = K.AlterTable,
        [K.AddColumn] = K.DropColumn,
        [K.DropColumn] = K.AddColumn,
        [K.AlterColumn] = K.AlterColumn,
        [K.RenameColumn] = K.RenameColumn,
        [K.CreateIndex] = K.DropIndex,
        [K.DropIndex] = K.CreateIndex,
        [K.RenameIndex] = K.RenameIndex,
        [K.AddPrimaryKey] = K.DropPrimaryKey,
        [K.DropPrimaryKey] = K.AddPrimaryKey,
        [K.AddForeignKey] = K.DropForeignKey,
        [K.DropForeignKey] = K.AddForeignKey,
        [K.AddUniqueConstraint] = K.DropUniqueConstraint,
        [K.DropUniqueConstraint] = K.AddUniqueConstraint,
        [K.AddCheckConstraint] = K.DropCheckConstraint,
        [K.DropCheckConstraint] = K.AddCheckConstraint,
        [K.CreateSequence] = K.DropSequence,
        [K.DropSequence] = K.CreateSequence,
        [K.AlterSequence] = K.AlterSequence,
        [K.RenameSequence] = K.RenameSequence,
        [K.DropSchema] = K.EnsureSchema,
        [K.AlterDatabase] = K.AlterDatabase,
        [K.InsertData] = K.DeleteData,
        [K.DeleteData] = K.InsertData,
        [K.UpdateData] = K.UpdateData,
    }.ToImmutableDictionary();

    /// <summary>The kind that undoes <paramref name="kind"/>; null when it is not inverted.</summary>
    public static K? Of(K kind) => Table.TryGetValue(kind, out var inverse) ? inverse : null;

    /// <summary>
    /// Up operations MIG042 judges and MIG041 counts as schema changes: those with an inverse, except
    /// AlterDatabase (extensions and collation, which EF's Down of an initial migration leaves in
    /// place, as it leaves schemas) and UpdateData (data is not schema: a backfill needs no inverse).
    /// Not Sql (MIG046) nor EnsureSchema.
    /// </summary>
    public static bool IsInvertible(K kind) => Table.ContainsKey(kind) && kind is not (K.AlterDatabase or K.UpdateData);
}
