using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Overload resolution by tokens for EF's builder methods: maps named and positional arguments onto
/// the one candidate they fit (parameter names, count, and the obvious shape of literals and arrays).
/// When no or several candidates fit, the caller falls back to the compiler's own binding.
/// </summary>
internal static class ParameterMapper
{
    public static (IMethodSymbol Method, ImmutableDictionary<string, ArgumentValue> Arguments)? Map(
        IEnumerable<IMethodSymbol> candidates, ArgumentListSyntax arguments, SyntaxValueReader reader)
    {
        IMethodSymbol? chosen = null;
        Dictionary<IParameterSymbol, ArgumentSyntax>? chosenMap = null;
        foreach (var candidate in candidates)
        {
            if (TryMap(candidate, arguments) is not { } map)
            {
                continue;
            }

            if (chosen is not null)
            {
                return null;
            }

            chosen = candidate;
            chosenMap = map;
        }

        if (chosen is null || chosenMap is null)
        {
            return null;
        }

        var values = ImmutableDictionary.CreateBuilder<string, ArgumentValue>();
        foreach (var parameter in chosen.Parameters)
        {
            values[parameter.Name] = chosenMap.TryGetValue(parameter, out var argument)
                ? reader.Read(argument.Expression)
                : new ArgumentValue(ArgumentValueKind.Omitted, parameter.HasExplicitDefaultValue ? parameter.ExplicitDefaultValue : null, null);
        }

        return (chosen, values.ToImmutable());
    }

    private static Dictionary<IParameterSymbol, ArgumentSyntax>? TryMap(IMethodSymbol method, ArgumentListSyntax arguments)
    {
        var map = new Dictionary<IParameterSymbol, ArgumentSyntax>(SymbolEqualityComparer.Default);
        var parameters = method.Parameters;
        for (var i = 0; i < arguments.Arguments.Count; i++)
        {
            var argument = arguments.Arguments[i];
            if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                return null;
            }

            var parameter = argument.NameColon is { } nameColon
                ? parameters.FirstOrDefault(p => p.Name == nameColon.Name.Identifier.ValueText)
                : i < parameters.Length ? parameters[i] : null;
            if (parameter is null || parameter.IsParams || map.ContainsKey(parameter) || !Fits(parameter.Type, argument.Expression))
            {
                return null;
            }

            map[parameter] = argument;
        }

        foreach (var parameter in parameters)
        {
            if (!map.ContainsKey(parameter) && !parameter.IsOptional)
            {
                return null;
            }
        }

        return map;
    }

    /// <summary>Whether an argument's visible shape can convert to the parameter type; unsure means yes.</summary>
    private static bool Fits(ITypeSymbol type, ExpressionSyntax expression)
    {
        if (type is ITypeParameterSymbol || type.SpecialType == SpecialType.System_Object)
        {
            return true;
        }

        var underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;
        return expression switch
        {
            ArrayCreationExpressionSyntax array => type is IArrayTypeSymbol arrayType && arrayType.Rank == array.Type.RankSpecifiers[0].Rank,
            ImplicitArrayCreationExpressionSyntax implicitArray => type is IArrayTypeSymbol implicitType && implicitType.Rank == implicitArray.Commas.Count + 1,
            CollectionExpressionSyntax => type is IArrayTypeSymbol { Rank: 1 } || type.TypeKind == TypeKind.Interface || type.TypeKind == TypeKind.Class,
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } => type.SpecialType == SpecialType.System_String,
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression or (int)SyntaxKind.FalseLiteralExpression } => underlying.SpecialType == SpecialType.System_Boolean,
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } => IsNumeric(underlying),
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } => type.IsReferenceType || !ReferenceEquals(underlying, type),
            LambdaExpressionSyntax => type.TypeKind == TypeKind.Delegate || type.Name == "Expression",
            _ => true,
        };
    }

    private static bool IsNumeric(ITypeSymbol type) => type.SpecialType is
        SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte or
        SpecialType.System_Decimal or SpecialType.System_Double or SpecialType.System_Single or
        SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_UInt16 or SpecialType.System_SByte;
}
