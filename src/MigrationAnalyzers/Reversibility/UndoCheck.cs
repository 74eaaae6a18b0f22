using System.Collections.Immutable;
using System.Linq;
using MigrationAnalyzers.Model;
using K = MigrationAnalyzers.Model.MigrationOperationKind;

namespace MigrationAnalyzers.Reversibility;

/// <summary>
/// Whether a Down operation undoes an Up operation: the inverse kind (<see cref="InverseKinds"/>)
/// on the same object, with names swapped back. Pairing (MIG042/MIG043/MIG045) asks it.
/// </summary>
internal static class UndoCheck
{
    /// <summary>
    /// The index of the first operation after <paramref name="index"/> in one method that undoes the operation at
    /// <paramref name="index"/> and is not <paramref name="excluded"/> (already claimed, unreadable…); -1 when none.
    /// Netting within one method (an index created for a backfill and dropped after it) asks it.
    /// </summary>
    public static int FirstLaterUndoer(
        ImmutableArray<MigrationOperation> operations, int index, System.Func<MigrationOperation, bool> excluded, TableAliases aliases)
    {
        for (var j = index + 1; j < operations.Length; j++)
        {
            if (!excluded(operations[j]) && Undoes(operations[j], operations[index], aliases))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>True when Down operation <paramref name="down"/> undoes Up operation <paramref name="up"/> (same object, names swapped).</summary>
    public static bool Undoes(MigrationOperation down, MigrationOperation up, TableAliases aliases)
    {
        if (InverseKinds.Of(up.Kind) != down.Kind)
        {
            return false;
        }

        switch (up.Kind)
        {
            case K.CreateTable:
            case K.DropTable:
            case K.AlterTable:
                return aliases.Same(up, down);
            case K.RenameTable:
                return down.Table == up.NewName && down.NewName == up.Table && SwappedSchemas(up, down);
            case K.AddColumn:
            case K.DropColumn:
            case K.AlterColumn:
                return down.Name == up.Name && aliases.Same(up, down);
            case K.RenameColumn:
            case K.RenameIndex:
                return down.Name == up.NewName && down.NewName == up.Name && SameOrUnnamedTable(up, down, aliases);
            case K.CreateIndex:
            case K.DropIndex:
            case K.AddPrimaryKey:
            case K.DropPrimaryKey:
            case K.AddForeignKey:
            case K.DropForeignKey:
            case K.AddUniqueConstraint:
            case K.DropUniqueConstraint:
            case K.AddCheckConstraint:
            case K.DropCheckConstraint:
                return down.Name == up.Name && SameOrUnnamedTable(up, down, aliases);
            case K.CreateSequence:
            case K.DropSequence:
            case K.AlterSequence:
                return down.Name == up.Name && MigrationOperation.SchemaEquals(down.Schema, up.Schema);
            case K.RenameSequence:
                return down.Name == up.NewName && down.NewName == up.Name && SwappedSchemas(up, down);
            case K.DropSchema:
                return down.Name == up.Name;
            case K.AlterDatabase:
                return true;
            case K.InsertData:
            case K.DeleteData:
                return aliases.Same(up, down);
            case K.UpdateData:
                return aliases.Same(up, down) && SameStrings(KeyColumns(up), KeyColumns(down)) &&
                    ArgumentValue.ConstantEquals(KeyValues(up), KeyValues(down));
            default:
                return false;
        }
    }

    /// <summary>The key columns of DeleteData/UpdateData (<c>keyColumns</c> or <c>keyColumn</c>).</summary>
    private static ImmutableArray<string> KeyColumns(MigrationOperation operation) =>
        !operation["keyColumns"].IsNull ? operation["keyColumns"].AsStrings() : operation["keyColumn"].AsStrings();

    private static ArgumentValue KeyValues(MigrationOperation operation) =>
        !operation["keyValues"].IsNull ? operation["keyValues"] : operation["keyValue"];

    /// <summary>
    /// Down's rename moves back between the same schemas. EF reads a null <c>newSchema</c> as the
    /// default schema (and scaffolds it whenever there is one); older hand-written code meant "unchanged": both are accepted.
    /// </summary>
    private static bool SwappedSchemas(MigrationOperation up, MigrationOperation down)
    {
        string? upNew = up["newSchema"].AsString(), downNew = down["newSchema"].AsString();
        return (MigrationOperation.SchemaEquals(down.Schema, upNew) && MigrationOperation.SchemaEquals(downNew, up.Schema)) ||
            (MigrationOperation.SchemaEquals(down.Schema, upNew ?? up.Schema) && MigrationOperation.SchemaEquals(downNew ?? down.Schema, up.Schema));
    }

    private static bool SameStrings(ImmutableArray<string> a, ImmutableArray<string> b) =>
        !a.IsDefault && !b.IsDefault && a.SequenceEqual(b);

    private static bool SameOrUnnamedTable(MigrationOperation up, MigrationOperation down, TableAliases aliases) =>
        up.Table is null || down.Table is null ? MigrationOperation.SchemaEquals(up.Schema, down.Schema) : aliases.Same(up, down);
}
