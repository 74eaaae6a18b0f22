using System.Collections.Generic;
using System.Linq;
using System.Threading;
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
    /// <summary>The rule context a fix needs for the schema history (nothing is reported through it).</summary>
    public static MigrationRuleContext Context(MigrationDocument document, CancellationToken cancellationToken) =>
        new(document.Catalog, document.Migration, document.Options, _ => { }, cancellationToken);

    public static InverseCall? InverseOf(MigrationRuleContext context, MigrationOperation up)
    {
        var index = context.Migration.Up.Operations.IndexOf(up);
        return index < 0 ? null : Inverses.Build(up, context.UpStateBefore(index));
    }

    /// <summary>
    /// Down as EF would scaffold it: the inverse of every Up operation in reverse order, operations
    /// on a table Up created left to its DropTable. Null when any inverse is not fully known (an
    /// unreadable or provider-specific operation, SQL that is more than a backfill, a drop whose old
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
                    continue;
                case MigrationOperationKind.Sql:
                    if ((operation.SqlText ?? operation.SqlTemplate) is not { } sql ||
                        (SqlEffects.Classify(sql) & ~SqlEffect.Backfill) != SqlEffect.None)
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

        var code = writer.ToCode(indent, newLine);
        foreach (var annotation in call.Annotations)
        {
            code += newLine + indent + "    ." + (annotation.IsOld ? "OldAnnotation" : "Annotation") + "(" +
                CSharpLiterals.Render(annotation.Name) + ", " + Render(annotation.Value) + ")";
        }

        return code;
    }

    /// <summary>A statement at <paramref name="indent"/>, preceded by a blank line when EF would put one.</summary>
    public static StatementSyntax Statement(InverseCall call, string receiver, string indent, string newLine, bool blankLineBefore)
    {
        var statement = SyntaxFactory.ParseStatement(Code(call, receiver, indent, newLine) + ";" + newLine);
        var leading = new List<SyntaxTrivia>();
        if (blankLineBefore)
        {
            leading.Add(SyntaxFactory.EndOfLine(newLine));
        }

        leading.Add(SyntaxFactory.Whitespace(indent));
        return statement.WithLeadingTrivia(leading);
    }

    /// <summary>The statements of a Down body in EF's layout: one blank line between operations.</summary>
    public static List<StatementSyntax> Statements(IEnumerable<InverseCall> calls, string receiver, string indent, string newLine) =>
        calls.Select((call, i) => Statement(call, receiver, indent, newLine, blankLineBefore: i > 0)).ToList();

    /// <summary>The <c>migrationBuilder</c> parameter name of a Up/Down declaration.</summary>
    public static string Receiver(SyntaxNode? method) =>
        method is MethodDeclarationSyntax { ParameterList.Parameters.Count: 1 } declaration
            ? declaration.ParameterList.Parameters[0].Identifier.ValueText
            : "migrationBuilder";

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

    /// <summary>An annotation value: a constant, or source copied from the operation that declared it.</summary>
    private static string Render(InverseArgument argument) =>
        argument.Kind == InverseArgumentKind.Code ? argument.Code! : CSharpLiterals.Render(argument.Constant);
}
