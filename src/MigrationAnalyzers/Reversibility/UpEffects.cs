using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;
using K = MigrationAnalyzers.Model.MigrationOperationKind;

namespace MigrationAnalyzers.Reversibility;

/// <summary>Whether an Up leaves anything that a rollback has to undo (MIG041, MIG046).</summary>
internal static class UpEffects
{
    /// <summary>
    /// True when some Up operation changes schema or removes/adds rows in a way Down must undo.
    /// Data changes (<c>InsertData</c>, <c>UpdateData</c>, a <c>Sql</c> backfill <c>UPDATE</c>) and
    /// <c>EnsureSchema</c> (EF never drops schemas in Down) do not count; neither does SQL the
    /// classifier cannot read, nor an operation the model cannot type.
    /// </summary>
    public static bool NeedsDown(MigrationFacts context)
    {
        foreach (var operation in context.Migration.Up.Operations)
        {
            if (!context.MayRun(operation) || operation.Kind is K.InsertData or K.UpdateData)
            {
                continue;
            }

            if (operation.Kind == K.Sql)
            {
                if (SqlChangesSchemaOrRows(operation))
                {
                    return true;
                }

                continue;
            }

            if (Inverses.IsInvertible(operation.Kind))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>Sql</c> whose (constant or templated) text creates/alters/drops schema or inserts/deletes rows.</summary>
    public static bool SqlChangesSchemaOrRows(MigrationOperation sql)
    {
        if ((sql.SqlText ?? sql.SqlTemplate) is not { } text)
        {
            return false;
        }

        var effect = SqlEffects.Classify(text);
        return (effect & (SqlEffect.Schema | SqlEffect.RowChange)) != 0;
    }
}
