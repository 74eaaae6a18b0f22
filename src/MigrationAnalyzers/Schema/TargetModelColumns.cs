using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// The semantic half of <see cref="TargetModel"/>: its <c>b.Property&lt;T&gt;("Name")…</c> chains as
/// <see cref="ColumnDefinition"/>s shaped like a <c>CreateTable</c> column (the CLR type and constant
/// arguments need the compiler). Anything it does not recognise is left out, never guessed.
/// </summary>
internal static class TargetModelColumns
{
    public static ImmutableArray<ColumnDefinition> Read(Compilation compilation, ImmutableArray<ModelProperty> properties)
    {
        var columns = ImmutableArray.CreateBuilder<ColumnDefinition>();
        SemanticModel? model = null;
        foreach (var property in properties)
        {
            var tree = property.Chain[0].Invocation.SyntaxTree;
            if (!compilation.ContainsSyntaxTree(tree))
            {
                continue;
            }

            model = model?.SyntaxTree == tree ? model : compilation.GetSemanticModel(tree);
            if (Column(model, property.Chain, property.OwnedBy) is { } column)
            {
                columns.Add(property.IsOptional ? Nullable(column) : column);
            }
        }

        return columns.ToImmutable();
    }

    /// <summary>
    /// A <c>b.Property&lt;T&gt;("Name")</c> chain as a column: <c>HasColumnName</c>, <c>HasColumnType</c>,
    /// <c>HasMaxLength</c>, <c>HasPrecision</c>, <c>IsUnicode</c>, <c>IsFixedLength</c>, <c>IsRequired</c>,
    /// defaults and computed SQL. A non-constant argument drops the column.
    /// </summary>
    /// <param name="ownedBy">The navigation of an owned type sharing its owner's table: EF names its columns <c>Nav_Prop</c>.</param>
    private static ColumnDefinition? Column(SemanticModel model, List<(string Name, InvocationExpressionSyntax Invocation)> chain, string? ownedBy = null)
    {
        var property = chain[0].Invocation;
        if (model.GetSymbolInfo(property).Symbol is not IMethodSymbol { TypeArguments.Length: 1 } method ||
            Constant(model, property, 0) is not string propertyName)
        {
            return null;
        }

        var clrType = method.TypeArguments[0];
        var arguments = ImmutableDictionary.CreateBuilder<string, ArgumentValue>();
        var name = ownedBy is null ? propertyName : ownedBy + "_" + propertyName;
        var required = clrType.IsValueType && clrType.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
        for (var i = 1; i < chain.Count; i++)
        {
            var (call, invocation) = chain[i];
            var count = invocation.ArgumentList.Arguments.Count;
            switch (call)
            {
                case "HasColumnName" when Constant(model, invocation, 0) is string columnName:
                    name = columnName;
                    break;
                case "HasColumnType":
                    arguments["type"] = Value(model, invocation, 0);
                    break;
                case "HasMaxLength":
                    arguments["maxLength"] = Value(model, invocation, 0);
                    break;
                case "HasPrecision":
                    arguments["precision"] = Value(model, invocation, 0);
                    if (count > 1)
                    {
                        arguments["scale"] = Value(model, invocation, 1);
                    }

                    break;
                case "IsUnicode":
                    arguments["unicode"] = count == 0 ? new ArgumentValue(ArgumentValueKind.Constant, true, invocation) : Value(model, invocation, 0);
                    break;
                case "IsFixedLength":
                    arguments["fixedLength"] = count == 0 ? new ArgumentValue(ArgumentValueKind.Constant, true, invocation) : Value(model, invocation, 0);
                    break;
                case "IsRequired":
                    required = count == 0 || Constant(model, invocation, 0) is true;
                    break;
                case "HasDefaultValueSql":
                    arguments["defaultValueSql"] = Value(model, invocation, 0);
                    break;
                case "HasComputedColumnSql":
                    arguments["computedColumnSql"] = Value(model, invocation, 0);
                    break;
                case "HasDefaultValue":
                    arguments["defaultValue"] = Value(model, invocation, 0);
                    break;
            }
        }

        arguments["nullable"] = new ArgumentValue(ArgumentValueKind.Constant, !required, property);
        foreach (var pair in arguments)
        {
            if (!pair.Value.IsKnown)
            {
                return null;
            }
        }

        return new ColumnDefinition(name, clrType, arguments.ToImmutable(), ImmutableArray<Annotation>.Empty, property, propertyName);
    }

    /// <summary>The column of an optional dependent: nullable whatever its property says.</summary>
    private static ColumnDefinition Nullable(ColumnDefinition column)
    {
        var arguments = ImmutableDictionary.CreateBuilder<string, ArgumentValue>();
        foreach (var parameter in new[] { "type", "maxLength", "precision", "scale", "unicode", "fixedLength", "defaultValueSql", "computedColumnSql", "defaultValue" })
        {
            if (!column[parameter].IsOmitted)
            {
                arguments[parameter] = column[parameter];
            }
        }

        arguments["nullable"] = new ArgumentValue(ArgumentValueKind.Constant, true, column.Syntax);
        return new ColumnDefinition(column.Name, column.ClrType, arguments.ToImmutable(), column.Annotations, column.Syntax, column.PropertyName);
    }

    private static object? Constant(SemanticModel model, InvocationExpressionSyntax invocation, int index) =>
        invocation.ArgumentList.Arguments.Count > index
            ? ConstantValue(model, invocation.ArgumentList.Arguments[index].Expression).Value
            : null;

    /// <summary>
    /// EF writes literals into a target model: read their tokens. Binding an argument inside the
    /// <c>Entity(…, b => { … })</c> lambda binds the whole statement, i.e. the Designer body (SPEC §7).
    /// </summary>
    private static Optional<object?> ConstantValue(SemanticModel model, ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax literal && !literal.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.DefaultLiteralExpression)
            ? new Optional<object?>(literal.Token.Value)
            : model.GetConstantValue(expression, CancellationToken.None);

    private static ArgumentValue Value(SemanticModel model, InvocationExpressionSyntax invocation, int index)
    {
        if (invocation.ArgumentList.Arguments.Count <= index)
        {
            return new ArgumentValue(ArgumentValueKind.Unknown, null, invocation);
        }

        var expression = invocation.ArgumentList.Arguments[index].Expression;
        var constant = ConstantValue(model, expression);
        return constant.HasValue
            ? new ArgumentValue(ArgumentValueKind.Constant, constant.Value, expression)
            : new ArgumentValue(ArgumentValueKind.Unknown, null, expression);
    }
}

/// <summary>A <c>b.Property&lt;T&gt;("Name")…</c> chain of a target model, with what its table makes of it.</summary>
internal sealed class ModelProperty
{
    public ModelProperty(List<(string Name, InvocationExpressionSyntax Invocation)> chain, string? ownedBy = null, bool isOptional = false)
    {
        Chain = chain;
        OwnedBy = ownedBy;
        IsOptional = isOptional;
    }

    /// <summary>The calls, <c>Property</c> first.</summary>
    public List<(string Name, InvocationExpressionSyntax Invocation)> Chain { get; }

    /// <summary>The navigation of an owned type sharing its owner's table: EF names its columns <c>Navigation_Property</c>.</summary>
    public string? OwnedBy { get; }

    /// <summary>A property of an optional dependent sharing its owner's table: its column is nullable.</summary>
    public bool IsOptional { get; }
}
