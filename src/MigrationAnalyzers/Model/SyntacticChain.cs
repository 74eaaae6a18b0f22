using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Model;

/// <summary>
/// The token-only twin of <see cref="FluentChain"/>: unwinds <c>x.Op(…).Annotation("a", 1)</c> to
/// <c>x.Op(…)</c> and its annotations without binding, for the syntactic fast path.
/// </summary>
internal static class SyntacticChain
{
    public static (InvocationExpressionSyntax? Root, ImmutableArray<Annotation> Annotations) Unwind(ExpressionSyntax expression, SyntaxValueReader reader)
    {
        var annotations = ImmutableArray.CreateBuilder<Annotation>();
        var current = expression;
        while (current is InvocationExpressionSyntax
               {
                   Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Annotation" or "OldAnnotation" } access,
                   ArgumentList.Arguments: { Count: 2 } arguments,
               } &&
               access.Expression is InvocationExpressionSyntax)
        {
            var name = reader.Read(arguments[0].Expression).AsString();
            annotations.Insert(0, new Annotation(name, reader.Read(arguments[1].Expression), access.Name.Identifier.ValueText == "OldAnnotation"));
            current = access.Expression;
        }

        return (current as InvocationExpressionSyntax, annotations.ToImmutable());
    }

    /// <summary>The <c>receiver.Method&lt;T…&gt;</c> parts of <c>receiver.Method&lt;T…&gt;(…)</c> when the receiver is a plain name.</summary>
    public static (string Receiver, SimpleNameSyntax Method)? Target(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name: { } method }
            ? (receiver.Identifier.ValueText, method)
            : null;
}
