using System.Linq;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// The NOT NULL-on-existing-rows rewrite shared by the MIG020/MIG021 and MIG022 fixes:
/// an <c>AddColumn</c> becomes add nullable → backfill <c>UPDATE</c> → <c>AlterColumn</c> to NOT NULL;
/// an <c>AlterColumn</c> to NOT NULL gets the backfill inserted before it. The backfill value is the
/// column's <c>defaultValue</c>, else the CLR default of its type (<see cref="PlaceholderDefaults"/>),
/// and a comment above it says what existing rows receive.
/// </summary>
internal static class NotNullBackfill
{
    // Definition arguments that AlterColumn repeats on its old side (oldType, oldMaxLength…).
    private static readonly string[] OldSideArguments =
    {
        "type", "unicode", "maxLength", "fixedLength", "precision", "scale", "comment", "collation",
    };

    public static void Plan(FixTarget target, FixPlan plan)
    {
        var operation = target.Operation();
        if (operation is not { Column: { } column, Table: { } table, Name: { } name } ||
            FixPlan.StatementOf(operation) is not { } statement ||
            CallArguments.Target(operation.Syntax) is not { } call ||
            ValueFor(column) is not { } value)
        {
            return;
        }

        var provider = target.Document.Provider;
        var literal = SqlLiterals.Render(value, provider);
        var backfill = plan.Statement(Backfill(call.Receiver, provider, operation.Schema, table, name, literal, plan.NewLine));
        if (operation.Kind == MigrationOperationKind.AlterColumn)
        {
            // In the AlterColumn's place, under its comments: the backfill, then the AlterColumn itself.
            plan.Replace(statement, new[] { backfill, FixPlan.Moved(statement) });
            return;
        }

        if (operation.Kind != MigrationOperationKind.AddColumn ||
            CallArguments.Read(operation.Syntax, target.Document.SemanticModel, target.Context.CancellationToken) is not { } arguments)
        {
            return;
        }

        // The chain as written, its lines moved to column 0 with the rest of the generated code.
        var chain = CallArguments.AnnotationChain(operation.Syntax, operation.StatementExpression)
            .Replace(plan.NewLine + EfCallWriter.IndentationOf(statement), plan.NewLine);
        var add = new EfCallWriter(call.Receiver, "AddColumn", call.TypeArgument);
        var alter = new EfCallWriter(call.Receiver, "AlterColumn", call.TypeArgument);
        foreach (var (parameter, expression) in arguments)
        {
            if (parameter == "nullable")
            {
                add.Argument(parameter, "true");
                alter.Argument(parameter, "false");
                continue;
            }

            if (parameter != "defaultValue")
            {
                add.Argument(parameter, expression);
            }

            alter.Argument(parameter, expression);
        }

        if (!arguments.Any(a => a.Name == "nullable"))
        {
            add.Argument("nullable", "true");
            alter.Argument("nullable", "false");
        }

        if (call.TypeArgument is { } type)
        {
            alter.Argument("oldClrType", "typeof(" + type + ")");
        }

        foreach (var parameter in OldSideArguments)
        {
            foreach (var argument in arguments.Where(a => a.Name == parameter))
            {
                alter.Argument("old" + char.ToUpperInvariant(parameter[0]) + parameter.Substring(1), argument.Expression);
            }
        }

        alter.Argument("oldNullable", "true");
        var oldChain = chain.Replace(".Annotation(", ".OldAnnotation(");
        plan.Replace(statement, new[]
        {
            plan.Statement(add.ToCode(string.Empty, plan.NewLine) + chain + ";"),
            backfill,
            plan.Statement(alter.ToCode(string.Empty, plan.NewLine) + chain + oldChain + ";"),
        });
    }

    /// <summary>The column's defaultValue when it has one, else the CLR default of its type; null when neither is known.</summary>
    public static ColumnValue? ValueFor(ColumnDefinition column) =>
        column.DefaultValue.IsNull ? PlaceholderDefaults.ClrDefault(column.ClrType) : PlaceholderDefaults.Read(column.DefaultValue);

    /// <summary><c>// Existing rows get v in c.</c> and the <c>Sql("UPDATE … WHERE c IS NULL")</c> statement, at column 0.</summary>
    public static string Backfill(string receiver, Configuration.DatabaseProvider provider, string? schema, string table, string column, string literal, string newLine)
    {
        var quoted = SqlQuoting.Identifier(provider, column);
        var sql = "UPDATE " + SqlQuoting.Table(provider, schema, table) + " SET " + quoted + " = " + literal + " WHERE " + quoted + " IS NULL";
        return "// Existing rows get " + literal + " in " + column + "." + newLine +
            new EfCallWriter(receiver, "Sql").Literal("sql", sql).ToCode(string.Empty, newLine) + ";";
    }
}
