using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Reads argument values from tokens, as EF's scaffolder writes them (literals, arrays of literals,
/// <c>typeof</c>), and defers everything else to the semantic model until a rule asks.
/// Binding a statement costs about what compiling it costs; reading its tokens costs almost
/// nothing, and EF scaffolding is nearly all literals (SPEC §7: under 2 % of compile time).
/// </summary>
internal sealed class SyntaxValueReader
{
    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, ITypeSymbol?> _types = new();
    private readonly HashSet<string> _typeNames = new();

    private readonly UnresolvedNames _unresolved;

    public SyntaxValueReader(SemanticModel model, CancellationToken cancellationToken)
    {
        _model = model;
        _cancellationToken = cancellationToken;
        _unresolved = new UnresolvedNames(model, cancellationToken);
    }

    public SemanticModel Model => _model;

    /// <summary>
    /// Set when a value read here depends on the compilation: deferred to the semantic model, or a
    /// type name that is the project's own (or unknown). Such a read is not kept for the next compilation.
    /// </summary>
    public bool UsedCompilation { get; private set; }

    /// <summary>The identifiers of the type names bound (all to referenced assemblies while <see cref="UsedCompilation"/> is false).</summary>
    public IEnumerable<string> BoundTypeNames => _typeNames;

    /// <summary>The names this reader's reads depend on by resolving nowhere (see <see cref="UnresolvedNames"/>).</summary>
    public UnresolvedNames Unresolved => _unresolved;

    /// <summary>The caller read something through the semantic model (a bound call, a folded constant).</summary>
    public void MarkUsedCompilation() => UsedCompilation = true;

    public ArgumentValue Read(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Read(parenthesized.Expression);
            case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                // `x!` is x to the compiler's operation tree too.
                return Read(suppressed.Operand);
            case LiteralExpressionSyntax literal when !literal.IsKind(SyntaxKind.DefaultLiteralExpression):
                return new ArgumentValue(ArgumentValueKind.Constant, literal.Token.Value, literal);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { Token.Value: { } number } } negative
                when Negate(number) is { } negated:
                return new ArgumentValue(ArgumentValueKind.Constant, negated, negative);
            case ImplicitArrayCreationExpressionSyntax implicitArray:
                return Array(implicitArray, implicitArray.Initializer.Expressions);
            case ArrayCreationExpressionSyntax { Initializer: { } initializer } array:
                return Array(array, initializer.Expressions, BindArrayType(array.Type));
            case ArrayCreationExpressionSyntax { Initializer: null } empty when IsEmptyArray(empty):
                return new ArgumentValue(ArgumentValueKind.Array, null, empty, ImmutableArray<ArgumentValue>.Empty, BindArrayType(empty.Type));
            case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ArrayInitializerExpression } nested:
                return Array(nested, nested.Expressions);
            case CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax):
                return Array(collection, collection.Elements.Select(e => ((ExpressionElementSyntax)e).Expression));
            case TypeOfExpressionSyntax typeOf:
                return new ArgumentValue(ArgumentValueKind.TypeOf, null, typeOf, type: BindType(typeOf.Type));
            case LambdaExpressionSyntax lambda:
                return new ArgumentValue(ArgumentValueKind.Lambda, null, lambda);
            default:
                // A name that resolves nowhere makes the value unknown: said now, without binding the
                // statement, and the read stays the tokens' plus those names (kept: MethodReadCache).
                if (_unresolved.Settles(expression) is { } unknown)
                {
                    return new ArgumentValue(ArgumentValueKind.Unknown, null, unknown);
                }

                UsedCompilation = true;
                return ArgumentValue.Deferred(expression, () => ReadSemantically(expression));
        }
    }

    /// <summary>
    /// Binds a type name where it stands without binding the statement around it
    /// (speculative binding as a type is a name lookup, not a statement bind).
    /// </summary>
    public ITypeSymbol? BindType(TypeSyntax type)
    {
        // Bound at the start of the enclosing member, not inside the CreateTable lambda: a position
        // inside a lambda makes the compiler bind the whole statement to type the lambda first.
        // Migrations declare no type parameters or local aliases, so the names mean the same there.
        var text = type.ToString();
        if (_types.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var position = type.FirstAncestorOrSelf<MemberDeclarationSyntax>()?.SpanStart ?? type.SpanStart;
        var bound = _model.GetSpeculativeTypeInfo(position, type, SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
        var result = bound is { TypeKind: not TypeKind.Error } ? bound : null;
        _types[text] = result;
        if (result is null || IsFromSource(result))
        {
            UsedCompilation = true;
        }
        else
        {
            foreach (var identifier in type.DescendantTokens())
            {
                if (identifier.IsKind(SyntaxKind.IdentifierToken))
                {
                    _typeNames.Add(identifier.ValueText);
                }
            }
        }

        return result;
    }

    /// <summary>A type declared in the compilation's source (or built from one: an array of it, a generic over it).</summary>
    private bool IsFromSource(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => IsFromSource(array.ElementType),
        INamedTypeSymbol { IsGenericType: true } generic when generic.TypeArguments.Any(IsFromSource) => true,
        _ => SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _model.Compilation.Assembly),
    };

    /// <summary><c>byte[0]</c> in <c>new byte[0]</c> is no type name: bind the element type and build the array type.</summary>
    private ITypeSymbol? BindArrayType(ArrayTypeSyntax array) =>
        BindType(array.ElementType) is { } element
            ? _model.Compilation.CreateArrayTypeSymbol(element, array.RankSpecifiers[0].Rank)
            : null;

    /// <summary>The text of a Sql argument from tokens; null when the semantic model must decide.</summary>
    public (string? Text, string? Template)? ReadSql(ExpressionSyntax expression)
    {
        var builder = new StringBuilder();
        return AppendSql(expression, builder) ? (builder.ToString(), builder.ToString()) : null;
    }

    private static bool AppendSql(ExpressionSyntax expression, StringBuilder builder)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return AppendSql(parenthesized.Expression, builder);
            case LiteralExpressionSyntax { Token.Value: string text }:
                builder.Append(text);
                return true;
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    switch (content)
                    {
                        case InterpolatedStringTextSyntax text:
                            builder.Append(text.TextToken.ValueText);
                            break;
                        case InterpolationSyntax { Expression: LiteralExpressionSyntax { Token.Value: { } value }, AlignmentClause: null, FormatClause: null }:
                            builder.Append(value);
                            break;
                        default:
                            // A hole: the semantic model may still fold it to a constant.
                            return false;
                    }
                }

                return true;
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } concatenation:
                return AppendSql(concatenation.Left, builder) && AppendSql(concatenation.Right, builder);
            default:
                return false;
        }
    }

    private ArgumentValue Array(SyntaxNode syntax, IEnumerable<ExpressionSyntax> elements, ITypeSymbol? type = null) =>
        new(ArgumentValueKind.Array, null, syntax, elements.Select(Read).ToImmutableArray(), type);

    private ArgumentValue ReadSemantically(ExpressionSyntax expression) =>
        _model.GetOperation(expression, _cancellationToken) is { } operation
            ? ArgumentReader.ReadValue(operation, _model, _cancellationToken)
            : new ArgumentValue(ArgumentValueKind.Unknown, null, expression);

    /// <summary><c>new byte[0]</c>.</summary>
    private static bool IsEmptyArray(ArrayCreationExpressionSyntax array) =>
        array.Type.RankSpecifiers.Count == 1 &&
        array.Type.RankSpecifiers[0].Sizes.Count == 1 &&
        array.Type.RankSpecifiers[0].Sizes[0] is LiteralExpressionSyntax { Token.Value: 0 };

    private static object? Negate(object number) => number switch
    {
        int i => -i,
        long l => -l,
        decimal m => -m,
        double d => -d,
        float f => -f,
        _ => null,
    };
}
