using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// Which operations shaped a table, latest first, and the id of the migration each belongs to. Two
/// compilations' tables with the same provenance (<see cref="SameAs"/>) are the same table: an
/// operation object is shared between compilations only when its migration's file did not change
/// and its read owed nothing to the compilation (<see cref="MethodReadCache"/>), and folding the
/// same operations in the same order gives the same state. This is what lets the next compilation
/// reuse a rule's diagnostics (<see cref="ReadLog"/>) without comparing table contents.
/// </summary>
internal sealed class Provenance
{
    private readonly int _length;

    private Provenance(Provenance? previous, MigrationOperation operation, string? migrationId)
    {
        Previous = previous;
        Operation = operation;
        MigrationId = migrationId;
        _length = (previous?._length ?? 0) + 1;
    }

    public Provenance? Previous { get; }

    public MigrationOperation Operation { get; }

    public string? MigrationId { get; }

    public static Provenance Append(Provenance? previous, MigrationOperation operation, MigrationModel migration) =>
        new(previous, operation, migration.Id);

    /// <summary>The same operation objects of the same migration ids, in the same order (null: nothing shaped it, or no table).</summary>
    public static bool SameAs(Provenance? left, Provenance? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left._length != right._length)
        {
            return false;
        }

        for (; left is not null && right is not null; left = left.Previous, right = right.Previous)
        {
            if (ReferenceEquals(left, right))
            {
                return true;
            }

            if (!ReferenceEquals(left.Operation, right.Operation) || left.MigrationId != right.MigrationId)
            {
                return false;
            }
        }

        return left is null && right is null;
    }
}
