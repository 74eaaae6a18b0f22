using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Configuration;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Reads the provider tests real migrations branch on: <c>ActiveProvider == "…"</c> (either side,
/// <c>!=</c>, <c>!</c>, <c>&amp;&amp;</c>/<c>||</c>) and <c>migrationBuilder.IsNpgsql()</c>-style
/// extension calls. Anything else is an unknown condition.
/// </summary>
internal static class ConditionReader
{
    /// <summary>The conditions under which the true and the false branch run.</summary>
    public static (ExecutionCondition WhenTrue, ExecutionCondition WhenFalse) Read(ExpressionSyntax condition, SemanticModel model, CancellationToken cancellationToken)
    {
        var providers = ReadProviders(condition, model, cancellationToken);
        if (providers.IsDefault)
        {
            return (ExecutionCondition.Unknown, ExecutionCondition.Unknown);
        }

        return (ExecutionCondition.ForProviders(providers), ExecutionCondition.ForProviders(Complement(providers)));
    }

    /// <summary>The providers for which the expression is true; default when it is not a provider test.</summary>
    private static ImmutableArray<DatabaseProvider> ReadProviders(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return ReadProviders(parenthesized.Expression, model, cancellationToken);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                var inner = ReadProviders(not.Operand, model, cancellationToken);
                return inner.IsDefault ? default : Complement(inner);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression } logical:
                var left = ReadProviders(logical.Left, model, cancellationToken);
                var right = ReadProviders(logical.Right, model, cancellationToken);
                if (left.IsDefault || right.IsDefault)
                {
                    return default;
                }

                return logical.IsKind(SyntaxKind.LogicalAndExpression)
                    ? left.RemoveAll(p => !right.Contains(p))
                    : left.AddRange(right.RemoveAll(left.Contains));
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } comparison:
                var name = ProviderString(comparison.Left, comparison.Right, model, cancellationToken)
                    ?? ProviderString(comparison.Right, comparison.Left, model, cancellationToken);
                if (name is null)
                {
                    return default;
                }

                var provider = ProviderNames.FromAssemblyName(name);
                var matches = provider == DatabaseProvider.Unknown
                    ? ImmutableArray<DatabaseProvider>.Empty
                    : ImmutableArray.Create(provider);
                return comparison.IsKind(SyntaxKind.EqualsExpression) ? matches : Complement(matches);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments.Count: 0 }
                when ProviderNames.FromIsMethod(access.Name.Identifier.ValueText) is var named && named != DatabaseProvider.Unknown:
                // migrationBuilder.IsNpgsql(): the providers' own extension names, read without binding the branch.
                return ImmutableArray.Create(named);
            case InvocationExpressionSyntax invocation
                when model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { IsExtensionMethod: true } method:
                var tested = ProviderNames.FromIsMethod(method.Name);
                return tested == DatabaseProvider.Unknown ? default : ImmutableArray.Create(tested);
            default:
                return default;
        }
    }

    /// <summary>When <paramref name="property"/> is <c>ActiveProvider</c> and the other side a constant string.</summary>
    private static string? ProviderString(ExpressionSyntax property, ExpressionSyntax constant, SemanticModel model, CancellationToken cancellationToken)
    {
        // Migration.ActiveProvider / migrationBuilder.ActiveProvider: recognised by name so that reading a
        // branch does not bind it (and its body) — SPEC §7 cost.
        var isActiveProvider = property switch
        {
            IdentifierNameSyntax { Identifier.ValueText: "ActiveProvider" } => true,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ActiveProvider" } => true,
            _ => false,
        };
        if (!isActiveProvider)
        {
            return null;
        }

        if (constant is LiteralExpressionSyntax { Token.Value: string literal })
        {
            return literal;
        }

        return model.GetConstantValue(constant, cancellationToken) is { HasValue: true, Value: string value } ? value : null;
    }

    private static ImmutableArray<DatabaseProvider> Complement(ImmutableArray<DatabaseProvider> providers) =>
        ProviderNames.All.RemoveAll(providers.Contains);
}
