using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Reversibility;

/// <summary>MIG045's comparison of two column definitions: what a rollback must restore and did not.</summary>
internal static class DefinitionDifference
{
    /// <summary>
    /// How <paramref name="actual"/> differs from <paramref name="expected"/> in what a rollback must
    /// restore (store type, nullability, length, precision, scale, unicode, fixed length); null when it
    /// does not, or when the values cannot be compared. The database holds store types: when both sides
    /// state one (<c>type:</c>), CLR types are not compared (DateTime and DateTimeOffset are both TEXT on SQLite).
    /// </summary>
    public static string? Of(ColumnDefinition expected, ColumnDefinition actual)
    {
        var storeTypesKnown = expected.StoreType is not null && actual.StoreType is not null;
        if (!storeTypesKnown && expected.ClrType is { } expectedType && actual.ClrType is { } actualType &&
            !SymbolEqualityComparer.Default.Equals(Underlying(expectedType), Underlying(actualType)))
        {
            return $"type {SymbolNames.Display(actualType)} instead of {SymbolNames.Display(expectedType)}";
        }

        if (expected.StoreType is { } expectedStore && actual.StoreType is { } actualStore &&
            !string.Equals(expectedStore, actualStore, System.StringComparison.OrdinalIgnoreCase))
        {
            return $"type '{actualStore}' instead of '{expectedStore}'";
        }

        if (expected.IsNullable is { } expectedNullable && actual.IsNullable is { } actualNullable && expectedNullable != actualNullable)
        {
            return $"nullable: {Bool(actualNullable)} instead of {Bool(expectedNullable)}";
        }

        foreach (var parameter in new[] { "maxLength", "precision", "scale", "unicode", "fixedLength" })
        {
            var a = expected[parameter];
            var b = actual[parameter];
            if (a.IsKnown && b.IsKnown && !ArgumentValue.ConstantEquals(a, b))
            {
                return $"{parameter}: {b} instead of {a}";
            }
        }

        return null;
    }

    private static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static string Bool(bool value) => value ? "true" : "false";
}
