using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Model;

/// <summary>
/// One migration class as the rules see it: its id, its <c>Up</c> and <c>Down</c> operations,
/// and where to report. Built once per class per compilation by <see cref="MigrationModelBuilder"/>.
/// Holds no rule logic.
/// </summary>
internal sealed class MigrationModel
{
    public MigrationModel(
        INamedTypeSymbol symbol,
        string? id,
        Location identifierLocation,
        SyntaxTree? tree,
        MethodOperations up,
        MethodOperations down,
        SyntaxNode? targetModelMethod)
    {
        Symbol = symbol;
        Id = id;
        IdentifierLocation = identifierLocation;
        Tree = tree;
        Up = up;
        Down = down;
        TargetModelMethod = targetModelMethod;
    }

    private ImmutableArray<SyntaxTree> _declaringTrees;

    public INamedTypeSymbol Symbol { get; }

    /// <summary>The class name: the migration's name as <c>dotnet ef migrations add</c> was given it.</summary>
    public string Name => Symbol.Name;

    /// <summary>From <c>[Migration("…")]</c>; null when the attribute is absent or not constant.</summary>
    public string? Id { get; }

    /// <summary>The class identifier in the file that declares Up (not the .Designer.cs part).</summary>
    public Location IdentifierLocation { get; }

    /// <summary>The syntax tree of the class's main declaration (options are read per tree).</summary>
    public SyntaxTree? Tree { get; }

    public MethodOperations Up { get; }

    public MethodOperations Down { get; }

    /// <summary>The <c>BuildTargetModel</c> override (usually in .Designer.cs), or null.</summary>
    public SyntaxNode? TargetModelMethod { get; }

    /// <summary>Every file declaring the class (its main file and the .Designer.cs part), in declaration order.</summary>
    public ImmutableArray<SyntaxTree> DeclaringTrees
    {
        get
        {
            if (_declaringTrees.IsDefault)
            {
                var references = Symbol.DeclaringSyntaxReferences;
                var trees = ImmutableArray.CreateBuilder<SyntaxTree>(references.Length);
                foreach (var reference in references)
                {
                    trees.Add(reference.SyntaxTree);
                }

                _declaringTrees = trees.MoveToImmutable();
            }

            return _declaringTrees;
        }
    }

    public override string ToString() => Id ?? Name;
}
