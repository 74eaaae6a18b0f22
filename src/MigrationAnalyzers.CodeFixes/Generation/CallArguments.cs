using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// The arguments an operation was written with, in source order, each under its EF parameter name
/// (positional ones included) with its source text: what a fix copies into the calls it writes.
/// </summary>
internal static class CallArguments
{
    public static List<(string Name, string Expression)>? Read(SyntaxNode invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (invocation is not InvocationExpressionSyntax call ||
            model.GetOperation(call, cancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        var result = new List<(string, string)>();
        foreach (var argument in call.ArgumentList.Arguments)
        {
            var parameter = argument.NameColon?.Name.Identifier.ValueText ??
                operation.Arguments.FirstOrDefault(a => a.Syntax == argument)?.Parameter?.Name;
            if (parameter is null)
            {
                return null;
            }

            result.Add((parameter, argument.Expression.ToString()));
        }

        return result;
    }

    /// <summary>The <c>migrationBuilder</c> of <c>migrationBuilder.X&lt;T&gt;(…)</c>, and T.</summary>
    public static (string Receiver, string? TypeArgument)? Target(SyntaxNode invocation) =>
        invocation is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
            ? (member.Expression.ToString(), member.Name is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments.FirstOrDefault()?.ToString() : null)
            : null;

    /// <summary>The <c>.Annotation(…)</c> chain after the invocation, as written (empty when none).</summary>
    public static string AnnotationChain(SyntaxNode invocation, SyntaxNode statementExpression)
    {
        var text = statementExpression.ToString();
        var offset = invocation.Span.End - statementExpression.SpanStart;
        return offset >= 0 && offset <= text.Length ? text.Substring(offset) : string.Empty;
    }
}
