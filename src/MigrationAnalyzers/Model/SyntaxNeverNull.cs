using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Expressions that are never null, whatever their names bind to (or whether they bind at all):
/// a cast to a non-nullable built-in value type, <c>default(int)</c>, <c>new T(…)</c>, a string
/// interpolation, a string concatenation with a literal. Said from the tokens alone, so asking
/// whether such an argument is null binds nothing (<see cref="ArgumentValue.IsNull"/>).
/// </summary>
internal static class SyntaxNeverNull
{
    public static bool Holds(SyntaxNode? syntax) => syntax switch
    {
        ParenthesizedExpressionSyntax parenthesized => Holds(parenthesized.Expression),
        CastExpressionSyntax { Type: PredefinedTypeSyntax type } => IsValueType(type.Keyword),
        DefaultExpressionSyntax { Type: PredefinedTypeSyntax type } => IsValueType(type.Keyword),
        // Not `new int?()` nor a target-typed `new()` (null when the target is a Nullable<T>).
        ObjectCreationExpressionSyntax { Type: not NullableTypeSyntax } creation => !creation.Type.ToString().Contains("Nullable"),
        InterpolatedStringExpressionSyntax => true,
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add =>
            add.Left.IsKind(SyntaxKind.StringLiteralExpression) || add.Right.IsKind(SyntaxKind.StringLiteralExpression),
        _ => false,
    };

    /// <summary>The built-in types that are value types (not <c>object</c>, <c>string</c>, <c>dynamic</c>).</summary>
    private static bool IsValueType(SyntaxToken keyword) => keyword.Kind() switch
    {
        SyntaxKind.BoolKeyword or SyntaxKind.ByteKeyword or SyntaxKind.SByteKeyword or SyntaxKind.ShortKeyword or
        SyntaxKind.UShortKeyword or SyntaxKind.IntKeyword or SyntaxKind.UIntKeyword or SyntaxKind.LongKeyword or
        SyntaxKind.ULongKeyword or SyntaxKind.CharKeyword or SyntaxKind.FloatKeyword or SyntaxKind.DoubleKeyword or
        SyntaxKind.DecimalKeyword => true,
        _ => false,
    };
}
