using MigrationAnalyzers.Model;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.Checks;

/// <summary>
/// Names for MIG001/MIG002 messages when the model cannot read them (a loop variable, a helper's
/// parameter, a value from configuration): the expression as written, so the drop is still reported.
/// </summary>
internal static class DroppedNames
{
    /// <summary>The dropped (or DropColumn's) table: <c>schema.table</c>, each part constant or as written.</summary>
    public static string Table(MigrationOperation operation)
    {
        var table = AsWritten(operation[operation.Kind == MigrationOperationKind.DropTable ? "name" : "table"]);
        var schema = operation["schema"];
        return MigrationRuleContext.Qualified(schema.IsOmitted || schema.IsNull ? null : AsWritten(schema), table);
    }

    public static string Column(MigrationOperation operation) => AsWritten(operation["name"]);

    private static string AsWritten(ArgumentValue value) => value.AsString() ?? value.Syntax?.ToString() ?? "?";
}
