using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Builds the <see cref="MigrationModel"/> of a migration class: finds its Up/Down overrides
/// (or a custom base class's), then reads their operations with <see cref="OperationCollector"/>.
/// </summary>
internal sealed class MigrationModelBuilder
{
    private readonly EfTypes _types;

    public MigrationModelBuilder(EfTypes types)
    {
        _types = types;
    }

    /// <summary>How many Up/Down bodies this builder read (not taken from <see cref="MethodReadCache"/>).</summary>
    public int Reads { get; private set; }

    /// <summary>Every builder's <see cref="Reads"/> in this process (the benchmark's "re-read" column).</summary>
    internal static int TotalReads => Volatile.Read(ref _totalReads);

    private static int _totalReads;

    public MigrationModel Build(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var id = ReadId(type);
        var up = FindOverride(type, "Up", cancellationToken);
        var down = FindOverride(type, "Down", cancellationToken);
        var upOperations = ReadMethod(up, cancellationToken);
        var downOperations = ReadMethod(down, cancellationToken);
        var targetModel = FindOverride(type, "BuildTargetModel", cancellationToken);
        var declaration = MainDeclaration(type, up, cancellationToken);
        var location = declaration?.Identifier.GetLocation() ?? type.Locations.FirstOrDefault() ?? Location.None;
        return new MigrationModel(type, id, location, declaration?.SyntaxTree, upOperations, downOperations, targetModel);
    }

    public string? ReadId(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _types.MigrationAttribute) &&
                attribute.ConstructorArguments.Length == 1 &&
                attribute.ConstructorArguments[0].Value is string id)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>
    /// The nearest declaration of Up/Down/BuildTargetModel in source along the base chain
    /// (a custom base class may implement Down for all its migrations); EF's own Migration is not source.
    /// Found from the class declarations' syntax: asking the symbols for their members and parameters
    /// would bind every method signature of the class, which the model does not need.
    /// </summary>
    private MethodDeclarationSyntax? FindOverride(INamedTypeSymbol type, string name, CancellationToken cancellationToken)
    {
        for (var current = type; current is not null && !SymbolEqualityComparer.Default.Equals(current, _types.Migration); current = current.BaseType)
        {
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not ClassDeclarationSyntax declaration)
                {
                    continue;
                }

                foreach (var member in declaration.Members)
                {
                    if (member is MethodDeclarationSyntax { ParameterList.Parameters.Count: 1 } method &&
                        method.Identifier.ValueText == name &&
                        !method.Modifiers.Any(SyntaxKind.AbstractKeyword))
                    {
                        return method;
                    }
                }
            }
        }

        return null;
    }

    private MethodOperations ReadMethod(MethodDeclarationSyntax? declaration, CancellationToken cancellationToken)
    {
        if (declaration is null)
        {
            return MethodOperations.NotDeclared;
        }

        if (MethodReadCache.TryGet(declaration, _types) is { } kept)
        {
            return kept;
        }

        Reads++;
        Interlocked.Increment(ref _totalReads);
        var collector = new OperationCollector(_types, cancellationToken);
        var operations = collector.Collect(declaration);
        var hasStatements = declaration.ExpressionBody is not null || declaration.Body?.Statements.Count > 0;
        var thrown = Thrown(declaration);
        var result = new MethodOperations(
            operations,
            declaration,
            declaration.Identifier.GetLocation(),
            hasStatements,
            thrown is not null && OnlyThrowsNotSupported(thrown, collector.Model(declaration.SyntaxTree), cancellationToken),
            collector.CallsBase);
        if (!collector.UsedCompilation && thrown is null)
        {
            // Both hold in another compilation while its source declares none of these names.
            MethodReadCache.Store(declaration, _types, result, collector.BoundTypeNames.AddRange(collector.UnresolvedNames));
        }

        return result;
    }

    private static ExpressionSyntax? Thrown(MethodDeclarationSyntax declaration) => declaration switch
    {
        { ExpressionBody.Expression: ThrowExpressionSyntax throwExpression } => throwExpression.Expression,
        { Body.Statements: { Count: 1 } statements } when statements[0] is ThrowStatementSyntax throwStatement => throwStatement.Expression,
        _ => null,
    };

    private bool OnlyThrowsNotSupported(ExpressionSyntax thrown, SemanticModel model, CancellationToken cancellationToken)
    {
        if (_types.NotSupportedException is null)
        {
            return false;
        }

        return model.GetTypeInfo(thrown, cancellationToken).Type is INamedTypeSymbol exception &&
            (SymbolEqualityComparer.Default.Equals(exception, _types.NotSupportedException) ||
             EfTypes.DerivesFrom(exception, _types.NotSupportedException));
    }

    /// <summary>The part of a partial class that declares Up, else the first not in a .Designer.cs file.</summary>
    private static ClassDeclarationSyntax? MainDeclaration(INamedTypeSymbol type, MethodDeclarationSyntax? up, CancellationToken cancellationToken)
    {
        if (up?.Parent is ClassDeclarationSyntax owner &&
            type.DeclaringSyntaxReferences.Any(reference => reference.SyntaxTree == owner.SyntaxTree && reference.Span == owner.Span))
        {
            return owner;
        }

        ClassDeclarationSyntax? first = null;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not ClassDeclarationSyntax declaration)
            {
                continue;
            }

            first ??= declaration;
            if (!reference.SyntaxTree.FilePath.EndsWith(".Designer.cs", System.StringComparison.OrdinalIgnoreCase))
            {
                return declaration;
            }
        }

        return first;
    }
}
