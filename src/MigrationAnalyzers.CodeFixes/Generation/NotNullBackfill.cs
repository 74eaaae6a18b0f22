using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
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

    public static IEnumerable<TextChange> Edit(MigrationDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var operation = document.FindOperation(diagnostic.Location.SourceSpan);
        if (operation is not { Column: { } column, Table: { } table, Name: { } name } ||
            operation.StatementExpression.Parent is not ExpressionStatementSyntax statement ||
            CallArguments.Target(operation.Syntax) is not { } target ||
            ValueFor(column) is not { } value)
        {
            return Enumerable.Empty<TextChange>();
        }

        var provider = document.Provider;
        var literal = SqlLiterals.Render(value, provider);
        var indent = EfCallWriter.IndentationOf(statement);
        var newLine = EfCallWriter.NewLineOf(statement);
        var backfill = Backfill(target.Receiver, provider, operation.Schema, table, name, literal, indent, newLine);
        if (operation.Kind == MigrationOperationKind.AlterColumn)
        {
            return new[] { new TextChange(new TextSpan(statement.SpanStart, 0), backfill + newLine + newLine + indent) };
        }

        if (operation.Kind != MigrationOperationKind.AddColumn ||
            CallArguments.Read(operation.Syntax, document.SemanticModel, cancellationToken) is not { } arguments)
        {
            return Enumerable.Empty<TextChange>();
        }

        var chain = CallArguments.AnnotationChain(operation.Syntax, operation.StatementExpression);
        var add = new EfCallWriter(target.Receiver, "AddColumn", target.TypeArgument);
        var alter = new EfCallWriter(target.Receiver, "AlterColumn", target.TypeArgument);
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

        if (target.TypeArgument is { } type)
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
        var code = add.ToCode(indent, newLine) + chain + ";" + newLine + newLine +
            indent + backfill + newLine + newLine +
            indent + alter.ToCode(indent, newLine) + chain + oldChain + ";";
        return new[] { new TextChange(statement.Span, code) };
    }

    /// <summary>The column's defaultValue when it has one, else the CLR default of its type; null when neither is known.</summary>
    public static ColumnValue? ValueFor(ColumnDefinition column) =>
        column.DefaultValue.IsNull ? PlaceholderDefaults.ClrDefault(column.ClrType) : PlaceholderDefaults.Read(column.DefaultValue);

    /// <summary><c>// Existing rows get v in c.</c> and the <c>Sql("UPDATE … WHERE c IS NULL")</c> statement.</summary>
    public static string Backfill(string receiver, Configuration.DatabaseProvider provider, string? schema, string table, string column, string literal, string indent, string newLine)
    {
        var quoted = SqlQuoting.Identifier(provider, column);
        var sql = "UPDATE " + SqlQuoting.Table(provider, schema, table) + " SET " + quoted + " = " + literal + " WHERE " + quoted + " IS NULL";
        return "// Existing rows get " + literal + " in " + column + "." + newLine +
            indent + new EfCallWriter(receiver, "Sql").Literal("sql", sql).ToCode(indent, newLine) + ";";
    }
}
