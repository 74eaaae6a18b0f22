using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Unwinds <c>x.Op(…).Annotation("a", 1).OldAnnotation("b", 2)</c> to the <c>x.Op(…)</c>
/// invocation and its annotations, in source order.
/// </summary>
internal static class FluentChain
{
    public static (InvocationExpressionSyntax? Root, ImmutableArray<Annotation> Annotations) Unwind(
        ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var annotations = ImmutableArray.CreateBuilder<Annotation>();
        var current = expression;
        while (current is InvocationExpressionSyntax
               {
                   Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Annotation" or "OldAnnotation" } access,
               } invocation &&
               model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method &&
               EfTypes.IsOperationsBuilderNamespace(method.ContainingType))
        {
            var arguments = invocation.ArgumentList.Arguments;
            string? name = null;
            var value = ArgumentValue.Missing;
            if (arguments.Count == 2)
            {
                name = model.GetConstantValue(arguments[0].Expression, cancellationToken).Value as string;
                value = model.GetOperation(arguments[1].Expression, cancellationToken) is { } operation
                    ? ArgumentReader.ReadValue(operation, model, cancellationToken)
                    : new ArgumentValue(ArgumentValueKind.Unknown, null, arguments[1].Expression);
            }

            annotations.Insert(0, new Annotation(name, value, method.Name == "OldAnnotation"));
            current = access.Expression;
        }

        return (current as InvocationExpressionSyntax, annotations.ToImmutable());
    }
}
