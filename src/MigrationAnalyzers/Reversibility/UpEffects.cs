using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;
using MigrationAnalyzers.Sql;
using K = MigrationAnalyzers.Model.MigrationOperationKind;

namespace MigrationAnalyzers.Reversibility;

/// <summary>Whether an Up leaves anything that a rollback has to undo (MIG041, MIG046).</summary>
internal static class UpEffects
{
    /// <summary>
    /// True when some Up operation changes schema in a way Down must undo. Data changes
    /// (<c>InsertData</c>, <c>UpdateData</c>, a <c>Sql</c> INSERT, UPDATE or DELETE, also on
    /// <c>__EFMigrationsHistory</c>) and <c>EnsureSchema</c> (EF never drops schemas in Down) do not
    /// count; neither does SQL the classifier cannot read, nor an operation the model cannot type,
    /// nor a pair that cancels within Up (a temporary index created for a backfill and dropped after it).
    /// </summary>
    public static bool NeedsDown(MigrationFacts context)
    {
        var cancelled = CancelledWithinUp(context);
        foreach (var operation in context.Migration.Up.Operations)
        {
            if (!context.MayRun(operation) || operation.Kind is K.InsertData or K.UpdateData || cancelled.Contains(operation))
            {
                continue;
            }

            if (operation.Kind == K.Sql)
            {
                if (SqlChangesSchema(operation))
                {
                    return true;
                }

                continue;
            }

            if (InverseKinds.IsInvertible(operation.Kind))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Up operations a later operation of the same Up undoes (<c>CreateIndex</c> … <c>DropIndex</c> of the
    /// same index), both of them: together they leave the schema as it was. Only kinds whose inverse is
    /// another kind (create/drop, add/drop, renames back): two <c>AlterColumn</c>s on one column are two changes.
    /// </summary>
    private static System.Collections.Generic.HashSet<MigrationOperation> CancelledWithinUp(MigrationFacts context)
    {
        var cancelled = new System.Collections.Generic.HashSet<MigrationOperation>();
        var operations = context.Migration.Up.Operations;
        TableAliases? aliases = null;
        for (var i = 0; i < operations.Length; i++)
        {
            var first = operations[i];
            if (cancelled.Contains(first) || InverseKinds.Of(first.Kind) is not { } inverse || inverse == first.Kind ||
                first.HasUnknownArguments || !context.MayRun(first))
            {
                continue;
            }

            var j = UndoCheck.FirstLaterUndoer(
                operations, i, o => cancelled.Contains(o) || o.HasUnknownArguments || !context.MayRun(o), aliases ??= new TableAliases(operations));
            if (j >= 0)
            {
                cancelled.Add(first);
                cancelled.Add(operations[j]);
            }
        }

        return cancelled;
    }

    /// <summary>A <c>Sql</c> whose (constant or templated) text creates, alters or drops schema.</summary>
    public static bool SqlChangesSchema(MigrationOperation sql) =>
        SqlScript.For(sql) is { } script && (SqlEffects.Classify(script) & SqlEffect.Schema) != 0;

    /// <summary>Up changes data only: some operation, and every one is InsertData, UpdateData, DeleteData or a Sql without DDL.</summary>
    public static bool OnlyChangesData(MigrationFacts context)
    {
        var any = false;
        foreach (var operation in context.Migration.Up.Operations)
        {
            if (!context.MayRun(operation))
            {
                continue;
            }

            var isData = operation.Kind is K.InsertData or K.UpdateData or K.DeleteData ||
                (operation.Kind == K.Sql && SqlScript.For(operation) is { } script && (SqlEffects.Classify(script) & (SqlEffect.Schema | SqlEffect.Unknown)) == 0);
            if (!isData)
            {
                return false;
            }

            any = true;
        }

        return any && !context.Migration.Up.HasUnknown && !context.Migration.Up.CallsBase;
    }
}
