using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Reversibility;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// What the Reversibility fixes share: the inverse of an Up operation (from <see cref="Inverses"/>),
/// the whole generated Down, and an <see cref="InverseCall"/> rendered as an EF-scaffolded statement.
/// </summary>
internal static class DownWriter
{
    public static InverseCall? InverseOf(MigrationRuleContext context, MigrationOperation up)
    {
        var index = context.Migration.Up.Operations.IndexOf(up);
        return index < 0 ? null : Inverses.Build(up, context.UpStateBefore(index), EarlierOperations(context, index));
    }

    /// <summary>Every Up operation applied before Up's operation <paramref name="index"/>: earlier migrations, then this Up.</summary>
    private static IEnumerable<MigrationOperation> EarlierOperations(MigrationRuleContext context, int index)
    {
        foreach (var migration in context.History.Ordered)
        {
            if (migration == context.Migration)
            {
                break;
            }

            foreach (var operation in migration.Up.Operations)
            {
                yield return operation;
            }
        }

        for (var i = 0; i < index; i++)
        {
            yield return context.Migration.Up.Operations[i];
        }
    }

    /// <summary>
    /// Down as EF would scaffold it: the inverse of every Up operation in reverse order, operations
    /// on a table Up created left to its DropTable. Null when any inverse is not fully known (an
    /// unreadable or provider-specific operation, SQL that changes schema, a drop whose old
    /// definition the history lacks): the fix is then not offered.
    /// </summary>
    public static List<InverseCall>? GenerateDown(MigrationRuleContext context)
    {
        var up = context.Migration.Up;
        if (!up.IsDeclared || up.HasUnknown || up.CallsBase)
        {
            return null;
        }

        var operations = up.Operations;
        var calls = new List<InverseCall>();
        for (var i = operations.Length - 1; i >= 0; i--)
        {
            var operation = operations[i];
            if (operation.InLoop || !operation.Condition.IsAlways || operation.HasUnknownArguments)
            {
                return null;
            }

            switch (operation.Kind)
            {
                case MigrationOperationKind.EnsureSchema:
                case MigrationOperationKind.UpdateData:
                    // Data is not schema: a changed value needs no inverse.
                    continue;
                case MigrationOperationKind.Sql:
                    if ((operation.SqlText ?? operation.SqlTemplate) is not { } sql ||
                        (SqlEffects.Classify(sql) & ~(SqlEffect.Backfill | SqlEffect.RowChange)) != SqlEffect.None)
                    {
                        return null;
                    }

                    continue;
            }

            if (operation.Kind != MigrationOperationKind.CreateTable && operation.Kind != MigrationOperationKind.RenameTable && CreatedEarlier(operations, i))
            {
                continue;
            }

            if (InverseOf(context, operation) is not { } call)
            {
                return null;
            }

            calls.Add(call);
        }

        return calls;
    }

    /// <summary>The call as source, its arguments one per line, annotations chained below as EF writes them.</summary>
    public static string Code(InverseCall call, string receiver, string indent, string newLine)
    {
        var writer = new EfCallWriter(receiver, call.Method, call.TypeArgument);
        foreach (var argument in call.Arguments)
        {
            _ = argument.Kind switch
            {
                InverseArgumentKind.Strings => writer.Strings(argument.Name, argument.Strings),
                InverseArgumentKind.Code => writer.Argument(argument.Name, argument.Code!),
                _ => writer.Literal(argument.Name, argument.Constant),
            };
        }

        if (!call.Columns.IsEmpty)
        {
            writer.Argument("columns", ColumnsLambda(call, indent + "    ", newLine));
        }

        if (!call.Constraints.IsEmpty)
        {
            writer.Argument("constraints", ConstraintsLambda(call, indent + "    ", newLine));
        }

        return writer.ToCode(indent, newLine) + AnnotationChain(call.Annotations, indent + "    ", newLine);
    }

    /// <summary><c>table => new { Id = table.Column&lt;int&gt;(…), … }</c> as EF scaffolds it.</summary>
    private static string ColumnsLambda(InverseCall call, string indent, string newLine)
    {
        var columns = call.Columns.Select(column =>
            indent + "    " + column.Property + " = table.Column<" + column.TypeArgument + ">(" +
            string.Join(", ", column.Arguments.Select(a => a.Name + ": " + Render(a))) + ")" +
            AnnotationChain(column.Annotations, indent + "        ", newLine));
        return "table => new" + newLine + indent + "{" + newLine + string.Join("," + newLine, columns) + newLine + indent + "}";
    }

    /// <summary><c>table => { table.PrimaryKey("PK", x => x.Id); table.ForeignKey(…); }</c> as EF scaffolds it.</summary>
    private static string ConstraintsLambda(InverseCall call, string indent, string newLine)
    {
        var code = "table =>" + newLine + indent + "{" + newLine;
        foreach (var constraint in call.Constraints)
        {
            var name = constraint.Arguments.First(a => a.Name == "name");
            var columns = constraint.Arguments.First(a => a.Name == "column");
            var selector = columns.Strings.Length == 1
                ? "x => x." + columns.Strings[0]
                : "x => new { " + string.Join(", ", columns.Strings.Select(c => "x." + c)) + " }";
            string text;
            if (constraint.Method == "ForeignKey")
            {
                var writer = new EfCallWriter("table", "ForeignKey");
                foreach (var argument in constraint.Arguments)
                {
                    writer.Argument(argument.Name, argument.Name == "column" ? selector : Render(argument));
                }

                text = writer.ToCode(indent + "    ", newLine);
            }
            else
            {
                text = "table." + constraint.Method + "(" + Render(name) + ", " + selector + ")";
            }

            code += indent + "    " + text + ";" + newLine;
        }

        return code + indent + "}";
    }

    private static string AnnotationChain(System.Collections.Immutable.ImmutableArray<InverseAnnotation> annotations, string indent, string newLine)
    {
        var code = string.Empty;
        foreach (var annotation in annotations)
        {
            code += newLine + indent + "." + (annotation.IsOld ? "OldAnnotation" : "Annotation") + "(" +
                CSharpLiterals.Render(annotation.Name) + ", " + Render(annotation.Value) + ")";
        }

        return code;
    }

    /// <summary>The call's statement and those of its follow-ups (a re-created table's indexes).</summary>
    public static IEnumerable<StatementSyntax> StatementsOf(InverseCall call, string receiver, FixPlan plan)
    {
        yield return plan.Statement(Code(call, receiver, string.Empty, plan.NewLine) + ";");
        foreach (var followUp in call.FollowUps)
        {
            yield return plan.Statement(Code(followUp, receiver, string.Empty, plan.NewLine) + ";");
        }
    }

    /// <summary>The statements of a generated Down.</summary>
    public static List<StatementSyntax> Statements(IEnumerable<InverseCall> calls, string receiver, FixPlan plan) =>
        calls.SelectMany(call => StatementsOf(call, receiver, plan)).ToList();

    /// <summary>The statement an operation is, when it is a direct statement of <paramref name="body"/>.</summary>
    public static ExpressionStatementSyntax? TopLevelStatement(MigrationOperation operation, BlockSyntax body) =>
        operation.StatementExpression.Parent is ExpressionStatementSyntax statement && statement.Parent == body ? statement : null;

    private static bool CreatedEarlier(System.Collections.Immutable.ImmutableArray<MigrationOperation> operations, int index)
    {
        var operation = operations[index];
        for (var i = 0; i < index; i++)
        {
            if (operations[i].Kind == MigrationOperationKind.CreateTable && operations[i].IsTable(operation.Schema, operation.Table ?? string.Empty))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A value inside a lambda or an annotation: a constant, names, or source copied from the operation that declared it.</summary>
    private static string Render(InverseArgument argument) => argument.Kind switch
    {
        InverseArgumentKind.Code => argument.Code!,
        InverseArgumentKind.Strings => "new[] { " + string.Join(", ", argument.Strings.Select(v => CSharpLiterals.Render(v))) + " }",
        _ => CSharpLiterals.Render(argument.Constant),
    };
}
