using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Resolves an invocation's arguments by parameter through the compiler's IOperation tree, so
/// named, positional and omitted arguments all read the same, and constants fold as C# folds them.
/// </summary>
internal static class ArgumentReader
{
    public static ImmutableDictionary<string, ArgumentValue> Read(IInvocationOperation? invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, ArgumentValue>();
        if (invocation is null)
        {
            return builder.ToImmutable();
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            builder[parameter.Name] = argument.ArgumentKind == ArgumentKind.DefaultValue
                ? new ArgumentValue(ArgumentValueKind.Omitted, parameter.HasExplicitDefaultValue ? parameter.ExplicitDefaultValue : null, null)
                : ReadValue(argument.Value, model, cancellationToken);
        }

        return builder.ToImmutable();
    }

    public static ArgumentValue ReadValue(IOperation operation, SemanticModel model, CancellationToken cancellationToken)
    {
        // Boxing (int → object defaultValue) and nullable lifting hide the constant one level down.
        while (!operation.ConstantValue.HasValue && operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        if (operation.ConstantValue.HasValue)
        {
            return new ArgumentValue(ArgumentValueKind.Constant, operation.ConstantValue.Value, operation.Syntax);
        }

        switch (operation)
        {
            case IArrayCreationOperation { Initializer: { } initializer } array:
                // The type as written (new object[] { … }); an inferred one (new[] { … }) is left out, as the token path must.
                return new ArgumentValue(ArgumentValueKind.Array, null, array.Syntax, ReadElements(initializer, model, cancellationToken),
                    array.Syntax is ArrayCreationExpressionSyntax ? array.Type : null);
            case IArrayCreationOperation { DimensionSizes: { Length: 1 } sizes } emptyArray
                when sizes[0].ConstantValue.HasValue && sizes[0].ConstantValue.Value is 0:
                return new ArgumentValue(ArgumentValueKind.Array, null, emptyArray.Syntax, ImmutableArray<ArgumentValue>.Empty, emptyArray.Type);
            case IArrayInitializerOperation nested:
                return new ArgumentValue(ArgumentValueKind.Array, null, nested.Syntax, ReadElements(nested, model, cancellationToken));
            case IObjectCreationOperation { Initializer: null } creation:
                var arguments = ImmutableArray.CreateBuilder<ArgumentValue>(creation.Arguments.Length);
                foreach (var argument in creation.Arguments)
                {
                    arguments.Add(argument.ArgumentKind == ArgumentKind.DefaultValue
                        ? new ArgumentValue(ArgumentValueKind.Omitted, argument.Parameter?.HasExplicitDefaultValue == true ? argument.Parameter.ExplicitDefaultValue : null, null)
                        : ReadValue(argument.Value, model, cancellationToken));
                }

                return new ArgumentValue(ArgumentValueKind.ObjectCreation, null, creation.Syntax, arguments.MoveToImmutable(), creation.Type);
            case IFieldReferenceOperation { Instance: null } field:
                return new ArgumentValue(ArgumentValueKind.StaticMember, null, field.Syntax, type: field.Field.ContainingType, memberName: field.Field.Name);
            case IPropertyReferenceOperation { Instance: null } property:
                return new ArgumentValue(ArgumentValueKind.StaticMember, null, property.Syntax, type: property.Property.ContainingType, memberName: property.Property.Name);
            case ITypeOfOperation typeOf:
                return new ArgumentValue(ArgumentValueKind.TypeOf, null, typeOf.Syntax, type: typeOf.TypeOperand);
            case IDelegateCreationOperation or IAnonymousFunctionOperation:
                return new ArgumentValue(ArgumentValueKind.Lambda, null, operation.Syntax);
        }

        // C# 12 collection expressions ([ "a", "b" ]) have no IOperation shape in Roslyn 4.8: read the syntax.
        if (operation.Syntax is CollectionExpressionSyntax collection)
        {
            var elements = ImmutableArray.CreateBuilder<ArgumentValue>(collection.Elements.Count);
            foreach (var element in collection.Elements)
            {
                if (element is not ExpressionElementSyntax expressionElement)
                {
                    return Unknown(operation.Syntax);
                }

                var constant = model.GetConstantValue(expressionElement.Expression, cancellationToken);
                elements.Add(constant.HasValue
                    ? new ArgumentValue(ArgumentValueKind.Constant, constant.Value, expressionElement.Expression)
                    : Unknown(expressionElement.Expression));
            }

            return new ArgumentValue(ArgumentValueKind.Array, null, collection, elements.MoveToImmutable());
        }

        return Unknown(operation.Syntax);
    }

    private static ImmutableArray<ArgumentValue> ReadElements(IArrayInitializerOperation initializer, SemanticModel model, CancellationToken cancellationToken)
    {
        var elements = ImmutableArray.CreateBuilder<ArgumentValue>(initializer.ElementValues.Length);
        foreach (var element in initializer.ElementValues)
        {
            elements.Add(ReadValue(element, model, cancellationToken));
        }

        return elements.MoveToImmutable();
    }

    private static ArgumentValue Unknown(SyntaxNode syntax) => new(ArgumentValueKind.Unknown, null, syntax);
}
